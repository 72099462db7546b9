// OpenSSL is loaded by its first call (third_party/openssl/lazy.h), which may come from the
// thread pool: here two jobs queued together, before anything else touched OpenSSL, both make
// the first call at once. Each must see OpenSSL loaded, its providers too, and get the right
// answer.
var assert = require('assert');
var crypto = require('crypto');

var done = 0;
crypto.pbkdf2('password', 'salt', 1, 20, function(err, key) {
  assert.ifError(err);
  // RFC 6070's first vector (PBKDF2-HMAC-SHA1).
  assert.strictEqual(new Buffer(key, 'binary').toString('hex'),
                     '0c60c80f961f0e71f3a9b524af6012062fe037a6');
  done++;
});
crypto.randomBytes(32, function(err, bytes) {
  assert.ifError(err);
  assert.strictEqual(bytes.length, 32);
  done++;
});
process.on('exit', function() {
  assert.strictEqual(done, 2);
  // The legacy provider came with OpenSSL, whichever thread loaded it.
  assert.strictEqual(crypto.createHash('md4').update('abc').digest('hex'),
                     'a448017aaf21d8525fc10ae87aa6729d');
  console.log('ok');
});
