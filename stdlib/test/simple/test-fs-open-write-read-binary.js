// open/write/read/close round trip, sync and async, with every byte value.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'binary-roundtrip.bin');
var data = new Buffer(512);
for (var i = 0; i < data.length; i++) data[i] = i % 256;

// Sync: write in two parts, read back at a position.
var fd = fs.openSync(file, 'w');
assert.strictEqual(typeof fd, 'number');
assert.strictEqual(fs.writeSync(fd, data, 0, 256, null), 256);
assert.strictEqual(fs.writeSync(fd, data, 256, 256, 256), 256);
fs.closeSync(fd);
fd = fs.openSync(file, 'r');
var back = new Buffer(512);
assert.strictEqual(fs.readSync(fd, back, 0, 512, 0), 512);
fs.closeSync(fd);
for (i = 0; i < 512; i++) assert.strictEqual(back[i], data[i], 'byte ' + i);

// Async: the same through callbacks, 'w+' to read back on one descriptor.
fs.open(file, 'w+', 0644, common.mustCall(function(err, fd) {
  assert.ifError(err);
  fs.write(fd, data, 0, data.length, 0, common.mustCall(function(err, written, buffer) {
    assert.ifError(err);
    assert.strictEqual(written, 512);
    assert.strictEqual(buffer, data);
    var got = new Buffer(100);
    fs.read(fd, got, 0, 100, 300, common.mustCall(function(err, bytesRead, buffer) {
      assert.ifError(err);
      assert.strictEqual(bytesRead, 100);
      assert.strictEqual(buffer, got);
      for (var j = 0; j < 100; j++) assert.strictEqual(got[j], (300 + j) % 256);
      fs.close(fd, common.mustCall(function(err) {
        assert.ifError(err);
      }));
    }));
  }));
}));
