// OpenSSL is loaded on the first use of crypto or TLS, not at start-up: a program that uses
// neither never maps libssl or libcrypto (third_party/openssl/lazy.h, tools/unneed.py).
var assert = require('assert');
var fs = require('fs');

function opensslMapped() {
  return /\/lib(ssl|crypto)\.so/.test(fs.readFileSync('/proc/self/maps', 'utf8'));
}

assert.strictEqual(opensslMapped(), false, 'OpenSSL is loaded before any use of it');
// http, net, fs and the rest do not need it either.
require('http');
require('net');
assert.strictEqual(opensslMapped(), false, 'loading http loaded OpenSSL');

var crypto = require('crypto');
assert.strictEqual(crypto.createHash('sha1').update('abc').digest('hex'),
                   'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.strictEqual(crypto.createHmac('sha256', 'key').update('abc').digest('hex'),
                   '9c196e32dc0175f86f4b1cb89289d6619de6bee699e4c378e68309ed97a1a6ab');
assert.strictEqual(opensslMapped(), true, 'crypto ran without OpenSSL mapped');
console.log('ok');
