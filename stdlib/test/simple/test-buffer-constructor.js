var common = require('../common');
var assert = require('assert');

var buffer = require('buffer');
var Buffer = buffer.Buffer;
var SlowBuffer = buffer.SlowBuffer;

assert.strictEqual(global.Buffer, Buffer);

// new Buffer(size) is zero-filled, with or without `new`.
[0, 1, 7, 100, 4095, 4096, 9000].forEach(function(size) {
  [new Buffer(size), Buffer(size)].forEach(function(b) {
    assert.ok(Buffer.isBuffer(b));
    assert.strictEqual(b.length, size);
    for (var i = 0; i < size; i++) assert.strictEqual(b[i], 0);
  });
});

// Fractions round up; negative and junk sizes give an empty Buffer.
assert.strictEqual(new Buffer(2.5).length, 3);
assert.strictEqual(new Buffer(-1).length, 0);
assert.strictEqual(new Buffer(NaN).length, 0);
// Sizes past the maximum are an error, not a wrapped-around length.
assert.throws(function() { new Buffer(Math.pow(2, 53)); }, RangeError);
assert.throws(function() { new Buffer(Infinity); }, RangeError);

// new Buffer(array) copies the values as bytes.
var fromArray = new Buffer([1, 2, 255, 256, -1, '3', 'x']);
assert.deepEqual(Array.prototype.slice.call(fromArray), [1, 2, 255, 0, 255, 3, 0]);
// Array-like objects and other Buffers work too, and the copy is independent.
assert.deepEqual(Array.prototype.slice.call(new Buffer({ length: 2, 0: 9, 1: 8 })), [9, 8]);
var original = new Buffer([5, 6, 7]);
var copied = new Buffer(original);
copied[0] = 0;
assert.strictEqual(original[0], 5);
assert.strictEqual(copied.length, 3);
assert.strictEqual(new Buffer({}).length, 0);

// new Buffer(string, encoding).
assert.strictEqual(new Buffer('abc').toString(), 'abc');
assert.strictEqual(new Buffer('\u00e9').length, 2);
assert.strictEqual(new Buffer('\u00e9', 'binary').length, 1);
assert.strictEqual(new Buffer('YWJj', 'base64').toString(), 'abc');
assert.strictEqual(new Buffer('616263', 'hex').toString(), 'abc');

// Bad first arguments and unknown encodings are TypeErrors.
[undefined, null, true, function() {}].forEach(function(value) {
  assert.throws(function() { new Buffer(value); }, TypeError);
});
assert.throws(function() { new Buffer('abc', 'no-such'); }, function(e) {
  return e instanceof TypeError && e.message === 'Unknown encoding: no-such';
});

// Small Buffers share a pool: parent is a SlowBuffer, offset is the position in it.
var small = new Buffer(10);
assert.ok(small.parent instanceof SlowBuffer);
assert.strictEqual(typeof small.offset, 'number');
assert.strictEqual(small.byteOffset - small.parent.byteOffset, small.offset);
var big = new Buffer(100 * 1024);
assert.ok(big.parent instanceof SlowBuffer);
assert.strictEqual(big.offset, 0);
assert.strictEqual(big.parent.length, big.length);
// Buffers made from strings, and slices, know theirs too; the owners themselves have none.
var fromString = new Buffer('hello \u20ac');
assert.ok(fromString.parent instanceof SlowBuffer);
assert.strictEqual(fromString.byteOffset - fromString.parent.byteOffset, fromString.offset);
var bigString = new Buffer(new Array(5000).join('x'), 'utf8');
assert.ok(bigString.parent instanceof SlowBuffer);
assert.strictEqual(bigString.offset, 0);
var piece = small.slice(3, 7);
assert.strictEqual(piece.parent, small.parent);
assert.strictEqual(piece.offset, small.offset + 3);
assert.strictEqual(small.parent.parent, undefined);
assert.strictEqual(small.parent.offset, undefined);
assert.strictEqual(Buffer.prototype.parent, undefined);
assert.strictEqual(Buffer.prototype.offset, undefined);
// As plain fields in v0.6, both can be assigned, on that Buffer alone.
var other = new Buffer(10);
small.offset = 1234;
small.parent = 'mine';
assert.strictEqual(small.offset, 1234);
assert.strictEqual(small.parent, 'mine');
assert.ok(other.parent instanceof SlowBuffer);
assert.notStrictEqual(other.offset, 1234);

// SlowBuffer: an unpooled Buffer, also reachable through the binding.
assert.strictEqual(process.binding('buffer').SlowBuffer, SlowBuffer);
var slow = new SlowBuffer(5);
assert.ok(Buffer.isBuffer(slow));
assert.strictEqual(slow.length, 5);
slow.write('hello');
assert.strictEqual(slow.toString(), 'hello');
assert.strictEqual(SlowBuffer(3).length, 3);
assert.throws(function() { new SlowBuffer(-1); }, RangeError);
assert.throws(function() { new SlowBuffer(NaN); }, RangeError);
assert.throws(function() { new SlowBuffer(); }, TypeError);
assert.throws(function() { new SlowBuffer(Math.pow(2, 40)); }, RangeError);
