// crypto.js holds a Hash's (or a string-keyed Hmac's) one 'binary' or 'utf8' string update and
// hashes it with a single call into the binding at digest() (binding.hashOnce, hmacOnce), making
// the binding's object only for a second update or for bytes. Whatever path a hash takes, its
// digest, its errors and their order must be those of the binding's objects fed piece by piece.
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

// HMACs: a digest's first createHmac, and any with a Buffer key, make the binding's Hmac at once
// (so its errors show there); later ones with a string key hold it and the one update. The HMAC
// of 'data' under 'key' is `printf data | openssl dgst -sha1 -hmac key`'s.
var first = crypto.createHmac('sha1', 'key').update('data');
assert.notStrictEqual(first._handle, null);
assert.strictEqual(first.digest('hex'), '104152c5bfdca07bc633eebd46199f0255c9f49d');
var held = crypto.createHmac('sha1', 'key').update('data');
assert.strictEqual(held._handle, null, 'a string key and one update make no binding Hmac');
assert.strictEqual(held.digest('hex'), '104152c5bfdca07bc633eebd46199f0255c9f49d');
var bufferKey = crypto.createHmac('sha1', new Buffer('key')).update('data');
assert.notStrictEqual(bufferKey._handle, null);
assert.strictEqual(bufferKey.digest('hex'), '104152c5bfdca07bc633eebd46199f0255c9f49d');
// Every output form, and two updates (the held key and string go to a binding Hmac).
assert.strictEqual(crypto.createHmac('sha1', 'key').update('data').digest('base64'),
                   new Buffer('104152c5bfdca07bc633eebd46199f0255c9f49d', 'hex').toString('base64'));
assert.strictEqual(new Buffer(crypto.createHmac('sha1', 'key').update('data').digest('binary'),
                              'binary').toString('hex'),
                   '104152c5bfdca07bc633eebd46199f0255c9f49d');
assert.strictEqual(crypto.createHmac('sha1', 'key').update('data', 'utf8')
                   .digest('buffer').toString('hex'), '104152c5bfdca07bc633eebd46199f0255c9f49d');
var pieces = crypto.createHmac('sha1', 'key').update('da');
pieces.update(new Buffer('ta'));
assert.notStrictEqual(pieces._handle, null);
assert.strictEqual(pieces.digest('hex'), '104152c5bfdca07bc633eebd46199f0255c9f49d');
// A 'binary' key is its characters' low bytes on both paths, a UTF-8 update its UTF-8 bytes.
var binaryKey = '\u00ff\u00e9k';
var expected = crypto.createHmac('sha256', new Buffer(binaryKey, 'binary'))
    .update(new Buffer('\u20ac', 'utf8')).digest('hex');  // sha256's first: a binding Hmac
var lazy = crypto.createHmac('sha256', binaryKey).update('\u20ac', 'utf8');
assert.strictEqual(lazy._handle, null);
assert.strictEqual(lazy.digest('hex'), expected);
assert.strictEqual(crypto.createHmac('sha256', binaryKey).update('\u20ac', 'utf8').update('')
                       .digest('hex'),
                   crypto.createHmac('sha256', new Buffer(binaryKey, 'binary'))
                       .update(new Buffer('\u20ac', 'utf8')).digest('hex'));
// Errors of HMACs, on both paths.
var usedHmac = crypto.createHmac('sha1', 'key');
usedHmac.digest('hex');
expectCode(function() { usedHmac.digest('hex'); }, 'ERR_CRYPTO_HASH_FINALIZED');
expectCode(function() { usedHmac.update('x'); }, 'ERR_CRYPTO_HASH_FINALIZED');
expectType(function() { usedHmac.update({}); }, /must be a string or a Buffer/);
for (var j = 0; j < 2; j++) {
  expectCode(function() { crypto.createHmac('no-such-digest', 'key'); },
             'ERR_CRYPTO_INVALID_DIGEST');
  expectType(function() { crypto.createHmac('sha1', 42); }, /key must be a string or a Buffer/);
  expectType(function() { crypto.createHmac(7, 'key'); }, /algorithm must be a string/);
}
assert.strictEqual(binding.hmacOnce('sha1', 'key', false, 'data', false, 1),
                   '104152c5bfdca07bc633eebd46199f0255c9f49d');
assert.throws(function() { binding.hmacOnce('sha1', {}, false, 'data'); }, /key must be a Buffer/);
assert.throws(function() { binding.hmacOnce(1, 'key', false, 'data'); }, TypeError);
console.log('ok');
