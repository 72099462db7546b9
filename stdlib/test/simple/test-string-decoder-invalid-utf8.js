var common = require('../common');
var assert = require('assert');

var StringDecoder = require('string_decoder').StringDecoder;

// Whatever the chunking, malformed input decodes exactly as Buffer#toString decodes it whole.
var inputs = [
  [0xE2, 0x41],
  [0xE2, 0x82, 0x41],
  [0xC3, 0xC3, 0xA9],
  [0xF0, 0x9F, 0x98],
  [0x80, 0x81, 0x41],
  [0xFF, 0xFE, 0x41],
  [0xED, 0xA0, 0x80],
  [0xE0, 0x80, 0x80, 0x41],
  [0x41, 0xF0, 0x9F, 0x41, 0x98, 0x80]
];

inputs.forEach(function(bytes) {
  var whole = new Buffer(bytes).toString('utf8');
  for (var cut = 0; cut <= bytes.length; cut++) {
    var decoder = new StringDecoder('utf8');
    var out = decoder.write(new Buffer(bytes.slice(0, cut))) +
        decoder.write(new Buffer(bytes.slice(cut))) + decoder.end();
    assert.strictEqual(out, whole, JSON.stringify(bytes) + ' split at ' + cut);
  }
  var byByte = new StringDecoder('utf8');
  var result = '';
  for (var i = 0; i < bytes.length; i++) result += byByte.write(new Buffer([bytes[i]]));
  assert.strictEqual(result + byByte.end(), whole, JSON.stringify(bytes) + ' byte by byte');
});

// A byte that cannot continue the held character releases it as a replacement.
var decoder = new StringDecoder('utf8');
assert.strictEqual(decoder.write(new Buffer([0xE2])), '');
assert.strictEqual(decoder.write(new Buffer([0x41])), '\ufffdA');
