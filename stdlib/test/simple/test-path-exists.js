// exists() calls back with true for a path that exists and false for one that does not.
var common = require('../common');
var assert = require('assert');
var path = require('path');

path.exists(__filename, common.mustCall(function(exists) {
  assert.strictEqual(exists, true);
}));

path.exists(__dirname, common.mustCall(function(exists) {
  assert.strictEqual(exists, true);
}));

path.exists(path.join(__dirname, 'does-not-exist-' + process.pid), common.mustCall(
  function(exists) {
    assert.strictEqual(exists, false);
  }));

// The callback is optional.
path.exists(__filename);
