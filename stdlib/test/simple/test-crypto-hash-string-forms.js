// Hash and Hmac take 'binary' and 'utf8' strings straight into the binding and make hex and
// 'binary' digests there; the results must be what the same bytes give through a Buffer, for
// short strings and for ones longer than the binding's stack space, with characters past 255
// ('binary' keeps each one's low byte) and lone surrogates (UTF-8 makes them U+FFFD).
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');

assert.strictEqual(crypto.createHash('sha1').update('abc').digest('hex'),
                   'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.strictEqual(crypto.createHash('md5').update('').digest('hex'),
                   'd41d8cd98f00b204e9800998ecf8427e');
assert.strictEqual(crypto.createHmac('sha256', 'key')
                       .update('The quick brown fox jumps over the lazy dog').digest('hex'),
                   'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
// U+00E9 is one byte in 'binary' and two in UTF-8.
assert.strictEqual(crypto.createHash('md5').update('\u00e9').digest('hex'),
                   crypto.createHash('md5').update(new Buffer([0xe9])).digest('hex'));
assert.strictEqual(crypto.createHash('md5').update('\u00e9', 'utf8').digest('hex'),
                   crypto.createHash('md5').update(new Buffer([0xc3, 0xa9])).digest('hex'));

var strings = [
  '',
  'abc',
  'caf\u00e9 \u20ac \ud83d\ude00',
  'lone \ud800 and \udc00',
  new Array(2000).join('\u0101b\u00ff'),  // 5997 characters
  new Array(700).join('\u20ac')           // 2097 bytes of UTF-8
];

strings.forEach(function(s) {
  ['md5', 'sha1', 'sha256', 'sha512'].forEach(function(alg) {
    ['binary', 'utf8'].forEach(function(enc) {
      var bytes = new Buffer(s, enc);
      var viaBuffer = crypto.createHash(alg).update(bytes).digest('buffer');
      var what = alg + ' ' + enc + ' of ' + s.length + ' characters';
      assert.strictEqual(crypto.createHash(alg).update(s, enc).digest('hex'),
                         viaBuffer.toString('hex'), what);
      assert.strictEqual(crypto.createHash(alg).update(s, enc).digest('binary'),
                         viaBuffer.toString('binary'), what);
      assert.strictEqual(crypto.createHash(alg).update(s, enc).digest('base64'),
                         viaBuffer.toString('base64'), what);
      var hmac = crypto.createHmac(alg, 'secret').update(bytes).digest('buffer');
      assert.strictEqual(crypto.createHmac(alg, 'secret').update(s, enc).digest('hex'),
                         hmac.toString('hex'), what);
      assert.strictEqual(crypto.createHmac(alg, 'secret').update(s, enc).digest('binary'),
                         hmac.toString('binary'), what);
    });
  });
});

// Several updates, strings and Buffers mixed, are one stream of bytes.
var mixed = crypto.createHash('sha1').update('ab').update(new Buffer('cd')).update('ef', 'utf8');
assert.strictEqual(mixed.digest('hex'), crypto.createHash('sha1').update('abcdef').digest('hex'));

// The default digest encoding is still 'binary'.
assert.strictEqual(crypto.createHash('sha1').update('abc').digest(),
                   new Buffer('a9993e364706816aba3e25717850c26c9cd0d89d', 'hex').toString('binary'));
