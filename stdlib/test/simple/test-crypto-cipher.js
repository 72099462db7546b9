// Ciphers: NIST and `openssl enc` known answers, createCipher's password-derived key and IV
// (EVP_BytesToKey with MD5, as `openssl enc -md md5 -nosalt -k`), round trips, encodings, and
// errors. The expected ciphertexts were made with the system openssl command (OpenSSL 3.0).
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');

var fox = 'The quick brown fox jumps over the lazy dog';
var key128 = new Buffer('2b7e151628aed2a6abf7158809cf4f3c', 'hex');
var key256 = new Buffer('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4', 'hex');
var iv = new Buffer('000102030405060708090a0b0c0d0e0f', 'hex');

function encrypt(cipher, data, inputEncoding, outputEncoding) {
  return cipher.update(data, inputEncoding, outputEncoding) + cipher.final(outputEncoding);
}

// NIST SP 800-38A F.2.1, the first block of CBC-AES128 (a whole block is emitted at once).
var nist = crypto.createCipheriv('aes-128-cbc', key128, iv);
assert.strictEqual(nist.update('6bc1bee22e409f96e93d7e117393172a', 'hex', 'hex'),
                   '7649abac8119b246cee98e9b12e9197d');

// `openssl enc -aes-128-cbc -K ... -iv ...` and the 256-bit one, PKCS#7 padded.
var expected128 = 'bd13204f67d8167f20211c99b0a7cc0506d5c703eafb01a7d0473b5cc999aaa2' +
                  '4dc316ca580592ee0001df0bdbf4d33a';
var expected256 = '993f48c817946d0ccba1d7c53813cf8441e613d2cb47645dc1825884add9b9c9' +
                  'b0b2a3596ecd601df726bbaa5c087b72';
assert.strictEqual(encrypt(crypto.createCipheriv('aes-128-cbc', key128, iv), fox, 'utf8', 'hex'),
                   expected128);
assert.strictEqual(encrypt(crypto.createCipheriv('aes-256-cbc', key256, iv), fox, 'utf8', 'hex'),
                   expected256);
assert.strictEqual(encrypt(crypto.createDecipheriv('aes-128-cbc', key128, iv), expected128, 'hex',
                           'utf8'),
                   fox);
assert.strictEqual(encrypt(crypto.createDecipheriv('aes-256-cbc', key256, iv), expected256, 'hex',
                           'utf8'),
                   fox);
// Key and IV as 'binary' strings, as v0.6 documented them.
assert.strictEqual(encrypt(crypto.createCipheriv('aes-128-cbc', key128.toString('binary'),
                                                 iv.toString('binary')), fox, 'utf8', 'hex'),
                   expected128);

// createCipher(password): `openssl enc -aes-256-cbc -md md5 -nosalt -k "correct horse"`.
assert.strictEqual(encrypt(crypto.createCipher('aes-256-cbc', 'correct horse'), fox, 'utf8', 'hex'),
                   '91559cccb2f3190542814952b0ad59cd0e71ef9b572c92bc349d2016c8f5ae8b' +
                   'a14f015c693cff6d9321919056965f4f');
// ... an empty password and empty input (one block of padding) ...
assert.strictEqual(encrypt(crypto.createCipher('aes-128-cbc', ''), '', 'utf8', 'hex'),
                   '0fbb213dc19dd0ab8b392afd86e762e2');
// ... and UTF-8 bytes in both, with base64 output.
var password = new Buffer('p\u00e4ssword', 'utf8');
var cafe = 'caf\u00e9 \u20ac';
assert.strictEqual(encrypt(crypto.createCipher('aes192', password), cafe, 'utf8', 'base64'),
                   '/zOP3G2uSpW10l28QZFq+A==');
assert.strictEqual(encrypt(crypto.createDecipher('aes192', password), '/zOP3G2uSpW10l28QZFq+A==',
                           'base64', 'utf8'),
                   cafe);

// Defaults are 'binary' strings, in and out (v0.6).
var c = crypto.createCipher('aes-128-cbc', 'secret');
var binary = c.update('hello world') + c.final();
assert.strictEqual(typeof binary, 'string');
assert.strictEqual(binary.length, 16);
var d = crypto.createDecipher('aes-128-cbc', 'secret');
assert.strictEqual(d.update(binary) + d.final(), 'hello world');
assert.strictEqual(new Buffer(binary, 'binary').toString('hex'),
                   '25f3160d93859d62b732fcfc970f00d0');

// Round trips over sizes around the block size, fed in uneven pieces, Buffers in and out.
[0, 1, 15, 16, 17, 31, 32, 33, 1000, 65537].forEach(function(size) {
  var plain = crypto.randomBytes(size);
  var key = crypto.randomBytes(32);
  var ivBytes = crypto.randomBytes(16);
  var cipher = crypto.createCipheriv('aes-256-cbc', key, ivBytes);
  var parts = [];
  for (var at = 0; at < size; at += 7) {
    parts.push(cipher.update(plain.slice(at, Math.min(at + 7, size)), null, 'buffer'));
  }
  parts.push(cipher.final('buffer'));
  var total = 0;
  parts.forEach(function(p) { total += p.length; });
  assert.strictEqual(total, (Math.floor(size / 16) + 1) * 16, 'padded length for ' + size);
  var ciphertext = new Buffer(total);
  var offset = 0;
  parts.forEach(function(p) { p.copy(ciphertext, offset); offset += p.length; });
  var decipher = crypto.createDecipheriv('aes-256-cbc', key, ivBytes);
  var hex = decipher.update(ciphertext, null, 'hex') + decipher.final('hex');
  assert.strictEqual(hex, plain.toString('hex'), 'round trip of ' + size + ' bytes');
});

