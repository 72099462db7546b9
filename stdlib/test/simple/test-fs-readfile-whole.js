// fs.readFile and readFileSync read a regular file in one read of its size and then on to end
// of file; files whose size fstat does not know (/proc) are read chunk by chunk. The memory the
// reads fill is not cleared first, so the bytes of a Buffer's ArrayBuffer past what was read
// (the end of a short last read) must be zero, for readFile and fs.ReadStream alike (whose
// chunks may be slices of one read). Runs itself again with --expose_gc, to free memory full of
// other bytes for those reads to be given.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

if (typeof gc !== 'function') {
  var child = require('child_process').spawn(process.execPath, ['--expose_gc', __filename],
                                             { customFds: [0, 1, 2] });
  child.on('exit', common.mustCall(function(code) {
    assert.strictEqual(code, 0);
  }));
  return;
}

var file = path.join(common.tmpDir, 'readfile-whole.bin');
var size = 3 * 65536 + 10;  // several ReadStream chunks, the last one short
var data = new Buffer(size);
for (var i = 0; i < size; i++) data[i] = (i * 7 + (i >> 8)) & 255 || 1;
fs.writeFileSync(file, data);

function assertSame(got) {
  assert.strictEqual(got.length, size);
  for (var i = 0; i < size; i++) {
    if (got[i] !== data[i]) assert.fail('byte ' + i + ' is ' + got[i] + ', not ' + data[i]);
  }
}

// Every byte of the chunks' ArrayBuffers that no chunk covers is zero. Chunks may share one
// ArrayBuffer: a ReadStream hands out slices of a read of several chunks.
function assertRestZero(bufs) {
  var buffers = [];
  var covered = [];
  bufs.forEach(function(buf) {
    var k = buffers.indexOf(buf.buffer);
    if (k === -1) {
      k = buffers.push(buf.buffer) - 1;
      covered.push(new Uint8Array(buf.buffer.byteLength));
    }
    for (var i = 0; i < buf.length; i++) covered[k][buf.byteOffset + i] = 1;
  });
  buffers.forEach(function(arrayBuffer, k) {
    var all = new Uint8Array(arrayBuffer);
    for (var i = 0; i < all.length; i++) {
      if (!covered[k][i] && all[i] !== 0) assert.fail('byte ' + i + ' past the data is ' + all[i]);
    }
  });
}

assertSame(fs.readFileSync(file));
assert.ok(/^Name:/m.test(fs.readFileSync('/proc/self/status', 'utf8')));
assert.strictEqual(fs.readFileSync(path.join(common.tmpDir, 'readfile-whole.bin'),
                                   'binary').length, size);

fs.readFile(file, common.mustCall(function(err, got) {
  assert.ifError(err);
  assertSame(got);
}));
fs.readFile('/proc/self/status', 'utf8', common.mustCall(function(err, text) {
  assert.ifError(err);
  assert.ok(/^Name:/m.test(text));
}));
// An empty file.
var empty = path.join(common.tmpDir, 'readfile-whole-empty.txt');
fs.writeFileSync(empty, '');
fs.readFile(empty, common.mustCall(function(err, got) {
  assert.ifError(err);
  assert.strictEqual(got.length, 0);
}));
assert.strictEqual(fs.readFileSync(empty).length, 0);

// Memory full of 0xee, freed, for the reads below to be given (malloc reuses it). The small
// Buffers kept between the big ones stop free() from handing the big ones back to the system.
var pins = [];
(function() {
  var junk = [];
  for (var i = 0; i < 32; i++) {
    var b = new Buffer(65536);
    b.fill(0xee);
    junk.push(b);
    pins.push(new Buffer(4096));
  }
  // Big blocks too: ReadStream reads several chunks at once, into memory from the allocator's
  // cache of big blocks.
  for (var j = 0; j < 8; j++) {
    var big = new Buffer(256 * 1024);
    big.fill(0xee);
    junk.push(big);
  }
})();
gc();
gc();

var chunks = [];
fs.createReadStream(file).on('data', function(chunk) {
  chunks.push(chunk);
}).on('end', common.mustCall(function() {
  assert.strictEqual(chunks.length, 4);
  assertRestZero(chunks);
  var joined = new Buffer(size);
  var at = 0;
  chunks.forEach(function(c) { c.copy(joined, at); at += c.length; });
  assertSame(joined);
  assert.strictEqual(pins.length, 32);
}));

// A ReadStream over part of the file: the last read asks for what is left of the range.
var part = [];
fs.createReadStream(file, {start: 100, end: 65536 + 99}).on('data', function(chunk) {
  part.push(chunk);
}).on('end', common.mustCall(function() {
  assert.strictEqual(part.length, 1);
  assert.strictEqual(part[0].length, 65536);
  assert.strictEqual(part[0][0], data[100]);
  assert.strictEqual(part[0][65535], data[65635]);
}));
