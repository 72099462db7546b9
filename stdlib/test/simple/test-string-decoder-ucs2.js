var common = require('../common');
var assert = require('assert');

var StringDecoder = require('string_decoder').StringDecoder;

var text = 'ab\u00e9\u4e2d\ud83d\ude00z\ud834\udf06';
var buffer = new Buffer(text, 'ucs2');

// Every way of cutting the buffer in two gives the text back, for each spelling of the name.
['ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'UCS2'].forEach(function(encoding) {
  for (var cut = 0; cut <= buffer.length; cut++) {
    var decoder = new StringDecoder(encoding);
    var first = decoder.write(buffer.slice(0, cut));
    var out = first + decoder.write(buffer.slice(cut)) + decoder.end();
    assert.strictEqual(out, text, encoding + ' split at ' + cut);
    // A surrogate pair is never emitted half way.
    var lastUnit = first.charCodeAt(first.length - 1);
    assert.ok(!(lastUnit >= 0xD800 && lastUnit <= 0xDBFF), 'high surrogate held at ' + cut);
  }
});

// One byte at a time.
var decoder = new StringDecoder('ucs2');
var out = '';
for (var i = 0; i < buffer.length; i++) out += decoder.write(buffer.slice(i, i + 1));
assert.strictEqual(out + decoder.end(), text);

// An odd byte waits for its partner.
var odd = new StringDecoder('ucs2');
assert.strictEqual(odd.write(new Buffer([0x61, 0x00, 0x62])), 'a');
assert.strictEqual(odd.write(new Buffer([0x00])), 'b');

// A high surrogate at the end waits for its low half; end() releases it alone.
var high = new StringDecoder('ucs2');
assert.strictEqual(high.write(new Buffer([0x3D, 0xD8])), '');
assert.strictEqual(high.end(), '\ud83d');
