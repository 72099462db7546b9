// mkdir on an existing path fails with EEXIST, sync and async.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var dir = path.join(common.tmpDir, 'eexist-dir');
try { fs.mkdirSync(dir); } catch (e) {}

assert.throws(function() { fs.mkdirSync(dir); }, function(err) {
  return err.code === 'EEXIST' && err.syscall === 'mkdir' && err.path === dir;
});
fs.mkdir(dir, 0755, common.mustCall(function(err) {
  assert.ok(err);
  assert.strictEqual(err.code, 'EEXIST');
  assert.strictEqual(err.path, dir);
}));
