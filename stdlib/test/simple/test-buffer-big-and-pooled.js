// Where Buffer memory comes from, and that none of it shows old data:
// - big Buffers reuse freed blocks (the native allocator's cache): after dirty big Buffers are
//   collected, new ones (new Buffer(n), SlowBuffer, typed arrays) are still all zeros;
// - base64 decoding of big strings (straight into memory V8 allocates, streamed out for big
//   results, at every alignment) gives the right bytes, and whatever its worst-case sizing left
//   over behind the data (reachable through .buffer) is zeros;
// - small utf8 strings go into the free end of the pool even when their worst case would not fit
//   there; one that turns out not to fit goes to a fresh pool without touching its neighbours.
// Runs itself again with --expose_gc to collect on demand.
var common = require('../common');
var assert = require('assert');

if (typeof gc !== 'function') {
  var child = require('child_process').spawn(process.execPath, ['--expose_gc', __filename],
                                             { customFds: [0, 1, 2] });
  child.on('exit', common.mustCall(function(code) {
    assert.strictEqual(code, 0);
  }));
  return;
}

function allZero(bytes, from) {
  for (var i = from || 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) return false;
  }
  return true;
}

var seed = 7;
function randomBuffer(length) {
  var b = new Buffer(length);
  for (var i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    b[i] = seed >>> 16 & 255;
  }
  return b;
}

// ---- base64 into big Buffers ---------------------------------------------------------------
var sizes = [4095, 4096, 6000, 300 * 1024, 512 * 1024 - 1, 512 * 1024, 512 * 1024 + 7,
             1024 * 1024, 1024 * 1024 + 5, 3 * 1024 * 1024 + 1];
sizes.forEach(function(size) {
  var data = randomBuffer(size + 3);
  for (var skip = 0; skip < 4; skip++) {
    var part = data.slice(skip, skip + size);
    var text = part.toString('base64');
    var decoded = new Buffer(text, 'base64');
    assert.strictEqual(decoded.length, size);
    assert.ok(decoded.toString('hex') === part.toString('hex'), 'base64 ' + size + '+' + skip);
    // With line breaks (as MIME wraps it) and junk: the same bytes; the worst case counted the
    // junk as digits, and the room it left behind the data is zeros.
    var wrapped = text.replace(/(.{76})/g, '$1\r\n') + ' \n';
    var again = new Buffer(wrapped, 'base64');
    assert.strictEqual(again.length, size);
    assert.ok(again.toString('hex') === part.toString('hex'), 'wrapped base64 ' + size);
    if (again.byteOffset === 0 && again.buffer.byteLength > again.length) {
      assert.ok(allZero(new Uint8Array(again.buffer), again.length), 'tail of ' + size);
    }
  }
});

// A base64 string that stops being standard-alphabet digits midway (URL-safe digits, then
// padding in the middle) still decodes as v0.6 did: up to the first '='.
var big = randomBuffer(700 * 1024);
var mixed = big.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
assert.ok(new Buffer(mixed, 'base64').toString('hex') === big.toString('hex'));
var cut = big.slice(0, 600 * 1024).toString('base64') + '=' + big.toString('base64');
assert.ok(new Buffer(cut, 'base64').toString('hex') === big.slice(0, 600 * 1024).toString('hex'));

// ---- freed big blocks come back zeroed ------------------------------------------------------
for (var round = 0; round < 3; round++) {
  var dirty = [];
  for (var i = 0; i < 24; i++) {
    var b = new Buffer(1024 * 1024);
    b.fill(0xA5);
    dirty.push(b);
    dirty.push(new Buffer(big.toString('base64'), 'base64'));
  }
  dirty = null;
  gc();
  gc();
  for (i = 0; i < 24; i++) {
    assert.ok(allZero(new Buffer(1024 * 1024)), 'new Buffer(1MB), round ' + round);
    assert.ok(allZero(new Buffer(700 * 1024)), 'new Buffer(700KB), round ' + round);
    assert.ok(allZero(new Uint8Array(1024 * 1024)), 'Uint8Array, round ' + round);
    assert.ok(allZero(new (require('buffer').SlowBuffer)(600 * 1024)), 'SlowBuffer');
  }
}

// ---- utf8 into the pool ---------------------------------------------------------------------
var poolSize = require('buffer').Buffer.poolSize;
for (var fill = poolSize - 200; fill < poolSize - 40; fill += 13) {
  // Start a fresh pool, then leave `poolSize - fill` bytes free at its end.
  new Buffer(poolSize / 2 - 1);
  var first = new Buffer(fill - poolSize / 2 - 8);
  first.fill(0x33);
  var neighbour = new Buffer(8);
  neighbour.fill(0x77);
  // 60 characters: fits as ASCII; 120 or 180 bytes as 2- or 3-byte characters, which may not.
  ['a', '\u00e9', '\u20ac', '\ud83d\ude00'].forEach(function(ch) {
    var text = new Array(61).join(ch);
    var encoded = new Buffer(text);
    assert.strictEqual(encoded.toString(), text);
    assert.strictEqual(encoded.length, Buffer.byteLength(text));
    assert.strictEqual(require('buffer').Buffer._charsWritten, text.length);
    var zeros = new Buffer(200);
    assert.ok(allZero(zeros), 'Buffer after a utf8 string, fill ' + fill);
  });
  for (i = 0; i < neighbour.length; i++) assert.strictEqual(neighbour[i], 0x77);
  for (i = 0; i < first.length; i++) assert.strictEqual(first[i], 0x33);
}
