var common = require('../common');
var assert = require('assert');

function bytes(b) { return Array.prototype.slice.call(b); }

var b = new Buffer(8);

// Unsigned integers, both byte orders.
b.fill(0);
b.writeUInt8(0xAB, 0);
assert.strictEqual(b.readUInt8(0), 0xAB);
b.writeUInt16LE(0x1234, 1);
b.writeUInt16BE(0x1234, 3);
assert.deepEqual(bytes(b.slice(0, 5)), [0xAB, 0x34, 0x12, 0x12, 0x34]);
assert.strictEqual(b.readUInt16LE(1), 0x1234);
assert.strictEqual(b.readUInt16BE(3), 0x1234);
assert.strictEqual(b.readUInt16BE(1), 0x3412);
b.writeUInt32LE(0xDEADBEEF, 0);
assert.deepEqual(bytes(b.slice(0, 4)), [0xEF, 0xBE, 0xAD, 0xDE]);
assert.strictEqual(b.readUInt32LE(0), 0xDEADBEEF);
b.writeUInt32BE(0xFFFFFFFF, 4);
assert.strictEqual(b.readUInt32BE(4), 4294967295);
b.writeUInt32BE(0x01020304, 4);
assert.deepEqual(bytes(b.slice(4)), [1, 2, 3, 4]);
assert.strictEqual(b.readUInt32LE(4), 0x04030201);

// Signed integers.
b.writeInt8(-1, 0);
assert.strictEqual(b[0], 0xFF);
assert.strictEqual(b.readInt8(0), -1);
b.writeInt8(127, 0);
assert.strictEqual(b.readInt8(0), 127);
b.writeInt8(-128, 0);
assert.strictEqual(b.readInt8(0), -128);
b.writeInt16LE(-2, 0);
assert.deepEqual(bytes(b.slice(0, 2)), [0xFE, 0xFF]);
assert.strictEqual(b.readInt16LE(0), -2);
b.writeInt16BE(-32768, 2);
assert.strictEqual(b.readInt16BE(2), -32768);
assert.strictEqual(b.readUInt16BE(2), 0x8000);
b.writeInt32BE(-123456789, 4);
assert.strictEqual(b.readInt32BE(4), -123456789);
b.writeInt32LE(2147483647, 0);
assert.strictEqual(b.readInt32LE(0), 2147483647);
b.writeInt32LE(-2147483648, 0);
assert.strictEqual(b.readInt32LE(0), -2147483648);
assert.deepEqual(bytes(b.slice(0, 4)), [0, 0, 0, 0x80]);

// Floats and doubles, both byte orders.
b.writeFloatBE(1, 0);
assert.deepEqual(bytes(b.slice(0, 4)), [0x3F, 0x80, 0, 0]);
b.writeFloatLE(1, 4);
assert.deepEqual(bytes(b.slice(4)), [0, 0, 0x80, 0x3F]);
assert.strictEqual(b.readFloatBE(0), 1);
assert.strictEqual(b.readFloatLE(4), 1);
b.writeFloatLE(-0.5, 0);
assert.strictEqual(b.readFloatLE(0), -0.5);
b.writeFloatBE(0.1, 0);
assert.strictEqual(b.readFloatBE(0), Math.fround ? Math.fround(0.1) : b.readFloatBE(0));
b.writeDoubleBE(1, 0);
assert.deepEqual(bytes(b), [0x3F, 0xF0, 0, 0, 0, 0, 0, 0]);
assert.strictEqual(b.readDoubleBE(0), 1);
b.writeDoubleLE(Math.PI, 0);
assert.strictEqual(b[7], 0x40);
assert.strictEqual(b.readDoubleLE(0), Math.PI);
b.writeDoubleLE(-1e300, 0);
assert.strictEqual(b.readDoubleLE(0), -1e300);
// Offsets inside a pooled slice are relative to the slice.
var slice = new Buffer(16).slice(3, 11);
slice.writeDoubleBE(12.375, 0);
assert.strictEqual(slice.readDoubleBE(0), 12.375);

