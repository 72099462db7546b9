var common = require('../common');
var assert = require('assert');

function bytes(b) { return Array.prototype.slice.call(b); }

// write(string, offset, length, encoding) returns the bytes written.
var b = new Buffer(10);
b.fill(0);
assert.strictEqual(b.write('abc'), 3);
assert.strictEqual(Buffer._charsWritten, 3);
assert.strictEqual(b.write('xyz', 5), 3);
assert.deepEqual(bytes(b), [0x61, 0x62, 0x63, 0, 0, 0x78, 0x79, 0x7A, 0, 0]);
// length limits the write; a multi-byte character is never split.
b.fill(0);
assert.strictEqual(b.write('\u20ac\u20ac', 0, 5), 3);
assert.strictEqual(Buffer._charsWritten, 1);
assert.deepEqual(bytes(b.slice(0, 4)), [0xE2, 0x82, 0xAC, 0]);
// The end of the buffer limits it too.
b.fill(0);
assert.strictEqual(b.write('hello world', 7), 3);
assert.strictEqual(Buffer._charsWritten, 3);
assert.strictEqual(b.toString('ascii', 7), 'hel');
assert.strictEqual(b.write('\u00e9\u00e9', 8), 2);
assert.strictEqual(Buffer._charsWritten, 1);
// Other encodings.
b.fill(0);
assert.strictEqual(b.write('6162', 0, 'hex'), 2);
assert.strictEqual(Buffer._charsWritten, 4);
assert.strictEqual(b.write('YWJj', 2, 'base64'), 3);
assert.strictEqual(b.write('ab', 5, 'ucs2'), 4);
assert.strictEqual(Buffer._charsWritten, 2);
assert.deepEqual(bytes(b), [0x61, 0x62, 0x61, 0x62, 0x63, 0x61, 0, 0x62, 0, 0]);
// A UCS-2 write never stores half a character.
assert.strictEqual(b.write('abc', 7, 'ucs2'), 2);
// The old (string, encoding, offset) order.
b.fill(0);
assert.strictEqual(b.write('zz', 'ascii', 3), 2);
assert.deepEqual(bytes(b.slice(2, 6)), [0, 0x7A, 0x7A, 0]);
assert.strictEqual(b.write('4142', 'hex'), 2);
assert.strictEqual(b.toString('ascii', 0, 2), 'AB');
// Offsets past the end are an error for a non-empty string.
assert.throws(function() { b.write('a', 10); }, RangeError);
assert.throws(function() { b.write('a', -1); }, RangeError);
assert.strictEqual(b.write('', 10), 0);
assert.throws(function() { b.write(42); }, TypeError);

// toString(encoding, start, end) is clamped to the buffer.
var t = new Buffer('hello world');
assert.strictEqual(t.toString('utf8', 6), 'world');
assert.strictEqual(t.toString('utf8', 0, 5), 'hello');
assert.strictEqual(t.toString('utf8', 6, 100), 'world');
assert.strictEqual(t.toString('utf8', -5, 2), 'he');
assert.strictEqual(t.toString('utf8', 5, 2), '');
assert.strictEqual(t.toString('utf8', 20), '');
assert.strictEqual(t.toString(undefined, 1, 3), 'el');
assert.strictEqual(t.toString('hex', 0, 2), '6865');
assert.strictEqual(t.toString('base64', 0, 5), 'aGVsbG8=');
assert.strictEqual(t.toString('ucs2', 0, 4), '\u6568\u6c6c');
assert.strictEqual(t.toString('binary', 6, 8), 'wo');
assert.strictEqual(t.slice(6).toString(), 'world');

// The old per-encoding methods.
assert.strictEqual(t.utf8Slice(0, 5), 'hello');
assert.strictEqual(t.asciiSlice(6, 11), 'world');
assert.strictEqual(t.hexSlice(0, 1), '68');
var w = new Buffer(4);
assert.strictEqual(w.asciiWrite('hi', 1), 2);
assert.strictEqual(w.toString('ascii', 1, 3), 'hi');

// A very long string round trips.
var long = new Array(100001).join('ab\u00e9');
var longBuffer = new Buffer(long);
assert.strictEqual(longBuffer.length, 400000);
assert.strictEqual(longBuffer.toString(), long);
assert.strictEqual(new Buffer(longBuffer.toString('base64'), 'base64').toString(), long);
assert.strictEqual(new Buffer(longBuffer.toString('hex'), 'hex').toString(), long);
