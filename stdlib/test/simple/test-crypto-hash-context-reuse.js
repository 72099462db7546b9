// A finished hash's OpenSSL context is kept for the next createHash of the same algorithm
// (runtime/bindings/crypto/crypto_hash.cc). Whatever order hashes are made, fed and finished in,
// each must give its own data's digest, and a finished hash must stay finished.
var assert = require('assert');
var crypto = require('crypto');

function expected(algorithm, data) {
  // One hash per data, made before any reuse could matter: the reference.
  return crypto.createHash(algorithm).update(data).digest('hex');
}

var algorithms = ['md5', 'sha1', 'sha256', 'sha512', 'ripemd160', 'sha1', 'md5'];
var refs = {};
algorithms.forEach(function(a) {
  refs[a + ':abc'] = expected(a, 'abc');
  refs[a + ':'] = expected(a, '');
  refs[a + ':long'] = expected(a, new Array(1000).join('xyz'));
});
assert.strictEqual(refs['sha1:abc'], 'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.strictEqual(refs['md5:'], 'd41d8cd98f00b204e9800998ecf8427e');

// Interleaved: hashes alive at the same time, finished in another order than made.
for (var round = 0; round < 20; round++) {
  var live = algorithms.map(function(a) { return { a: a, h: crypto.createHash(a) }; });
  live.forEach(function(x, i) { if (i % 2) x.h.update('a'); });
  var done = live.filter(function(x, i) { return i % 3 === 0; });
  done.forEach(function(x, i) {
    if (live.indexOf(x) % 2 === 0) x.h.update('abc');
    else x.h.update('bc');
    assert.strictEqual(x.h.digest('hex'), refs[x.a + ':abc'], x.a + ' interleaved');
    // Finished stays finished, though its context now serves another hash.
    assert.throws(function() { x.h.update('x'); }, /Digest already called/);
    assert.throws(function() { x.h.digest('hex'); }, /Digest already called/);
  });
  // New hashes take the finished contexts while the others are still open.
  var fresh = algorithms.map(function(a) { return { a: a, h: crypto.createHash(a) }; });
  live.forEach(function(x, i) {
    if (i % 3 === 0) return;
    x.h.update(i % 2 ? 'bc' : 'abc');
    assert.strictEqual(x.h.digest('hex'), refs[x.a + ':abc'], x.a + ' kept open');
  });
  fresh.forEach(function(x, i) {
    if (i % 2) {
      assert.strictEqual(x.h.digest('hex'), refs[x.a + ':'], x.a + ' empty');
    } else {
      var chunk = new Array(1000).join('xyz');
      x.h.update(chunk.slice(0, 1000)).update(new Buffer(chunk.slice(1000), 'binary'));
      assert.strictEqual(x.h.digest('hex'), refs[x.a + ':long'], x.a + ' in two pieces');
    }
  });
}
console.log('ok');
