// normalize() refuses a path that is not a string with a TypeError. dirname(), basename() and
// extname() take its string, as v0.6.3's did (api-easy 0.3's suite calls uploadFile() with no
// arguments, which takes path.basename(undefined)).
var common = require('../common');
var assert = require('assert');
var path = require('path');

var bad = [undefined, null, 42, true, {}, [], function() {}];

bad.forEach(function(value) {
  assert.throws(function() { path.normalize(value); }, TypeError);
});

assert.strictEqual(path.basename(undefined), 'undefined');
assert.strictEqual(path.basename(null), 'null');
assert.strictEqual(path.basename(42), '42');
assert.strictEqual(path.basename({}), '[object Object]');
assert.strictEqual(path.basename(['a/b', 'c']), 'b,c');  // the string 'a/b,c'
assert.strictEqual(path.dirname(undefined), '.');
assert.strictEqual(path.dirname(['/a/b']), '/a');
assert.strictEqual(path.dirname(42), '.');
assert.strictEqual(path.extname(undefined), '');
assert.strictEqual(path.extname(1.5), '.5');
assert.strictEqual(path.extname(null), '');

// An extension that is given must be a string.
assert.throws(function() { path.basename('a.js', 42); }, TypeError);
assert.throws(function() { path.basename('a.js', {}); }, TypeError);
assert.strictEqual(path.basename('a.js', undefined), 'a.js');
