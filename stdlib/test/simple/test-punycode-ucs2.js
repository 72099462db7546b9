var common = require('../common');
var assert = require('assert');

var punycode = require('punycode');

// ucs2.decode turns a string into code points, joining surrogate pairs.
assert.deepEqual(punycode.ucs2.decode(''), []);
assert.deepEqual(punycode.ucs2.decode('abc'), [0x61, 0x62, 0x63]);
assert.deepEqual(punycode.ucs2.decode('\u00e9\u4e2d'), [0xE9, 0x4E2D]);
assert.deepEqual(punycode.ucs2.decode('\ud834\udf06'), [0x1D306]);
assert.deepEqual(punycode.ucs2.decode('a\ud83d\ude00b'), [0x61, 0x1F600, 0x62]);
// A lone surrogate stays a code point of its own.
assert.deepEqual(punycode.ucs2.decode('\ud800'), [0xD800]);
assert.deepEqual(punycode.ucs2.decode('\udc00\ud800'), [0xDC00, 0xD800]);
assert.deepEqual(punycode.ucs2.decode('\ud800x'), [0xD800, 0x78]);

// ucs2.encode is the inverse.
assert.strictEqual(punycode.ucs2.encode([]), '');
assert.strictEqual(punycode.ucs2.encode([0x61, 0x62, 0x63]), 'abc');
assert.strictEqual(punycode.ucs2.encode([0x1D306]), '\ud834\udf06');
assert.strictEqual(punycode.ucs2.encode([0x61, 0x1F600, 0x62]), 'a\ud83d\ude00b');
assert.strictEqual(punycode.ucs2.encode([0x10FFFF]), '\udbff\udfff');
assert.strictEqual(punycode.ucs2.encode([0xD800]), '\ud800');

// encode leaves its argument alone.
var points = [0x1F600, 0x61];
punycode.ucs2.encode(points);
assert.deepEqual(points, [0x1F600, 0x61]);

// Round trips, including a long string built in chunks.
var long = '';
for (var i = 0; i < 20000; i++) long += String.fromCharCode(0x20 + (i % 0x5000));
long += '\ud83d\ude00';
assert.strictEqual(punycode.ucs2.encode(punycode.ucs2.decode(long)), long);

// Values outside Unicode are not code points.
assert.throws(function() { punycode.ucs2.encode([0x110000]); }, RangeError);
assert.throws(function() { punycode.ucs2.encode([-1]); }, RangeError);
assert.throws(function() { punycode.ucs2.encode([1.5]); }, RangeError);
