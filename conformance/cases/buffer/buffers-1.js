// buffers.markdown example 1: buffer.write of a utf8 string, then buffer.toString.
// adaptation: the doc states no output; the check at the end asserts the documented behaviour
// (12 bytes written for the 9 characters, decoded back to the same string, and
// Buffer._charsWritten set to the number of characters written).
var assert = require('assert');
var lines = [];
var log = console.log;
console.log = function(s) { lines.push(s); log.apply(console, arguments); };

buf = new Buffer(256);
len = buf.write('\u00bd + \u00bc = \u00be', 0);
console.log(len + " bytes: " + buf.toString('utf8', 0, len));

console.log = log;
assert.strictEqual(len, 12);
assert.strictEqual(Buffer._charsWritten, 9);
assert.deepEqual(lines, ['12 bytes: \u00bd + \u00bc = \u00be']);
