var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');

// crypto.pseudoRandomBytes, and the rng/prng aliases, as in v0.6.3.
assert.equal(typeof crypto.pseudoRandomBytes, 'function');
assert.strictEqual(crypto.rng, crypto.randomBytes);
assert.strictEqual(crypto.prng, crypto.pseudoRandomBytes);

var sync = crypto.pseudoRandomBytes(16);
assert.ok(Buffer.isBuffer(sync));
assert.equal(sync.length, 16);
assert.equal(crypto.prng(8).length, 8);
assert.equal(crypto.rng(4).length, 4);
crypto.pseudoRandomBytes(32, common.mustCall(function(err, buf) {
  assert.ifError(err);
  assert.ok(Buffer.isBuffer(buf));
  assert.equal(buf.length, 32);
}));
crypto.prng(1, common.mustCall(function(err, buf) {
  assert.ifError(err);
  assert.equal(buf.length, 1);
}));
// Bad sizes are the same clear errors as randomBytes gives.
['x', -1, NaN, {}].forEach(function(size) {
  assert.throws(function() { crypto.pseudoRandomBytes(size); });
});
assert.throws(function() { crypto.pseudoRandomBytes(1, 'not a function'); }, TypeError);
