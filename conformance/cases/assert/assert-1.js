// assert.markdown example 1: assert.throws validation.
// adaptation: the doc assumes `assert` is already required.
var assert = require('assert');

assert.throws(
  function() {
    throw new Error("Wrong value");
  },
  Error
);

// check: the documented call above did not throw; a block that does not throw makes
// assert.throws fail, and an error that fails validation propagates.
assert.throws(function () {
  assert.throws(function () {});
}, assert.AssertionError);
assert.throws(function () {
  assert.throws(function () { throw new TypeError('other'); }, RangeError);
}, TypeError);
