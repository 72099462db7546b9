// rename moves a file; unlink removes it; both sync and async.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var a = path.join(common.tmpDir, 'rename-a');
var b = path.join(common.tmpDir, 'rename-b');
var c = path.join(common.tmpDir, 'rename-c');
fs.writeFileSync(a, 'content');
fs.renameSync(a, b);
assert.ok(!fs.existsSync(a));
assert.strictEqual(fs.readFileSync(b, 'utf8'), 'content');

fs.rename(b, c, common.mustCall(function(err) {
  assert.ifError(err);
  assert.ok(!fs.existsSync(b));
  assert.strictEqual(fs.readFileSync(c, 'utf8'), 'content');
  fs.unlink(c, common.mustCall(function(err) {
    assert.ifError(err);
    assert.ok(!fs.existsSync(c));
    fs.writeFileSync(a, 'again');
    fs.unlinkSync(a);
    assert.ok(!fs.existsSync(a));
  }));
}));
