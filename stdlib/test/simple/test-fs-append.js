// 'a' and 'a+' append to a file instead of replacing it, and create it when missing.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'append.txt');
try { fs.unlinkSync(file); } catch (e) {}

var fd = fs.openSync(file, 'a');
fs.writeSync(fd, 'one\n', null, 'utf8');
fs.closeSync(fd);
fd = fs.openSync(file, 'a');
// Even an explicit position writes at the end with O_APPEND.
fs.writeSync(fd, 'two\n', null, 'utf8');
fs.closeSync(fd);
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'one\ntwo\n');

fs.open(file, 'a+', common.mustCall(function(err, fd) {
  assert.ifError(err);
  var b = new Buffer('three\n');
  fs.write(fd, b, 0, b.length, null, common.mustCall(function(err) {
    assert.ifError(err);
    fs.closeSync(fd);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'one\ntwo\nthree\n');
    // A WriteStream with flags 'a' appends too.
    var out = fs.createWriteStream(file, { flags: 'a' });
    out.on('close', common.mustCall(function() {
      assert.strictEqual(fs.readFileSync(file, 'utf8'), 'one\ntwo\nthree\nfour\n');
    }));
    out.end('four\n');
  }));
}));
