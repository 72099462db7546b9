// chmod/fchmod change the mode stat reports; modes may be octal strings.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'chmod.txt');
fs.writeFileSync(file, 'x');

fs.chmodSync(file, 0600);
assert.strictEqual(fs.statSync(file).mode & 0777, 0600);
fs.chmodSync(file, '0644');
assert.strictEqual(fs.statSync(file).mode & 0777, 0644);

var fd = fs.openSync(file, 'r');
fs.fchmodSync(fd, 0640);
assert.strictEqual(fs.fstatSync(fd).mode & 0777, 0640);
fs.closeSync(fd);

fs.chmod(file, 0751, common.mustCall(function(err) {
  assert.ifError(err);
  assert.strictEqual(fs.statSync(file).mode & 0777, 0751);
  fs.open(file, 'r', common.mustCall(function(err, fd) {
    assert.ifError(err);
    fs.fchmod(fd, 0604, common.mustCall(function(err) {
      assert.ifError(err);
      assert.strictEqual(fs.statSync(file).mode & 0777, 0604);
      fs.closeSync(fd);
    }));
  }));
}));
