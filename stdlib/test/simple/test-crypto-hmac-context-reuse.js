// A finished HMAC's OpenSSL context serves the next createHmac of the same digest, set up again
// with the new key (crypto_hash.cc's FinishedMacs). Whatever order HMACs of different keys and
// digests are made, finished, or dropped unfinished in, each must equal the HMAC computed from
// its definition, H((K ^ opad) || H((K ^ ipad) || m)), over crypto.createHash.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');

var blockSizes = {md5: 64, sha1: 64, sha256: 64, sha512: 128};

function definition(algorithm, key, message) {
  var block = blockSizes[algorithm];
  key = Buffer.isBuffer(key) ? key : new Buffer(key, 'binary');
  if (key.length > block) key = new Buffer(crypto.createHash(algorithm).update(key).digest('hex'), 'hex');
  var inner = new Buffer(block), outer = new Buffer(block);
  for (var i = 0; i < block; i++) {
    var k = i < key.length ? key[i] : 0;
    inner[i] = k ^ 0x36;
    outer[i] = k ^ 0x5c;
  }
  var innerHash = crypto.createHash(algorithm).update(inner).update(new Buffer(message, 'binary'));
  return crypto.createHash(algorithm).update(outer)
      .update(new Buffer(innerHash.digest('hex'), 'hex')).digest('hex');
}

var keys = ['', 'k', 'secret key', new Array(40).join('a longer key than any block '),
            new Buffer([0, 1, 2, 255, 0])];
var algorithms = Object.keys(blockSizes);
var checked = 0;
for (var round = 0; round < 3; round++) {
  keys.forEach(function(key, k) {
    algorithms.forEach(function(algorithm, a) {
      var message = 'message ' + round + ' ' + k + ' ' + a;
      assert.strictEqual(crypto.createHmac(algorithm, key).update(message).digest('hex'),
                         definition(algorithm, key, message), algorithm + ' key ' + k);
      checked++;
    });
  });
}

// Several of one digest at once, finished out of order, some dropped unfinished.
var open = keys.map(function(key) { return crypto.createHmac('sha256', key).update('a'); });
var dropped = crypto.createHmac('sha256', 'dropped').update('never finished');
for (var i = open.length - 1; i >= 0; i--) {
  open[i].update('b');
  assert.strictEqual(open[i].digest('hex'), definition('sha256', keys[i], 'ab'));
  // A new one made between finishing the others reuses a context with another key.
  assert.strictEqual(crypto.createHmac('sha256', 'between ' + i).update('x').digest('hex'),
                     definition('sha256', 'between ' + i, 'x'));
  checked += 2;
}
dropped = null;
// Use after digest still fails, as before.
var done = crypto.createHmac('sha1', 'k');
done.digest('hex');
assert.throws(function() { done.update('x'); }, /Digest already called/);
assert.throws(function() { done.digest('hex'); }, /Digest already called/);
console.log('ok ' + checked);
