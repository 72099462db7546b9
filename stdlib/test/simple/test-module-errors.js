var common = require('../common');
var assert = require('assert');

assert.throws(function() { require('./does-not-exist'); }, function(err) {
  return err instanceof Error && err.code === 'MODULE_NOT_FOUND' &&
         err.message === "Cannot find module './does-not-exist'";
});
assert.throws(function() { require(42); }, TypeError);
assert.throws(function() { require(null); }, TypeError);
assert.throws(function() { require(''); }, Error);
assert.throws(function() { require('../fixtures/module/broken'); }, SyntaxError);
// A module that failed to load is not left half-initialised in the cache.
assert.throws(function() { require('../fixtures/module/broken'); }, SyntaxError);
