// The binding remembers the digest name asked for last, to skip its lookup when the next
// createHash/createHmac asks for the same one. Names that differ must never be taken for it:
// alternating algorithms each give their own digest, and a name whose characters only look the
// same in their low bytes ('\u0173ha1': U+0173 written as one byte would be 's') is refused.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');

var vectors = {
  sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
  md5: '900150983cd24fb0d6963f7d28e17f72',
  sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
};
['sha1', 'sha1', 'md5', 'sha1', 'sha256', 'sha256', 'md5', 'SHA1'].forEach(function(name) {
  assert.strictEqual(crypto.createHash(name).update('abc').digest('hex'),
                     vectors[name.toLowerCase()], name);
});

crypto.createHash('sha1');  // now the name remembered
assert.throws(function() { crypto.createHash('\u0173ha1'); }, /Digest method not supported/);
assert.throws(function() { crypto.createHmac('\u0173ha1', 'key'); }, /Digest method not supported/);
// A longer name with the same start, and the name itself with a NUL after it.
assert.throws(function() { crypto.createHash('sha1x'); }, /Digest method not supported/);
assert.throws(function() { crypto.createHash('sha1\u0000'); }, /Digest method not supported/);
assert.strictEqual(crypto.createHmac('sha1', 'key').update('The quick brown fox jumps over ' +
                   'the lazy dog').digest('hex'), 'de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9');
