var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

// Modes with file-type bits (a stat's mode, such as 0100644) are accepted, and their
// permission bits used, as v0.6.3 passed modes straight to the system call. npm relies on it.
var dir = path.join(common.tmpDir, 'mode-file-type-bits');
try { fs.rmdirSync(path.join(dir, 'sub')); } catch (e) {}
try { fs.unlinkSync(path.join(dir, 'f')); } catch (e) {}
try { fs.unlinkSync(path.join(dir, 'g')); } catch (e) {}
try { fs.rmdirSync(dir); } catch (e) {}
fs.mkdirSync(dir, 040755);
assert.equal(fs.statSync(dir).mode & 0777, 0755 & ~process.umask());

var file = path.join(dir, 'f');
var fd = fs.openSync(file, 'w', 0100600);
fs.closeSync(fd);
assert.equal(fs.statSync(file).mode & 0777, 0600 & ~process.umask());

var stat = fs.statSync(file);
fs.chmodSync(file, 0100644);
assert.equal(fs.statSync(file).mode & 07777, 0644);
fs.chmodSync(file, stat.mode);  // a stat's mode, as npm passes it back
assert.equal(fs.statSync(file).mode & 07777, stat.mode & 07777);
fs.chmodSync(file, '100640');
assert.equal(fs.statSync(file).mode & 07777, 0640);

fd = fs.openSync(file, 'r');
fs.fchmodSync(fd, 0100600);
assert.equal(fs.fstatSync(fd).mode & 07777, 0600);
fs.closeSync(fd);

fs.chmod(file, 0100604, common.mustCall(function(err) {
  assert.ifError(err);
  assert.equal(fs.statSync(file).mode & 07777, 0604);
  fs.mkdir(path.join(dir, 'sub'), 040700, common.mustCall(function(err) {
    assert.ifError(err);
    assert.equal(fs.statSync(path.join(dir, 'sub')).mode & 0777, 0700 & ~process.umask());
    var stream = fs.createWriteStream(path.join(dir, 'g'), { mode: 0100600 });
    stream.end('x');
    stream.on('close', common.mustCall(function() {
      assert.equal(fs.statSync(path.join(dir, 'g')).mode & 0777, 0600 & ~process.umask());
    }));
  }));
}));

// Nonsense is still a clear error.
assert.throws(function() { fs.chmodSync(file, {}); }, TypeError);
assert.throws(function() { fs.chmodSync(file, -1); });
