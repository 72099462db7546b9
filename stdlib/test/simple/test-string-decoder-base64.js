var common = require('../common');
var assert = require('assert');

var StringDecoder = require('string_decoder').StringDecoder;

var buffer = new Buffer('Hello, base64 world! \u00e9', 'utf8');
var whole = buffer.toString('base64');

// Splitting anywhere gives the same base64 as encoding the whole buffer.
for (var cut = 0; cut <= buffer.length; cut++) {
  var decoder = new StringDecoder('base64');
  var out = decoder.write(buffer.slice(0, cut)) + decoder.write(buffer.slice(cut)) +
      decoder.end();
  assert.strictEqual(out, whole, 'split at ' + cut);
}

// Whole groups of three bytes come out at once; the rest waits.
var partial = new StringDecoder('base64');
assert.strictEqual(partial.write(new Buffer([0x61, 0x62, 0x63, 0x64])), 'YWJj');
assert.strictEqual(partial.end(), 'ZA==');
