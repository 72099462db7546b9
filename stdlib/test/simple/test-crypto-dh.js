// Diffie-Hellman: both sides reach the same secret, which equals other^private mod p computed
// independently here with BigInt; generated and given primes; the getters and setters; errors.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');

// RFC 3526 group 14 (2048-bit MODP), generator 2.
var modp2048 =
    'ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a0879' +
    '8e3404ddef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b' +
    '0bff5cb6f406b7edee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf0598da4836' +
    '1c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb9ed529077096966d670c354e4abc9804' +
    'f1746c08ca18217c32905e462e36ce3be39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf6' +
    '955817183995497cea956ae515d2261898fa051015728e5a8aacaa68ffffffffffffffff';

function big(hex) { return BigInt('0x' + (hex || '0')); }
function modPow(base, exponent, modulus) {
  var result = 1n;
  base %= modulus;
  while (exponent > 0n) {
    if (exponent & 1n) result = result * base % modulus;
    base = base * base % modulus;
    exponent >>= 1n;
  }
  return result;
}
function toHex(n, bytes) {
  var hex = n.toString(16);
  while (hex.length < bytes * 2) hex = '0' + hex;
  return hex;
}

// A given prime, in each encoding.
var alice = crypto.createDiffieHellman(modp2048, 'hex');
var bob = crypto.createDiffieHellman(new Buffer(modp2048, 'hex'));
var carol = crypto.createDiffieHellman(new Buffer(modp2048, 'hex').toString('base64'), 'base64');
var dave = crypto.createDiffieHellman(new Buffer(modp2048, 'hex').toString('binary'));
[alice, bob, carol, dave].forEach(function(dh) {
  assert.strictEqual(dh.getPrime('hex'), modp2048);
  assert.strictEqual(dh.getGenerator('hex'), '02');
});
assert.strictEqual(alice.getGenerator(), '\u0002');  // 'binary' by default

// Before generateKeys() there are no keys.
assert.throws(function() { alice.getPublicKey(); }, /No public key/);
assert.throws(function() { alice.getPrivateKey(); }, /No private key/);
assert.throws(function() { alice.computeSecret(new Buffer([5])); }, /No private key/);

var alicePublic = alice.generateKeys('hex');
var bobPublic = bob.generateKeys();  // binary string
assert.strictEqual(alice.getPublicKey('hex'), alicePublic);
assert.strictEqual(bob.getPublicKey(), bobPublic);
assert.strictEqual(big(alicePublic), modPow(2n, big(alice.getPrivateKey('hex')), big(modp2048)));

var secret1 = alice.computeSecret(bobPublic, 'binary', 'hex');
var secret2 = bob.computeSecret(alicePublic, 'hex');  // output defaults to the input encoding
assert.strictEqual(secret1, secret2);
// The secret is other^private mod p, as long as the prime (zero-padded on the left).
assert.strictEqual(secret1.length, modp2048.length);
assert.strictEqual(secret1, toHex(modPow(big(alicePublic), big(bob.getPrivateKey('hex')),
                                         big(modp2048)), 256));
var secretB64 = alice.computeSecret(new Buffer(bobPublic, 'binary').toString('base64'), 'base64');
assert.strictEqual(new Buffer(secretB64, 'base64').toString('hex'), secret1);
assert.ok(Buffer.isBuffer(alice.computeSecret(new Buffer(bobPublic, 'binary'), null, 'buffer')));

// A private key set by hand: generateKeys() keeps it and derives the public key from it.
var erin = crypto.createDiffieHellman(modp2048, 'hex');
erin.setPrivateKey('1234567890abcdef', 'hex');
assert.strictEqual(erin.generateKeys('hex'),
                   toHex(modPow(2n, 0x1234567890abcdefn, big(modp2048)), 0));
assert.strictEqual(erin.getPrivateKey('hex'), '1234567890abcdef');
assert.strictEqual(erin.computeSecret(alicePublic, 'hex', 'hex'),
                   toHex(modPow(big(alicePublic), 0x1234567890abcdefn, big(modp2048)), 256));
// The same keys copied into another object agree.
var frank = crypto.createDiffieHellman(modp2048, 'hex');
frank.setPublicKey(alice.getPublicKey());
frank.setPrivateKey(alice.getPrivateKey('base64'), 'base64');
assert.strictEqual(frank.getPublicKey('hex'), alicePublic);
assert.strictEqual(frank.computeSecret(bobPublic, 'binary', 'hex'), secret1);

// Keys that would give a guessable secret are refused.
['', '00', '01', toHex(big(modp2048) - 1n, 256), modp2048, 'ff' + modp2048].forEach(function(key) {
  assert.throws(function() { alice.computeSecret(key, 'hex'); },
                /Supplied key is too (small|large)/, key);
});

// A generated prime (512 bits is the least OpenSSL 3 makes).
var generated = crypto.createDiffieHellman(512);
assert.strictEqual(generated.getPrime().length, 64);
assert.strictEqual(generated.getGenerator('hex'), '02');
var p = big(generated.getPrime('hex'));
assert.strictEqual(p & 1n, 1n);
var peer = crypto.createDiffieHellman(generated.getPrime('base64'), 'base64');
generated.generateKeys();
peer.generateKeys();
assert.strictEqual(generated.computeSecret(peer.getPublicKey(), null, 'hex'),
                   peer.computeSecret(generated.getPublicKey(), null, 'hex'));

// Bad arguments.
assert.throws(function() { crypto.createDiffieHellman(); }, TypeError);
assert.throws(function() { crypto.createDiffieHellman({}); }, TypeError);
assert.throws(function() { crypto.createDiffieHellman(-1); }, RangeError);
assert.throws(function() { crypto.createDiffieHellman(1.5); }, RangeError);
assert.throws(function() { crypto.createDiffieHellman(NaN); }, RangeError);
assert.throws(function() { crypto.createDiffieHellman(1e9); }, RangeError);
assert.throws(function() { crypto.createDiffieHellman(64); }, /modulus too small/);
assert.throws(function() { crypto.createDiffieHellman(''); }, /Initialization failed/);
assert.throws(function() { crypto.createDiffieHellman('10', 'hex'); }, /Initialization failed/);
assert.throws(function() { alice.computeSecret(); }, TypeError);
assert.throws(function() { alice.computeSecret(42); }, TypeError);
assert.throws(function() { alice.setPublicKey(); }, TypeError);
assert.throws(function() { alice.setPrivateKey({}); }, TypeError);
assert.throws(function() { alice.getPrime('bogus'); }, TypeError);
