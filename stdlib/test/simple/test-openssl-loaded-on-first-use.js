// OpenSSL is loaded on the first call into it, not at start-up and not by require('crypto'):
// a program that never hashes or encrypts never maps libssl or libcrypto
// (third_party/openssl/lazy.h, tools/unneed.py). Its providers are loaded with it, before that
// first call runs, so a legacy algorithm works as the very first call.
var assert = require('assert');
var fs = require('fs');

function opensslMapped() {
  return /\/lib(ssl|crypto)\.so/.test(fs.readFileSync('/proc/self/maps', 'utf8'));
}

assert.strictEqual(opensslMapped(), false, 'OpenSSL is loaded before any use of it');
// Requiring the modules that use it does not load it either.
require('http');
require('net');
var crypto = require('crypto');
require('tls');
require('https');
assert.strictEqual(opensslMapped(), false, 'requiring crypto, tls or https loaded OpenSSL');

// The first call: md4 comes from OpenSSL's legacy provider, which the crypto binding loads as
// OpenSSL is loaded.
assert.strictEqual(crypto.createHash('md4').update('abc').digest('hex'),
                   'a448017aaf21d8525fc10ae87aa6729d');
assert.strictEqual(opensslMapped(), true, 'crypto ran without OpenSSL mapped');
assert.strictEqual(crypto.createHash('sha1').update('abc').digest('hex'),
                   'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.strictEqual(crypto.createHmac('sha256', 'key').update('abc').digest('hex'),
                   '9c196e32dc0175f86f4b1cb89289d6619de6bee699e4c378e68309ed97a1a6ab');
console.log('ok');
