var common = require('../common');
var assert = require('assert');

var StringDecoder = require('string_decoder').StringDecoder;

var bytes = new Buffer([0x00, 0x41, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]);

// Encodings with no multi-byte characters decode each write on its own.
['hex', 'ascii', 'binary'].forEach(function(encoding) {
  var decoder = new StringDecoder(encoding);
  assert.strictEqual(decoder.encoding, encoding);
  var out = '';
  for (var i = 0; i < bytes.length; i++) {
    var piece = decoder.write(bytes.slice(i, i + 1));
    assert.strictEqual(piece, bytes.slice(i, i + 1).toString(encoding));
    out += piece;
  }
  assert.strictEqual(out + decoder.end(), bytes.toString(encoding));
});

assert.strictEqual(new StringDecoder('hex').write(new Buffer([0xDE, 0xAD])), 'dead');
assert.strictEqual(new StringDecoder('HEX').write(new Buffer([0xBE, 0xEF])), 'beef');
