// A ReadStream reads several chunks of bufferSize at once and emits them one 'data' event each:
// the chunks are still bufferSize long (the last one what is left), in order, and a stream
// paused or destroyed between two chunks of one read emits no more until resumed (or ever).
// Also: ranges that end inside such a read, and UTF-8 characters cut by chunk boundaries.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'read-stream-chunks.bin');
var size = 9 * 65536 + 123;
var data = new Buffer(size);
for (var i = 0; i < size; i++) data[i] = (i * 13 + (i >> 9)) & 255;
fs.writeFileSync(file, data);

function join(chunks) {
  var all = new Buffer(chunks.reduce(function(n, c) { return n + c.length; }, 0));
  var at = 0;
  chunks.forEach(function(c) { c.copy(all, at); at += c.length; });
  return all;
}

function assertChunks(chunks, chunkSize, expected) {
  for (var i = 0; i < chunks.length - 1; i++) assert.strictEqual(chunks[i].length, chunkSize);
  assert.ok(chunks[chunks.length - 1].length > 0);
  assert.ok(chunks[chunks.length - 1].length <= chunkSize);
  assert.strictEqual(join(chunks).toString('hex'), expected.toString('hex'));
}

// The whole file, default bufferSize (64 KiB): 10 chunks.
var whole = [];
fs.createReadStream(file).on('data', function(c) {
  whole.push(c);
}).on('end', common.mustCall(function() {
  assert.strictEqual(whole.length, 10);
  assertChunks(whole, 65536, data);
}));

// An odd bufferSize.
var odd = [];
fs.createReadStream(file, { bufferSize: 1000 }).on('data', function(c) {
  odd.push(c);
}).on('end', common.mustCall(function() {
  assert.strictEqual(odd.length, Math.ceil(size / 1000));
  assertChunks(odd, 1000, data);
}));

// A range that starts and ends inside reads.
var ranged = [];
fs.createReadStream(file, { start: 10, end: 300000 }).on('data', function(c) {
  ranged.push(c);
}).on('end', common.mustCall(function() {
  assertChunks(ranged, 65536, data.slice(10, 300001));
}));

// Paused after every chunk, resumed a turn later: nothing arrives in between.
var paused = [];
var isPaused = false;
var p = fs.createReadStream(file);
p.on('data', function(c) {
  assert.ok(!isPaused, 'data while paused');
  paused.push(c);
  p.pause();
  isPaused = true;
  setTimeout(function() {
    isPaused = false;
    p.resume();
  }, 1);
});
p.on('end', common.mustCall(function() {
  assert.strictEqual(paused.length, 10);
  assertChunks(paused, 65536, data);
}));

// Paused and resumed inside the same 'data' handler: the chunks still come once each, in order.
var bounced = [];
var b = fs.createReadStream(file);
b.on('data', function(c) {
  bounced.push(c);
  b.pause();
  b.resume();
});
b.on('end', common.mustCall(function() {
  assert.strictEqual(bounced.length, 10);
  assertChunks(bounced, 65536, data);
}));

// Destroyed after the first chunk: no more data, and 'close'.
var destroyedChunks = 0;
var d = fs.createReadStream(file);
d.on('data', function(c) {
  destroyedChunks++;
  d.destroy();
});
d.on('end', function() { assert.fail('end after destroy'); });
d.on('close', common.mustCall(function() {
  assert.strictEqual(destroyedChunks, 1);
}));

// UTF-8 text whose characters straddle the boundaries of 1000-byte chunks.
var textFile = path.join(common.tmpDir, 'read-stream-chunks.txt');
var text = '';
while (Buffer.byteLength(text) < 300000) text += 'a\u00e9\u20ac\ud83d\ude00';
fs.writeFileSync(textFile, text);
var gotText = '';
fs.createReadStream(textFile, { bufferSize: 1000, encoding: 'utf8' }).on('data', function(s) {
  assert.strictEqual(typeof s, 'string');
  gotText += s;
}).on('end', common.mustCall(function() {
  assert.strictEqual(gotText, text);
}));
