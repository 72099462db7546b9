var common = require('../common');
var assert = require('assert');

var qs = require('querystring');

function bytes(buffer) {
  var out = [];
  for (var i = 0; i < buffer.length; i++) out.push(buffer[i]);
  return out;
}

// unescapeBuffer gives the raw bytes, valid UTF-8 or not.
var b = qs.unescapeBuffer('a%20b%FF%00');
assert.ok(Buffer.isBuffer(b));
assert.deepEqual(bytes(b), [0x61, 0x20, 0x62, 0xFF, 0x00]);

// '+' is only a space when asked for.
assert.deepEqual(bytes(qs.unescapeBuffer('a+b')), [0x61, 0x2B, 0x62]);
assert.deepEqual(bytes(qs.unescapeBuffer('a+b', true)), [0x61, 0x20, 0x62]);

// Broken escapes are copied through.
assert.deepEqual(bytes(qs.unescapeBuffer('%')), [0x25]);
assert.deepEqual(bytes(qs.unescapeBuffer('%4')), [0x25, 0x34]);
assert.deepEqual(bytes(qs.unescapeBuffer('%4g')), [0x25, 0x34, 0x67]);
assert.deepEqual(bytes(qs.unescapeBuffer('%%41')), [0x25, 0x41]);

// Both cases of hex digits work.
assert.deepEqual(bytes(qs.unescapeBuffer('%aB%Cd')), [0xAB, 0xCD]);

// Literal characters beyond ASCII are stored as UTF-8.
assert.deepEqual(bytes(qs.unescapeBuffer('\u00e9')), [0xC3, 0xA9]);
assert.strictEqual(qs.unescapeBuffer('%C3%A9\u00e9').toString(), '\u00e9\u00e9');

assert.strictEqual(qs.unescapeBuffer('').length, 0);
