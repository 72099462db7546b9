// readFile/writeFile and their sync forms keep binary data intact and return Buffers.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'whole-binary.bin');
// Larger than one read chunk, with bytes that are not valid UTF-8.
var data = new Buffer(200 * 1024 + 17);
for (var i = 0; i < data.length; i++) data[i] = (i * 7 + 0x80) % 256;

function assertSame(got) {
  assert.ok(Buffer.isBuffer(got));
  assert.strictEqual(got.length, data.length);
  for (var i = 0; i < data.length; i++) {
    if (got[i] !== data[i]) assert.fail(got[i], data[i], 'byte ' + i + ' differs');
  }
}

fs.writeFileSync(file, data);
assertSame(fs.readFileSync(file));

var file2 = path.join(common.tmpDir, 'whole-binary-2.bin');
fs.writeFile(file2, data, common.mustCall(function(err) {
  assert.ifError(err);
  fs.readFile(file2, common.mustCall(function(err, got) {
    assert.ifError(err);
    assertSame(got);
  }));
}));

// An empty file reads as an empty Buffer.
var empty = path.join(common.tmpDir, 'empty.bin');
fs.writeFileSync(empty, '');
assert.strictEqual(fs.readFileSync(empty).length, 0);
fs.readFile(empty, common.mustCall(function(err, got) {
  assert.ifError(err);
  assert.ok(Buffer.isBuffer(got));
  assert.strictEqual(got.length, 0);
}));
