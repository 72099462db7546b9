var common = require('../common');
var assert = require('assert');

var StringDecoder = require('string_decoder').StringDecoder;

// Feeds buffer to a fresh decoder in the given chunk sizes and returns everything written.
function decodeInChunks(encoding, buffer, sizes) {
  var decoder = new StringDecoder(encoding);
  var out = '';
  var offset = 0;
  var i = 0;
  while (offset < buffer.length) {
    var size = sizes[i++ % sizes.length];
    out += decoder.write(buffer.slice(offset, Math.min(offset + size, buffer.length)));
    offset += size;
  }
  return out + decoder.end();
}

var text = 'a\u00e9b\u20ac\ud83d\ude00c\u4e2d\u6587\u0444\ud834\udf06z';
var buffer = new Buffer(text, 'utf8');

// Whatever the chunking, the text comes out whole.
for (var size = 1; size <= buffer.length; size++) {
  assert.strictEqual(decodeInChunks('utf8', buffer, [size]), text, 'chunks of ' + size);
}
assert.strictEqual(decodeInChunks('utf8', buffer, [1, 2, 3]), text);
assert.strictEqual(decodeInChunks('utf8', buffer, [3, 1]), text);

// Every two-way split of every character.
for (var cut = 0; cut <= buffer.length; cut++) {
  var decoder = new StringDecoder('utf8');
  var first = decoder.write(buffer.slice(0, cut));
  var second = decoder.write(buffer.slice(cut));
  assert.strictEqual(first + second, text, 'split at ' + cut);
  // Nothing is emitted for a partial character: the first part is always whole characters.
  assert.strictEqual(new Buffer(first, 'utf8').length <= cut, true);
  assert.strictEqual(first.indexOf('\ufffd'), -1);
}

// The euro sign, one byte at a time: nothing until the last byte.
var euro = new StringDecoder('utf8');
assert.strictEqual(euro.write(new Buffer([0xE2])), '');
assert.strictEqual(euro.write(new Buffer([0x82])), '');
assert.strictEqual(euro.write(new Buffer([0xAC])), '\u20ac');

// A four-byte character completes into a surrogate pair.
var astral = new StringDecoder();
assert.strictEqual(astral.write(new Buffer([0xF0, 0x9F])), '');
assert.strictEqual(astral.write(new Buffer([0x98, 0x80, 0x41])), '\ud83d\ude00A');

// utf-8 is accepted as a name, and utf8 is the default.
assert.strictEqual(new StringDecoder('utf-8').encoding, 'utf8');
assert.strictEqual(new StringDecoder().encoding, 'utf8');
assert.strictEqual(new StringDecoder('UTF8').encoding, 'utf8');
