// A ReadStream piped into a WriteStream copies a file larger than one read chunk exactly.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var src = path.join(common.tmpDir, 'pipe-src.bin');
var dst = path.join(common.tmpDir, 'pipe-dst.bin');
var data = new Buffer(300 * 1024 + 3);
for (var i = 0; i < data.length; i++) data[i] = (i * 13) % 256;
fs.writeFileSync(src, data);

var input = fs.createReadStream(src);
var output = fs.createWriteStream(dst);
var chunks = 0;
input.on('open', common.mustCall(function(fd) { assert.strictEqual(typeof fd, 'number'); }));
output.on('open', common.mustCall(function(fd) { assert.strictEqual(typeof fd, 'number'); }));
input.on('data', function(chunk) {
  assert.ok(Buffer.isBuffer(chunk));
  chunks++;
});
input.on('end', common.mustCall());
input.on('close', common.mustCall());
output.on('close', common.mustCall(function() {
  assert.ok(chunks >= 5);
  assert.strictEqual(output.bytesWritten, data.length);
  var copy = fs.readFileSync(dst);
  assert.strictEqual(copy.length, data.length);
  for (var i = 0; i < data.length; i++) {
    if (copy[i] !== data[i]) assert.fail(copy[i], data[i], 'byte ' + i + ' differs');
  }
}));
input.pipe(output);