function assertionError(message) {
  return function(e) {
    return e instanceof assert.AssertionError && e.message === message;
  };
}

// With noAssert false, v0.6's checks.
var beyondRead = assertionError('Trying to read beyond buffer length');
var beyondWrite = assertionError('Trying to write beyond buffer length');
['readUInt8', 'readInt8'].forEach(function(name) {
  assert.throws(function() { b[name](8); }, beyondRead);
});
['readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE'].forEach(function(name) {
  assert.throws(function() { b[name](7); }, beyondRead);
  assert.throws(function() { b[name](-1); }, beyondRead);
  assert.throws(function() { b[name](NaN); }, beyondRead);
});
['readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE',
 'readFloatLE', 'readFloatBE'].forEach(function(name) {
  assert.throws(function() { b[name](5); }, beyondRead);
  assert.throws(function() { b[name](); }, assertionError('missing offset'));
});
['readDoubleLE', 'readDoubleBE'].forEach(function(name) {
  assert.throws(function() { b[name](1); }, beyondRead);
});
assert.throws(function() { b.writeUInt8(1, 8); }, beyondWrite);
assert.throws(function() { b.writeUInt32BE(1, 5); }, beyondWrite);
assert.throws(function() { b.writeDoubleLE(1, 1); }, beyondWrite);
assert.throws(function() { b.writeUInt8(undefined, 0); }, assertionError('missing value'));
assert.throws(function() { b.writeUInt8(1); }, assertionError('missing offset'));
assert.throws(function() { b.writeUInt8('1', 0); },
              assertionError('cannot write a non-number as a number'));
assert.throws(function() { b.writeUInt8(256, 0); },
              assertionError('value is larger than maximum value for type'));
assert.throws(function() { b.writeUInt16LE(-1, 0); },
              assertionError('specified a negative value for writing an unsigned value'));
assert.throws(function() { b.writeUInt32LE(1.5, 0); },
              assertionError('value has a fractional component'));
assert.throws(function() { b.writeInt8(128, 0); },
              assertionError('value larger than maximum allowed value'));
assert.throws(function() { b.writeInt16BE(-32769, 0); },
              assertionError('value smaller than minimum allowed value'));
assert.throws(function() { b.writeInt32LE(Math.pow(2, 31), 0); },
              assertionError('value larger than maximum allowed value'));
assert.throws(function() { b.writeFloatLE(1e39, 0); },
              assertionError('value larger than maximum allowed value'));
assert.throws(function() { b.writeDoubleBE(-Infinity, 0); },
              assertionError('value smaller than minimum allowed value'));

// With noAssert true nothing is checked, but nothing outside the Buffer is touched either.
var guarded = new Buffer(12);
guarded.fill(0xAA);
var inner = guarded.slice(4, 8);
inner.fill(0);
inner.writeUInt32BE(0x01020304, 2, true);
inner.writeUInt16LE(0xFFFF, -1, true);
inner.writeDoubleLE(1.5, 3, true);
inner.writeUInt8(300, 10, true);
assert.deepEqual(bytes(guarded.slice(0, 4)), [0xAA, 0xAA, 0xAA, 0xAA]);
assert.deepEqual(bytes(guarded.slice(8)), [0xAA, 0xAA, 0xAA, 0xAA]);
assert.strictEqual(inner[2], 1);
assert.strictEqual(inner[3], 0);  // The double's first byte, 1.5 being 3FF8000000000000.
// Unchecked values are truncated to the type.
inner.writeUInt8(0x1FF, 0, true);
assert.strictEqual(inner[0], 0xFF);
inner.writeInt8(-129, 0, true);
assert.strictEqual(inner[0], 0x7F);
// Unchecked reads past the end see zero bytes rather than other memory.
assert.strictEqual(inner.readUInt8(4, true), 0);
assert.strictEqual(inner.readUInt32BE(2, true), (inner[2] << 24 | inner[3] << 16) >>> 0);
assert.strictEqual(typeof inner.readDoubleLE(100, true), 'number');
assert.strictEqual(inner.readUInt16LE(-5, true), 0);
