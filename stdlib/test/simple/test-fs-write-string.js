// fs.write/writeSync with strings: (fd, string, position, encoding) and the callback form.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'write-string.txt');
var fd = fs.openSync(file, 'w');
assert.strictEqual(fs.writeSync(fd, 'h\u00e9llo', null, 'utf8'), 6);
assert.strictEqual(fs.writeSync(fd, '6869', null, 'hex'), 2);
fs.closeSync(fd);
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'h\u00e9llohi');

fs.open(file, 'a', common.mustCall(function(err, fd) {
  assert.ifError(err);
  fs.write(fd, ' world', null, 'utf8', common.mustCall(function(err, written) {
    assert.ifError(err);
    assert.strictEqual(written, 6);
    fs.closeSync(fd);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'h\u00e9llohi world');
  }));
}));
