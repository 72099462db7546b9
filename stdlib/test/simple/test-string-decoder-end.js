var common = require('../common');
var assert = require('assert');

var StringDecoder = require('string_decoder').StringDecoder;

// end() with nothing held gives an empty string.
assert.strictEqual(new StringDecoder('utf8').end(), '');

// end() flushes an unfinished character as a replacement character.
var decoder = new StringDecoder('utf8');
assert.strictEqual(decoder.write(new Buffer([0x61, 0xE2, 0x82])), 'a');
assert.strictEqual(decoder.end(), '\ufffd');
// After end() the decoder starts afresh.
assert.strictEqual(decoder.write(new Buffer([0x62])), 'b');
assert.strictEqual(decoder.end(), '');

// end(buffer) writes the buffer first.
var withBuffer = new StringDecoder('utf8');
assert.strictEqual(withBuffer.write(new Buffer([0xE2, 0x82])), '');
assert.strictEqual(withBuffer.end(new Buffer([0xAC, 0x21])), '\u20ac!');

// Strings written are returned as they are, and an empty buffer gives an empty string.
var plain = new StringDecoder('utf8');
assert.strictEqual(plain.write('already text'), 'already text');
assert.strictEqual(plain.write(new Buffer(0)), '');

// The held bytes are copied: changing the caller's buffer afterwards does not matter.
var copying = new StringDecoder('utf8');
var chunk = new Buffer([0x78, 0xC3]);
assert.strictEqual(copying.write(chunk), 'x');
chunk[1] = 0x00;
assert.strictEqual(copying.write(new Buffer([0xA9])), '\u00e9');

// Non-buffers are a TypeError.
[undefined, null, 42, {}, [0x41]].forEach(function(value) {
  assert.throws(function() { new StringDecoder('utf8').write(value); }, TypeError);
});
// So is an encoding that is not a string.
assert.throws(function() { new StringDecoder(42); }, TypeError);
assert.throws(function() { new StringDecoder({}); }, TypeError);

// Calling without new still gives a decoder.
var called = require('string_decoder').StringDecoder('utf8');
assert.ok(called instanceof StringDecoder);
assert.strictEqual(called.write(new Buffer('hi')), 'hi');
