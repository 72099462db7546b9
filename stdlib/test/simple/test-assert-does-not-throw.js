// doesNotThrow() passes quiet blocks; a throw that matches `error` becomes an AssertionError,
// and any other throw passes through unchanged.
var common = require('../common');
var assert = require('assert');

var ran = false;
assert.doesNotThrow(function() { ran = true; });
assert.ok(ran);
assert.doesNotThrow(function() {}, TypeError);
assert.doesNotThrow(function() {}, 'a message');

// A matching error.
var caught = null;
try {
  assert.doesNotThrow(function() { throw new TypeError('oops'); }, TypeError, 'msg');
} catch (e) {
  caught = e;
}
assert.ok(caught instanceof assert.AssertionError);
assert.ok(/Got unwanted exception/.test(caught.message));
assert.ok(/msg/.test(caught.message));

caught = null;
try {
  assert.doesNotThrow(function() { throw new Error('oops'); }, /oops/);
} catch (e) {
  caught = e;
}
assert.ok(caught instanceof assert.AssertionError);

// A different error passes through.
caught = null;
try {
  assert.doesNotThrow(function() { throw new TypeError('other'); }, RangeError);
} catch (e) {
  caught = e;
}
assert.ok(caught instanceof TypeError);
assert.strictEqual(caught.message, 'other');

// Without an expected error, the block's own error passes through.
var original = new RangeError('range');
caught = null;
try {
  assert.doesNotThrow(function() { throw original; });
} catch (e) {
  caught = e;
}
assert.strictEqual(caught, original);
