// pbkdf2: the RFC 6070 PBKDF2-HMAC-SHA1 vectors, run on the thread pool (the callback comes
// later, with a 'binary' string as in v0.6), and bad arguments.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');

var vectors = [
  ['password', 'salt', 1, 20, '0c60c80f961f0e71f3a9b524af6012062fe037a6'],
  ['password', 'salt', 2, 20, 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957'],
  ['password', 'salt', 4096, 20, '4b007901b765489abead49d926f721d065a429c1'],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096, 25,
   '3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038'],
  ['pass\u0000word', 'sa\u0000lt', 4096, 16, '56fa6aa75548099dcc37d7f03425e0c3']
];

var synchronous = true;
vectors.forEach(function(v) {
  crypto.pbkdf2(v[0], v[1], v[2], v[3], common.mustCall(function(err, key) {
    assert.strictEqual(synchronous, false);
    assert.strictEqual(err, null);
    assert.strictEqual(typeof key, 'string');
    assert.strictEqual(key.length, v[3]);
    assert.strictEqual(new Buffer(key, 'binary').toString('hex'), v[4], JSON.stringify(v));
  }));
});
// Buffers work for the password and salt; a zero-length key is empty.
crypto.pbkdf2(new Buffer('password'), new Buffer('salt'), 2, 20,
              common.mustCall(function(err, key) {
                assert.strictEqual(err, null);
                assert.strictEqual(new Buffer(key, 'binary').toString('hex'), vectors[1][4]);
              }));
crypto.pbkdf2('password', 'salt', 1, 0, common.mustCall(function(err, key) {
  assert.strictEqual(err, null);
  assert.strictEqual(key, '');
}));
// A longer key than the hash is several blocks (RFC 6070 gives only the first 20 bytes).
crypto.pbkdf2('password', 'salt', 1, 64, common.mustCall(function(err, key) {
  assert.strictEqual(err, null);
  assert.strictEqual(key.length, 64);
  assert.strictEqual(new Buffer(key, 'binary').toString('hex').slice(0, 40), vectors[0][4]);
}));
synchronous = false;

// Bad arguments throw at once; no callback is made.
var never = function() { assert.fail('called back'); };
assert.throws(function() { crypto.pbkdf2('p', 's', 1, 20); }, TypeError);
assert.throws(function() { crypto.pbkdf2('p', 's', 1, 20, 'callback'); }, TypeError);
assert.throws(function() { crypto.pbkdf2(undefined, 's', 1, 20, never); }, TypeError);
assert.throws(function() { crypto.pbkdf2('p', 5, 1, 20, never); }, TypeError);
assert.throws(function() { crypto.pbkdf2('p', 's', 'one', 20, never); }, TypeError);
assert.throws(function() { crypto.pbkdf2('p', 's', 0, 20, never); }, RangeError);
assert.throws(function() { crypto.pbkdf2('p', 's', -1, 20, never); }, RangeError);
assert.throws(function() { crypto.pbkdf2('p', 's', 1.5, 20, never); }, RangeError);
assert.throws(function() { crypto.pbkdf2('p', 's', Infinity, 20, never); }, RangeError);
assert.throws(function() { crypto.pbkdf2('p', 's', 1, -1, never); }, RangeError);
assert.throws(function() { crypto.pbkdf2('p', 's', 1, NaN, never); }, RangeError);
assert.throws(function() { crypto.pbkdf2('p', 's', 1, Math.pow(2, 40), never); }, RangeError);
assert.throws(function() { crypto.pbkdf2('p', 's', 1, '20', never); }, TypeError);
