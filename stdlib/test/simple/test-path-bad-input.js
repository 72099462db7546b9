// The single-path functions refuse non-string paths with a TypeError.
var common = require('../common');
var assert = require('assert');
var path = require('path');

var bad = [undefined, null, 42, true, {}, [], function() {}];

bad.forEach(function(value) {
  assert.throws(function() { path.normalize(value); }, TypeError);
  assert.throws(function() { path.dirname(value); }, TypeError);
  assert.throws(function() { path.basename(value); }, TypeError);
  assert.throws(function() { path.extname(value); }, TypeError);
});

// An extension that is given must be a string.
assert.throws(function() { path.basename('a.js', 42); }, TypeError);
assert.throws(function() { path.basename('a.js', {}); }, TypeError);
assert.strictEqual(path.basename('a.js', undefined), 'a.js');
