// createSign/createVerify with the PEM keys in fixtures/keys: a known RSA-SHA256 signature (made
// by the openssl command), every public key form, encrypted keys, EC keys, and failures.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var path = require('path');

function fixture(name) {
  return fs.readFileSync(path.join(common.fixturesDir, 'keys', name), 'utf8');
}
var privateKey = fixture('rsa_private.pem');
var encryptedKey = fixture('rsa_private_encrypted.pem');
var publicKey = fixture('rsa_public.pem');
var publicKeyPkcs1 = fixture('rsa_public_pkcs1.pem');
var cert = fixture('rsa_cert.pem');
var otherKey = fixture('rsa2_private.pem');
var ecPrivate = fixture('ec_private.pem');
var ecPublic = fixture('ec_public.pem');

var message = 'hello nodus';
// echo -n "hello nodus" | openssl dgst -sha256 -sign rsa_private.pem | xxd -p
var expected =
    '30a7f158dcb1f94d6152c96e2039a551e5672c59338bf18de51bf2c4f3421a26845f0744b1005fadad8f622f' +
    'caa54c5613050191593465758322ac6e7214f7d8c4e9d5eb85ecaeef8ded51b3043faf410d7de7baf3fc7aee' +
    '27b43ddd0662c701dafacff5800b37e93b7b813dc34f22c99d1f2d6fd3708e97aca141eb3ab37b5a9e5ae614' +
    'dc9c0a1d8a8a9feb43a21f49b6a3b23067ead1f1ea3f474a8b57845484c690fc14e6e509b9971baabf41fe54' +
    '3106bcad775003580a654336096625f1c5f7b56e21c5ddc12519246f82eebcbe53656bf8ff0814440648c955' +
    'ebc28c87566e42a135200c241e3bce9ca2874aa41c8cdf7fc7ea387282573401844e9185';

// PKCS#1 v1.5 signatures are deterministic: the same bytes as openssl's.
var signer = crypto.createSign('RSA-SHA256');
assert.strictEqual(signer.update('hello '), signer);
signer.update('nodus');
assert.strictEqual(signer.sign(privateKey, 'hex'), expected);
assert.strictEqual(crypto.createSign('sha256').update(message)
                       .sign(new Buffer(privateKey), 'base64'),
                   new Buffer(expected, 'hex').toString('base64'));
// The default output is a 'binary' string.
var binary = crypto.createSign('RSA-SHA256').update(message).sign(privateKey);
assert.strictEqual(typeof binary, 'string');
assert.strictEqual(new Buffer(binary, 'binary').toString('hex'), expected);
// An encrypted key with its passphrase gives the same signature.
assert.strictEqual(crypto.createSign('RSA-SHA256').update(message)
                       .sign({ key: encryptedKey, passphrase: 'password' }, 'hex'),
                   expected);

function verify(algorithm, key, data, signature, format) {
  return crypto.createVerify(algorithm).update(data).verify(key, signature, format);
}

// Every public key form verifies: SPKI, PKCS#1 "RSA PUBLIC KEY", a certificate, the private key.
[publicKey, publicKeyPkcs1, cert, privateKey, new Buffer(publicKey)].forEach(function(key, i) {
  assert.strictEqual(verify('RSA-SHA256', key, message, expected, 'hex'), true, 'key form ' + i);
});
assert.strictEqual(verify('RSA-SHA256', publicKey, message, binary), true);
assert.strictEqual(verify('RSA-SHA256', publicKey, message,
                          new Buffer(expected, 'hex').toString('base64'), 'base64'), true);
assert.strictEqual(verify('RSA-SHA256', publicKey, message, new Buffer(expected, 'hex')), true);

// Wrong data, digest, key or signature: false, not an error.
assert.strictEqual(verify('RSA-SHA256', publicKey, message + '!', expected, 'hex'), false);
assert.strictEqual(verify('RSA-SHA1', publicKey, message, expected, 'hex'), false);
assert.strictEqual(verify('RSA-SHA256', otherKey, message, expected, 'hex'), false);
assert.strictEqual(verify('RSA-SHA256', publicKey, message, expected.slice(0, 100), 'hex'), false);
assert.strictEqual(verify('RSA-SHA256', publicKey, message, '', 'hex'), false);
var flipped = new Buffer(expected, 'hex');
flipped[10] ^= 1;
assert.strictEqual(verify('RSA-SHA256', publicKey, message, flipped), false);
assert.strictEqual(verify('RSA-SHA256', ecPublic, message, expected, 'hex'), false);

// Other digests and an EC key (ECDSA signatures are random, so only the round trip is fixed).
['RSA-SHA1', 'RSA-SHA512', 'md5', 'sha384'].forEach(function(algorithm) {
  var sig = crypto.createSign(algorithm).update(message).sign(privateKey, 'hex');
  assert.strictEqual(verify(algorithm, publicKey, message, sig, 'hex'), true, algorithm);
});
var ecSig = crypto.createSign('sha256').update(message).sign(ecPrivate, 'base64');
assert.strictEqual(verify('sha256', ecPublic, message, ecSig, 'base64'), true);
assert.strictEqual(verify('sha256', ecPublic, 'other', ecSig, 'base64'), false);

// Used up after sign() / verify().
var used = crypto.createSign('RSA-SHA256').update(message);
used.sign(privateKey);
assert.throws(function() { used.sign(privateKey); }, /sign\(\) already called/);
assert.throws(function() { used.update('x'); }, /sign\(\) already called/);
var usedVerify = crypto.createVerify('RSA-SHA256').update(message);
usedVerify.verify(publicKey, expected, 'hex');
assert.throws(function() { usedVerify.verify(publicKey, expected, 'hex'); },
              /verify\(\) already called/);

// Unreadable keys throw (and leave the signer usable).
var s = crypto.createSign('RSA-SHA256').update(message);
assert.throws(function() { s.sign('not a key'); }, Error);
assert.throws(function() { s.sign(publicKey); }, Error);
assert.throws(function() { s.sign(encryptedKey); }, Error);  // No passphrase: no prompt either.
assert.throws(function() { s.sign({ key: encryptedKey, passphrase: 'wrong' }); }, Error);
assert.strictEqual(s.sign(privateKey, 'hex'), expected);
assert.throws(function() {
  crypto.createVerify('RSA-SHA256').update(message).verify('garbage', expected, 'hex');
}, Error);
assert.throws(function() {
  crypto.createVerify('RSA-SHA256').update(message).verify(
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', expected, 'hex');
}, Error);

// Bad arguments.
assert.throws(function() { crypto.createSign('no-such-digest'); }, /Digest method not supported/);
assert.throws(function() { crypto.createVerify('no-such-digest'); }, /Digest method not supported/);
assert.throws(function() { crypto.createSign(); }, TypeError);
assert.throws(function() { crypto.createSign('sha1').update(message).sign(); }, TypeError);
assert.throws(function() { crypto.createSign('sha1').update(message).sign(42); }, TypeError);
assert.throws(function() { crypto.createVerify('sha1').update(message).verify(publicKey); },
              TypeError);
assert.throws(function() { crypto.createVerify('sha1').update(message).verify(null, 'x'); },
              TypeError);
