// symlink/readlink/lstat, and link making a second name for the same file.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var target = path.join(common.tmpDir, 'link-target');
var sym = path.join(common.tmpDir, 'link-sym');
var sym2 = path.join(common.tmpDir, 'link-sym2');
var hard = path.join(common.tmpDir, 'link-hard');
[sym, sym2, hard].forEach(function(p) { try { fs.unlinkSync(p); } catch (e) {} });
fs.writeFileSync(target, 'linked');

fs.symlinkSync('link-target', sym);
assert.strictEqual(fs.readlinkSync(sym), 'link-target');
assert.ok(fs.lstatSync(sym).isSymbolicLink());
assert.ok(fs.statSync(sym).isFile());
assert.strictEqual(fs.readFileSync(sym, 'utf8'), 'linked');
assert.strictEqual(fs.realpathSync(sym), fs.realpathSync(target));

fs.linkSync(target, hard);
assert.strictEqual(fs.statSync(target).nlink, 2);
assert.strictEqual(fs.statSync(hard).ino, fs.statSync(target).ino);

fs.symlink(target, sym2, common.mustCall(function(err) {
  assert.ifError(err);
  fs.readlink(sym2, common.mustCall(function(err, dest) {
    assert.ifError(err);
    assert.strictEqual(dest, target);
  }));
}));

// readlink of something that is not a link fails with EINVAL.
assert.throws(function() { fs.readlinkSync(target); },
              function(e) { return e.code === 'EINVAL' && e.syscall === 'readlink'; });
