var common = require('../common');
var assert = require('assert');
var util = require('util');
var buffer = require('buffer');

function bytes(b) { return Array.prototype.slice.call(b); }

// isBuffer.
assert.strictEqual(Buffer.isBuffer(new Buffer(1)), true);
assert.strictEqual(Buffer.isBuffer(new Buffer(1).slice(0)), true);
assert.strictEqual(Buffer.isBuffer(new buffer.SlowBuffer(1)), true);
assert.strictEqual(Buffer.isBuffer(new Uint8Array(1)), false);
assert.strictEqual(Buffer.isBuffer([]), false);
assert.strictEqual(Buffer.isBuffer('abc'), false);
assert.strictEqual(Buffer.isBuffer(null), false);
assert.strictEqual(Buffer.isBuffer(undefined), false);

// byteLength.
assert.strictEqual(Buffer.byteLength('abc'), 3);
assert.strictEqual(Buffer.byteLength('\u00e9\u20ac\ud83d\ude00'), 9);
assert.strictEqual(Buffer.byteLength('\u00e9', 'binary'), 1);
assert.strictEqual(Buffer.byteLength('\u00e9', 'ascii'), 1);
assert.strictEqual(Buffer.byteLength('abc', 'ucs2'), 6);
assert.strictEqual(Buffer.byteLength('abcd', 'hex'), 2);
assert.strictEqual(Buffer.byteLength('aGVsbG8=', 'base64'), 5);
assert.strictEqual(Buffer.byteLength('aGVs bG8', 'base64'), 5);
assert.strictEqual(Buffer.byteLength('', 'base64'), 0);
assert.strictEqual(Buffer.byteLength(''), 0);
assert.throws(function() { Buffer.byteLength(5); }, TypeError);
// It is always the length of the Buffer the string makes.
['abc\u00e9', '\ud83d\ude00x', ''].forEach(function(s) {
  ['utf8', 'ucs2', 'binary', 'ascii'].forEach(function(encoding) {
    assert.strictEqual(Buffer.byteLength(s, encoding), new Buffer(s, encoding).length);
  });
});

// inspect shows at most INSPECT_MAX_BYTES bytes.
assert.strictEqual(buffer.INSPECT_MAX_BYTES, 50);
assert.strictEqual(new Buffer([1, 2, 0xAB]).inspect(), '<Buffer 01 02 ab>');
assert.strictEqual(util.inspect(new Buffer([0, 255])), '<Buffer 00 ff>');
var many = new Buffer(60);
many.fill(0x10);
var shown = many.inspect();
assert.strictEqual(shown, '<Buffer ' + new Array(51).join('10 ') + '...>');
buffer.INSPECT_MAX_BYTES = 2;
assert.strictEqual(many.inspect(), '<Buffer 10 10 ...>');
buffer.INSPECT_MAX_BYTES = 50;
assert.strictEqual(new Buffer(0).inspect(), '<Buffer >');

// toJSON gives the bytes, not the pool behind them.
assert.strictEqual(JSON.stringify(new Buffer([1, 2, 3])), '[1,2,3]');
assert.strictEqual(JSON.stringify({ b: new Buffer(0) }), '{"b":[]}');

// Buffers are Uint8Arrays: typed-array code works on them and sees the same memory.
var b = new Buffer([1, 2, 3, 4]);
assert.ok(b instanceof Uint8Array);
assert.ok(ArrayBuffer.isView(b));
var view = new Uint8Array(b.buffer, b.byteOffset, b.length);
view[0] = 9;
assert.strictEqual(b[0], 9);
var copy = new Uint8Array(b);
assert.deepEqual(bytes(copy), [9, 2, 3, 4]);
assert.strictEqual(new Buffer(new Uint8Array([5, 6])).toString('hex'), '0506');
b.set([7, 7], 2);
assert.deepEqual(bytes(b), [9, 2, 7, 7]);
assert.strictEqual(Array.prototype.indexOf.call(b, 7), 2);
var dv = new DataView(b.buffer, b.byteOffset, b.length);
assert.strictEqual(dv.getUint16(0), b.readUInt16BE(0));
// Indexing truncates like any Uint8Array.
b[0] = 256 + 5;
assert.strictEqual(b[0], 5);
b[10] = 1;
assert.strictEqual(b[10], undefined);
assert.strictEqual(b.length, 4);
// Pooled Buffers start 8-byte aligned, so wider views fit.
var aligned = new Buffer(16);
assert.strictEqual(aligned.byteOffset % 8, 0);
assert.strictEqual(new Float64Array(aligned.buffer, aligned.byteOffset, 2).length, 2);

// Pool safety: memory handed out before is never handed out again with its old data.
for (var round = 0; round < 3; round++) {
  var dirty = [];
  for (var i = 0; i < 20; i++) {
    var d = new Buffer(1000);
    d.fill(0xEE);
    dirty.push(d);
  }
  dirty = null;
  for (var j = 0; j < 20; j++) {
    var fresh = new Buffer(1000 + j);
    for (var k = 0; k < fresh.length; k++) assert.strictEqual(fresh[k], 0);
  }
}
// Even when the pool bookkeeping visible to users is tampered with.
var p = new Buffer(10);
p.fill(0xEE);
p.parent.used = 0;
p.offset = 0;
var after = new Buffer(10);
assert.deepEqual(bytes(after), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
