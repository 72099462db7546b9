// WriteStream: 'open', write() returning false then 'drain', bytesWritten, end(data), 'close'.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'write-stream.txt');
var out = fs.createWriteStream(file);
assert.strictEqual(out.bytesWritten, 0);
out.on('open', common.mustCall(function(fd) { assert.strictEqual(out.fd, fd); }));
assert.strictEqual(out.write('abc'), false);
out.write(new Buffer([0x64, 0x65]));
out.write('\u00e9');
out.once('drain', common.mustCall(function() {
  assert.strictEqual(out.bytesWritten, 7);
  out.end('end');
  assert.strictEqual(out.writable, false);
}));
out.on('close', common.mustCall(function() {
  assert.strictEqual(out.bytesWritten, 10);
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'abcde\u00e9end');
}));

// start: writing past the beginning of an existing file with flags 'r+'.
var file2 = path.join(common.tmpDir, 'write-stream-start.txt');
fs.writeFileSync(file2, '0123456789');
var patch = fs.createWriteStream(file2, { flags: 'r+', start: 3 });
patch.end('abc');
patch.on('close', common.mustCall(function() {
  assert.strictEqual(fs.readFileSync(file2, 'utf8'), '012abc6789');
}));

// Opening a file in a missing directory emits 'error'.
var bad = fs.createWriteStream(path.join(common.tmpDir, 'no-such-dir', 'x'));
bad.on('error', common.mustCall(function(err) {
  assert.strictEqual(err.code, 'ENOENT');
}));
