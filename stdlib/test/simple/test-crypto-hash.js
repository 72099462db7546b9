// createHash: known digests, input and output encodings, streaming, and use after digest().
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');

function hex(algorithm, data, encoding) {
  return crypto.createHash(algorithm).update(data, encoding).digest('hex');
}

// FIPS 180-2 / RFC 1321 known answers.
assert.strictEqual(hex('md5', 'abc'), '900150983cd24fb0d6963f7d28e17f72');
assert.strictEqual(hex('md5', ''), 'd41d8cd98f00b204e9800998ecf8427e');
assert.strictEqual(hex('sha1', 'abc'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.strictEqual(hex('sha1', ''), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
assert.strictEqual(hex('sha256', 'abc'),
                   'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
assert.strictEqual(hex('sha256', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
                   '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
assert.strictEqual(hex('sha512', 'abc'),
                   'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
                   '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f');
// Upper-case and OpenSSL's object names work too ("RSA-SHA256" is what v0.6 programs used).
assert.strictEqual(hex('SHA256', 'abc'), hex('sha256', 'abc'));
assert.strictEqual(hex('RSA-SHA256', 'abc'), hex('sha256', 'abc'));
assert.strictEqual(hex('RSA-SHA1', 'abc'), hex('sha1', 'abc'));

// A million 'a's, fed in pieces of different sizes (streaming gives the whole's digest).
var million = crypto.createHash('sha1');
var chunk = new Array(1001).join('a');
for (var i = 0; i < 1000; i++) million.update(chunk);
assert.strictEqual(million.digest('hex'), '34aa973cd4c4daa4f61eeb2bdbad27316534016f');
var pieces = crypto.createHash('sha256');
['ab', '', 'c'].forEach(function(piece) { pieces.update(piece); });
assert.strictEqual(pieces.digest('hex'), hex('sha256', 'abc'));

// update() returns the hash, so calls chain.
var h = crypto.createHash('md5');
assert.strictEqual(h.update('a'), h);

// Output encodings: v0.6 defaults to a 'binary' string.
var binary = crypto.createHash('md5').update('abc').digest();
assert.strictEqual(typeof binary, 'string');
assert.strictEqual(binary.length, 16);
assert.strictEqual(new Buffer(binary, 'binary').toString('hex'),
                   '900150983cd24fb0d6963f7d28e17f72');
assert.strictEqual(crypto.createHash('md5').update('abc').digest('binary'), binary);
assert.strictEqual(crypto.createHash('md5').update('abc').digest('base64'),
                   'kAFQmDzST7DWlj99KOF/cg==');
var asBuffer = crypto.createHash('md5').update('abc').digest('buffer');
assert.ok(Buffer.isBuffer(asBuffer));
assert.strictEqual(asBuffer.toString('hex'), '900150983cd24fb0d6963f7d28e17f72');

// Input encodings: strings are 'binary' unless told otherwise (v0.6), Buffers are bytes.
assert.strictEqual(hex('md5', '\u00ff'), hex('md5', new Buffer([0xff])));
assert.strictEqual(hex('md5', '\u00e9', 'utf8'), hex('md5', new Buffer([0xc3, 0xa9])));
assert.strictEqual(hex('md5', '616263', 'hex'), hex('md5', 'abc'));
assert.strictEqual(hex('md5', 'YWJj', 'base64'), hex('md5', 'abc'));
assert.strictEqual(hex('md5', new Buffer('abc')), hex('md5', 'abc'));
assert.strictEqual(hex('sha1', new Uint8Array([0x61, 0x62, 0x63])), hex('sha1', 'abc'));

// The hash is over when digest() has been called.
var done = crypto.createHash('sha1');
done.digest('hex');
assert.throws(function() { done.digest('hex'); }, /Digest already called/);
assert.throws(function() { done.update('x'); }, /Digest already called/);

// Bad input.
assert.throws(function() { crypto.createHash('no-such-hash'); },
              function(e) {
                return e instanceof Error && /Digest method not supported/.test(e.message) &&
                       /no-such-hash/.test(e.message);
              });
assert.throws(function() { crypto.createHash(); }, TypeError);
assert.throws(function() { crypto.createHash(5); }, TypeError);
assert.throws(function() { crypto.createHash('md5').update(); }, TypeError);
assert.throws(function() { crypto.createHash('md5').update(42); }, TypeError);
assert.throws(function() { crypto.createHash('md5').update('x', 'no-such-encoding'); }, TypeError);
assert.throws(function() { crypto.createHash('md5').digest('no-such-encoding'); }, TypeError);
// A bad encoding does not end the hash.
var h2 = crypto.createHash('md5').update('abc');
assert.throws(function() { h2.digest('nope'); }, TypeError);
assert.strictEqual(h2.digest('hex'), '900150983cd24fb0d6963f7d28e17f72');

// Calling without new works, as in v0.6.
assert.strictEqual(crypto.Hash('md5').update('abc').digest('hex'),
                   '900150983cd24fb0d6963f7d28e17f72');
