// Missing files fail with ENOENT errors carrying code, errno, syscall and path.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var missing = path.join(common.tmpDir, 'does-not-exist');

function isEnoent(syscall) {
  return function(err) {
    return err instanceof Error && err.code === 'ENOENT' && err.syscall === syscall &&
           err.path === missing && typeof err.errno === 'number' &&
           /ENOENT/.test(err.message);
  };
}

assert.throws(function() { fs.openSync(missing, 'r'); }, isEnoent('open'));
assert.throws(function() { fs.readFileSync(missing); }, isEnoent('open'));
assert.throws(function() { fs.unlinkSync(missing); }, isEnoent('unlink'));
assert.throws(function() { fs.readdirSync(missing); }, isEnoent('readdir'));
assert.throws(function() { fs.renameSync(missing, missing + '2'); }, isEnoent('rename'));
assert.throws(function() { fs.chmodSync(missing, 0644); }, isEnoent('chmod'));

fs.open(missing, 'r', common.mustCall(function(err, fd) {
  assert.ok(isEnoent('open')(err));
  assert.strictEqual(fd, undefined);
}));
fs.readFile(missing, common.mustCall(function(err) {
  assert.ok(isEnoent('open')(err));
}));
fs.rmdir(missing, common.mustCall(function(err) {
  assert.ok(isEnoent('rmdir')(err));
}));
fs.createReadStream(missing).on('error', common.mustCall(function(err) {
  assert.ok(isEnoent('open')(err));
}));
