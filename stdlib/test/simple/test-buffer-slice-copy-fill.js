var common = require('../common');
var assert = require('assert');

function bytes(b) { return Array.prototype.slice.call(b); }

// slice shares memory both ways.
var b = new Buffer([1, 2, 3, 4, 5]);
var s = b.slice(1, 4);
assert.ok(Buffer.isBuffer(s));
assert.strictEqual(s.length, 3);
assert.strictEqual(s.parent, b.parent);
assert.strictEqual(s.offset, b.offset + 1);
s[0] = 20;
assert.strictEqual(b[1], 20);
b[3] = 40;
assert.strictEqual(s[2], 40);
assert.deepEqual(bytes(b.slice(3)), [40, 5]);
assert.deepEqual(bytes(b.slice()), bytes(b));
assert.strictEqual(b.slice(2, 2).length, 0);
// A slice of a slice still points at the same memory.
var ss = s.slice(1, 2);
ss[0] = 99;
assert.strictEqual(b[2], 99);
// Out-of-range slices throw, as v0.6's did.
assert.throws(function() { b.slice(0, 6); }, RangeError);
assert.throws(function() { b.slice(3, 2); }, RangeError);
assert.throws(function() { b.slice(-1); }, RangeError);
// Slices of big (unpooled) Buffers and of SlowBuffers share memory too.
var big = new Buffer(10000);
big.slice(5000, 5001)[0] = 7;
assert.strictEqual(big[5000], 7);
var slow = new (require('buffer').SlowBuffer)(4);
slow.slice(2)[1] = 3;
assert.strictEqual(slow[3], 3);

// copy(target, targetStart, sourceStart, sourceEnd) returns the bytes copied.
var src = new Buffer([1, 2, 3, 4, 5, 6]);
var dst = new Buffer(4);
dst.fill(0);
assert.strictEqual(src.copy(dst), 4);
assert.deepEqual(bytes(dst), [1, 2, 3, 4]);
dst.fill(0);
assert.strictEqual(src.copy(dst, 1, 4), 2);
assert.deepEqual(bytes(dst), [0, 5, 6, 0]);
dst.fill(0);
assert.strictEqual(src.copy(dst, 2, 0, 1), 1);
assert.deepEqual(bytes(dst), [0, 0, 1, 0]);
assert.strictEqual(src.copy(dst, 0, 2, 2), 0);
// Copying within one Buffer handles overlap.
var overlap = new Buffer([1, 2, 3, 4, 5]);
overlap.copy(overlap, 1, 0, 4);
assert.deepEqual(bytes(overlap), [1, 1, 2, 3, 4]);
overlap = new Buffer([1, 2, 3, 4, 5]);
overlap.copy(overlap, 0, 1);
assert.deepEqual(bytes(overlap), [2, 3, 4, 5, 5]);
// Into a plain Uint8Array.
var plain = new Uint8Array(3);
assert.strictEqual(src.copy(plain, 0, 3), 3);
assert.deepEqual(bytes(plain), [4, 5, 6]);
// Bad ranges.
assert.throws(function() { src.copy(dst, 0, 3, 2); }, RangeError);
assert.throws(function() { src.copy(dst, 4); }, RangeError);
assert.strictEqual(src.copy(dst, 0, 6), 0);
assert.throws(function() { src.copy(dst, 0, 7); }, RangeError);
assert.throws(function() { src.copy(dst, 0, 0, 7); }, RangeError);
assert.throws(function() { src.copy([], 0); }, TypeError);
assert.strictEqual(src.copy(new Buffer(0)), 0);

// fill(value, offset, end).
var f = new Buffer(5);
f.fill(7);
assert.deepEqual(bytes(f), [7, 7, 7, 7, 7]);
f.fill(1, 1, 3);
assert.deepEqual(bytes(f), [7, 1, 1, 7, 7]);
f.fill('a', 4);
assert.deepEqual(bytes(f), [7, 1, 1, 7, 0x61]);
f.fill(257);
assert.deepEqual(bytes(f), [1, 1, 1, 1, 1]);
f.fill();
assert.deepEqual(bytes(f), [0, 0, 0, 0, 0]);
assert.throws(function() { f.fill({}); }, TypeError);
assert.throws(function() { f.fill(1, 3, 2); }, RangeError);
assert.throws(function() { f.fill(1, 5, 6); }, RangeError);
assert.throws(function() { f.fill(1, 0, 6); }, RangeError);
