// truncate/ftruncate shorten (and lengthen) a file, by descriptor or by path.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'truncate.txt');
fs.writeFileSync(file, '0123456789');

var fd = fs.openSync(file, 'r+');
fs.truncateSync(fd, 4);
assert.strictEqual(fs.readFileSync(file, 'utf8'), '0123');
fs.ftruncateSync(fd, 6);
assert.strictEqual(fs.statSync(file).size, 6);
assert.strictEqual(fs.readFileSync(file).toString('hex'), '303132330000');
fs.closeSync(fd);

fs.truncateSync(file, 2);
assert.strictEqual(fs.readFileSync(file, 'utf8'), '01');

fd = fs.openSync(file, 'r+');
fs.truncate(fd, 1, common.mustCall(function(err) {
  assert.ifError(err);
  assert.strictEqual(fs.readFileSync(file, 'utf8'), '0');
  fs.ftruncate(fd, 0, common.mustCall(function(err) {
    assert.ifError(err);
    assert.strictEqual(fs.statSync(file).size, 0);
    fs.closeSync(fd);
  }));
}));
