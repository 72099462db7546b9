// v0.6's Buffer#get(offset) and Buffer#set(offset, value), beside the typed array's
// set(array[, offset]) that Buffers also have (buffers 0.1 calls set(offset, byte)).
var common = require('../common');
var assert = require('assert');

var b = new Buffer('Hello');
assert.strictEqual(b.get(0), 72);
assert.strictEqual(b.get(4), 111);
assert.strictEqual(b.set(0, 104), 104);
assert.strictEqual(b.set(4, 79), 79);
assert.strictEqual(b.toString(), 'hellO');
// A slice writes through to its parent, as in v0.6.
var s = b.slice(1, 3);
s.set(1, 76);
assert.strictEqual(b.toString(), 'heLlO');
assert.strictEqual(s.get(1), 76);
// Out of range is an error, as v0.6's 'oob'.
[-1, 5, 100].forEach(function(i) {
  assert.throws(function() { b.get(i); }, RangeError);
  assert.throws(function() { b.set(i, 1); }, RangeError);
});
assert.strictEqual(b.toString(), 'heLlO');

// The typed array's set(array[, offset]) on a Buffer, from an array, a typed array or a Buffer.
var t = new Buffer(6);
t.fill(0);
assert.strictEqual(t.set([1, 2]), undefined);
t.set(new Uint8Array([3, 4]), 2);
t.set(new Buffer([5, 6]), 4);
assert.deepEqual(Array.prototype.slice.call(t), [1, 2, 3, 4, 5, 6]);
assert.throws(function() { t.set([1, 2, 3], 5); }, RangeError);

// new Buffer(buffer) still copies (it used the typed array's set).
var copy = new Buffer(t);
t[0] = 9;
assert.strictEqual(copy[0], 1);
assert.strictEqual(copy.length, 6);
