var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

// lchmod/lchown exist only where the system has O_SYMLINK, which Linux has not (v0.6.3).
['lchmod', 'lchmodSync', 'lchown', 'lchownSync'].forEach(function(name) {
  assert.strictEqual(fs[name], undefined, name);
});

// fdatasync and fdatasyncSync exist.
var file = path.join(common.tmpDir, 'fdatasync.txt');
var fd = fs.openSync(file, 'w');
fs.writeSync(fd, new Buffer('data'), 0, 4, null);
assert.strictEqual(fs.fdatasyncSync(fd), undefined);
fs.fdatasync(fd, common.mustCall(function(err) {
  assert.ifError(err);
  fs.closeSync(fd);
  fs.fdatasync(fd, common.mustCall(function(err) {
    assert.equal(err.code, 'EBADF');
  }));
}));
assert.throws(function() { fs.fdatasyncSync('nope'); }, TypeError);

// watch and watchFile without a listener throw, with v0.6.3's messages.
function throwsWith(fn, message) {
  assert.throws(fn, function(err) {
    return err instanceof Error && err.message === message;
  });
}
throwsWith(function() { fs.watch(common.tmpDir); }, 'watch requires a listener function');
throwsWith(function() { fs.watch(common.tmpDir, {}); }, 'watch requires a listener function');
throwsWith(function() { fs.watchFile(file); }, 'watchFile requires a listener function');
throwsWith(function() { fs.watchFile(file, { interval: 10 }); },
           'watchFile requires a listener function');
