// crypto.js holds a Hash's one 'binary' or 'utf8' string update and hashes it with a single call
// into the binding at digest() (binding.hashOnce), making the binding's Hash object only for a
// second update or for bytes. Whatever path a hash takes, its digest, its errors and their order
// must be those of the binding's Hash fed piece by piece.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var binding = process.binding('crypto');

// The reference: the binding's own Hash, fed the same bytes.
function reference(algorithm, pieces) {
  var handle = new binding.Hash(algorithm);
  pieces.forEach(function(piece) {
    handle.update(typeof piece === 'string' ? new Buffer(piece, 'binary') : piece);
  });
  return new Buffer(handle.digest()).toString('hex');
}

var texts = ['', 'abc', 'h\u00e9llo w\u00f6rld', new Array(5000).join('0123456789'),
             '\u20ac\ud83d\ude00 multi-byte'];
['md5', 'sha1', 'sha256', 'sha512', 'ripemd160'].forEach(function(algorithm) {
  texts.forEach(function(text) {
    var utf8 = new Buffer(text, 'utf8').toString('binary');
    var latin1 = new Buffer(text, 'binary').toString('binary');
    // One update: held, then hashed in one call.
    var h = crypto.createHash(algorithm);
    h.update(text, 'utf8');
    assert.strictEqual(h._handle, null, 'a single string update makes no binding Hash');
    assert.strictEqual(h.digest('hex'), reference(algorithm, [utf8]));
    assert.strictEqual(crypto.createHash(algorithm).update(text).digest('hex'),
                       reference(algorithm, [latin1]));
    // The other output forms of the held path.
    var bytes = crypto.createHash(algorithm).update(text, 'utf8').digest('buffer');
    assert.ok(Buffer.isBuffer(bytes));
    // No encoding: a 'binary' string, as in v0.6.
    assert.strictEqual(crypto.createHash(algorithm).update(text, 'utf8').digest(),
                       new Buffer(reference(algorithm, [utf8]), 'hex').toString('binary'));
    assert.strictEqual(bytes.toString('hex'), reference(algorithm, [utf8]));
    assert.strictEqual(new Buffer(crypto.createHash(algorithm).update(text, 'utf8')
                                  .digest('binary'), 'binary').toString('hex'),
                       reference(algorithm, [utf8]));
    assert.strictEqual(crypto.createHash(algorithm).update(text, 'utf8').digest('base64'),
                       new Buffer(reference(algorithm, [utf8]), 'hex').toString('base64'));
    // Two updates: the held string goes to the binding's Hash first, in its own encoding.
    var two = crypto.createHash(algorithm).update(text, 'utf8');
    two.update(text);
    assert.notStrictEqual(two._handle, null);
    assert.strictEqual(two.digest('hex'), reference(algorithm, [utf8, latin1]));
    // A string, then bytes; bytes first; an encoding that is neither.
    assert.strictEqual(crypto.createHash(algorithm).update(text).update(new Buffer('xyz'))
                       .digest('hex'), reference(algorithm, [latin1, new Buffer('xyz')]));
    assert.strictEqual(crypto.createHash(algorithm).update(new Buffer(text, 'utf8'))
                       .digest('hex'), reference(algorithm, [new Buffer(text, 'utf8')]));
    assert.strictEqual(crypto.createHash(algorithm).update(new Buffer(text).toString('hex'), 'hex')
                       .digest('hex'), reference(algorithm, [new Buffer(text)]));
  });
  // No update at all: the digest of nothing.
  assert.strictEqual(crypto.createHash(algorithm).digest('hex'), reference(algorithm, []));
});

// Bytes are hashed as they are at update(), not at digest(): a Buffer changed afterwards does not
// change the digest.
var buffer = new Buffer('before');
var early = crypto.createHash('sha1').update(buffer);
buffer.write('AFTER!');
assert.strictEqual(early.digest('hex'), reference('sha1', [new Buffer('before')]));

// Errors, and their order, on both paths.
function expectCode(fn, code, message) {
  assert.throws(fn, function(e) {
    return e instanceof Error && e.code === code && (!message || e.message === message);
  });
}
function expectType(fn, pattern) {
  assert.throws(fn, function(e) { return e instanceof TypeError && pattern.test(e.message); });
}
[function() { return crypto.createHash('sha1'); },
 function() { return crypto.createHash('sha1').update('held'); },
 function() { return crypto.createHash('sha1').update('a').update('b'); },
 function() { return crypto.createHash('sha1').update(new Buffer('bytes')); }
].forEach(function(make) {
  var h = make();
  h.digest('hex');
  expectCode(function() { h.digest('hex'); }, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
  expectCode(function() { h.update('more'); }, 'ERR_CRYPTO_HASH_FINALIZED');
  expectCode(function() { h.update(new Buffer('more')); }, 'ERR_CRYPTO_HASH_FINALIZED');
  // A bad encoding or bad data is reported before the hash being finished.
  expectType(function() { h.update('x', 'no-such-encoding'); }, /Unknown encoding/);
  expectType(function() { h.update({}); }, /must be a string or a Buffer/);
  expectType(function() { h.digest('no-such-encoding'); }, /Unknown encoding/);
});
// And on a live hash the same errors leave it usable.
var live = crypto.createHash('md5').update('one');
expectType(function() { live.update(42); }, /must be a string or a Buffer/);
expectType(function() { live.update('x', 'buffer'); }, /Unknown encoding/);
assert.strictEqual(live.digest('hex'), reference('md5', ['one']));
// A bad algorithm fails at creation, every time (the accepted names are remembered, not the
// refused ones), as the binding's Hash does.
for (var i = 0; i < 2; i++) {
  expectCode(function() { crypto.createHash('no-such-digest'); }, 'ERR_CRYPTO_INVALID_DIGEST');
  expectType(function() { crypto.createHash(7); }, /algorithm must be a string/);
  expectType(function() { crypto.createHash(); }, /algorithm must be a string/);
}
assert.throws(function() { binding.hashOnce('no-such-digest', 'x'); }, /not supported/);
assert.throws(function() { binding.hashOnce('sha1', {}); }, TypeError);
assert.strictEqual(binding.hashOnce('sha1', 'abc', false, 1),
                   'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.strictEqual(binding.checkDigest('sha1'), undefined);
// Hash without new, and the exported constructor.
assert.strictEqual(crypto.Hash('sha1').update('abc').digest('hex'),
                   'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.ok(crypto.createHash('sha1') instanceof crypto.Hash);

// Hmac, Sign and Verify are untouched: their binding objects are made at once (the HMAC as
// `printf data | openssl dgst -sha1 -hmac key` gives it).
var hmac = crypto.createHmac('sha1', 'key').update('data');
assert.notStrictEqual(hmac._handle, null);
assert.strictEqual(hmac.digest('hex'), '104152c5bfdca07bc633eebd46199f0255c9f49d');
console.log('ok');
