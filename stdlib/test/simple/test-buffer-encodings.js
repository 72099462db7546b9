var common = require('../common');
var assert = require('assert');

function bytes(b) { return Array.prototype.slice.call(b); }

// UTF-8, including 2, 3 and 4 byte characters.
var text = 'a\u00e9\u20ac\ud83d\ude00z';
var utf8 = new Buffer(text, 'utf8');
assert.deepEqual(bytes(utf8),
                 [0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0x7A]);
assert.strictEqual(utf8.toString('utf8'), text);
assert.strictEqual(utf8.toString('utf-8'), text);
assert.strictEqual(utf8.toString('UTF8'), text);
assert.strictEqual(utf8.toString(), text);
// Invalid bytes decode as U+FFFD; a lone surrogate encodes as U+FFFD's bytes.
assert.strictEqual(new Buffer([0x61, 0xFF, 0x62]).toString(), 'a\ufffdb');
assert.strictEqual(new Buffer([0xE2, 0x82]).toString(), '\ufffd');
assert.deepEqual(bytes(new Buffer('\ud800')), [0xEF, 0xBF, 0xBD]);

// UCS-2 under all its names.
['ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'UCS2'].forEach(function(encoding) {
  var b = new Buffer('a\u20ac\ud83d\ude00', encoding);
  assert.deepEqual(bytes(b), [0x61, 0x00, 0xAC, 0x20, 0x3D, 0xD8, 0x00, 0xDE]);
  assert.strictEqual(b.toString(encoding), 'a\u20ac\ud83d\ude00');
});
// An odd trailing byte is not a character.
assert.strictEqual(new Buffer([0x61, 0x00, 0x62]).toString('ucs2'), 'a');

// ascii strips the high bit when reading; binary is latin1 both ways.
var high = new Buffer([0x41, 0xC1, 0xFF]);
assert.strictEqual(high.toString('ascii'), 'AAA'.slice(0, 2) + '\u007f');
assert.strictEqual(high.toString('binary'), 'A\u00c1\u00ff');
assert.deepEqual(bytes(new Buffer('A\u00c1\u00ff\u0142', 'binary')), [0x41, 0xC1, 0xFF, 0x42]);
assert.deepEqual(bytes(new Buffer('Az', 'ascii')), [0x41, 0x7A]);

// base64 round trips for every length mod 3.
for (var n = 0; n < 10; n++) {
  var b = new Buffer(n);
  for (var i = 0; i < n; i++) b[i] = (i * 37 + 250) & 255;
  var encoded = b.toString('base64');
  assert.strictEqual(encoded.length, Math.ceil(n / 3) * 4);
  assert.deepEqual(bytes(new Buffer(encoded, 'base64')), bytes(b));
}
assert.strictEqual(new Buffer('hello world').toString('base64'), 'aGVsbG8gd29ybGQ=');
assert.strictEqual(new Buffer([0xFB, 0xFF]).toString('base64'), '+/8=');
// Lenient decoding: whitespace, line breaks, missing padding, the URL-safe alphabet.
assert.strictEqual(new Buffer('aGVs bG8g\r\nd29y\tbGQ', 'base64').toString(), 'hello world');
assert.strictEqual(new Buffer('aGVsbG8gd29ybGQ', 'base64').toString(), 'hello world');
assert.deepEqual(bytes(new Buffer('-_8', 'base64')), [0xFB, 0xFF]);
assert.strictEqual(new Buffer('YQ==YWJj', 'base64').toString(), 'a');
assert.strictEqual(new Buffer('', 'base64').length, 0);
assert.strictEqual(new Buffer('!!!', 'base64').length, 0);

// hex: case-insensitive in, lower case out, stops at the first invalid pair.
assert.strictEqual(new Buffer([0, 15, 16, 171, 255]).toString('hex'), '000f10abff');
assert.deepEqual(bytes(new Buffer('DEadBEef', 'hex')), [0xDE, 0xAD, 0xBE, 0xEF]);
assert.deepEqual(bytes(new Buffer('12zz34', 'hex')), [0x12]);
assert.deepEqual(bytes(new Buffer('1g', 'hex')), []);
assert.deepEqual(bytes(new Buffer('123', 'hex')), [0x12]);

// All 256 byte values survive binary, hex and base64.
var all = new Buffer(256);
for (var j = 0; j < 256; j++) all[j] = j;
['binary', 'hex', 'base64'].forEach(function(encoding) {
  assert.deepEqual(bytes(new Buffer(all.toString(encoding), encoding)), bytes(all), encoding);
});

// Unknown encodings are TypeErrors everywhere.
assert.throws(function() { all.toString('utf9'); }, /Unknown encoding: utf9/);
assert.throws(function() { all.write('a', 0, 1, 'bogus'); }, TypeError);
assert.throws(function() { Buffer.byteLength('a', 'bogus'); }, TypeError);