// Streamed base64 output joins into the base64 of the whole (no padding in the middle), and
// UTF-8 output never splits a character between update() and final().
var streamed = crypto.createCipheriv('aes-128-cbc', key128, iv);
var b64 = streamed.update(fox.slice(0, 5), 'utf8', 'base64') +
          streamed.update(fox.slice(5), 'utf8', 'base64') + streamed.final('base64');
assert.strictEqual(b64, new Buffer(expected128, 'hex').toString('base64'));
var euros = new Array(50).join('\u20ac');
var ct = encrypt(crypto.createCipher('aes-128-cbc', 'k'), euros, 'utf8', 'binary');
var dec = crypto.createDecipher('aes-128-cbc', 'k');
var out = '';
for (var i = 0; i < ct.length; i += 5) out += dec.update(ct.slice(i, i + 5), 'binary', 'utf8');
out += dec.final('utf8');
assert.strictEqual(out, euros);
var switching = crypto.createCipher('aes-128-cbc', 'k');
switching.update(fox, 'utf8', 'base64');
assert.throws(function() { switching.update(fox, 'utf8', 'hex'); }, /Cannot change/);

// Variable-length keys (rc4 comes from OpenSSL's legacy provider): the Wikipedia RC4 vectors.
var rc4 = crypto.createCipheriv('rc4', 'Key', '');
assert.strictEqual(rc4.update('Plaintext', 'binary', 'hex') + rc4.final('hex'),
                   'bbf316e8d940af0ad3');
rc4 = crypto.createCipheriv('rc4', 'Wiki', '');
assert.strictEqual(rc4.update('pedia', 'binary', 'hex') + rc4.final('hex'), '1021bf0420');

// ECB has no IV: '' or null.
var ecb = encrypt(crypto.createCipheriv('aes-128-ecb', key128, ''),
                  '6bc1bee22e409f96e93d7e117393172a', 'hex', 'hex');
assert.strictEqual(ecb.slice(0, 32), '3ad77bb40d7a3660a89ecaf32466ef97');  // SP 800-38A F.1.1
assert.strictEqual(encrypt(crypto.createCipheriv('aes-128-ecb', key128, null),
                           '6bc1bee22e409f96e93d7e117393172a', 'hex', 'hex'), ecb);

// A wrong key is found at final(), as OpenSSL's "bad decrypt".
var wrong = crypto.createDecipher('aes-256-cbc', 'wrong horse');
wrong.update(expected256, 'hex', 'utf8');
assert.throws(function() { wrong.final('utf8'); }, function(e) {
  return e instanceof Error && /bad decrypt/.test(e.message) && e.code === 'ERR_OSSL_BAD_DECRYPT';
});

// Over after final().
var finished = crypto.createCipher('aes-128-cbc', 'x');
finished.final();
assert.throws(function() { finished.final(); }, /final\(\) already called/);
assert.throws(function() { finished.update('x'); }, /final\(\) already called/);

// Bad input.
assert.throws(function() { crypto.createCipher('no-such-cipher', 'x'); }, function(e) {
  return e instanceof Error && /Unknown cipher/.test(e.message) && /no-such-cipher/.test(e.message);
});
assert.throws(function() { crypto.createCipheriv('aes-128-cbc', new Buffer(15), iv); },
              function(e) {
                return e instanceof RangeError && /Invalid key length/.test(e.message);
              });
assert.throws(function() { crypto.createCipheriv('aes-128-cbc', key128, new Buffer(8)); },
              function(e) {
                return e instanceof RangeError && /Invalid IV length/.test(e.message);
              });
assert.throws(function() { crypto.createCipheriv('aes-128-ecb', key128, 'x'); },
              /Invalid IV length/);
assert.throws(function() { crypto.createCipheriv('aes-128-cbc', key128); }, TypeError);
assert.throws(function() { crypto.createCipher('aes-128-cbc'); }, TypeError);
assert.throws(function() { crypto.createCipher('aes-128-cbc', 5); }, TypeError);
assert.throws(function() { crypto.createCipher(5, 'x'); }, TypeError);
assert.throws(function() { crypto.createCipher('aes-256-gcm', 'x'); }, /Unsupported cipher/);
assert.throws(function() { crypto.createCipher('id-aes128-wrap', 'x'); }, /Unsupported cipher/);
assert.throws(function() { crypto.createCipher('aes-128-cbc', 'x').update(null); }, TypeError);
assert.throws(function() { crypto.createCipher('aes-128-cbc', 'x').update('a', 'bogus'); },
              TypeError);
