// throws() expects the block to throw; the expected error can be a constructor, a RegExp or a
// validation function, and a throw that does not match passes through unchanged.
var common = require('../common');
var assert = require('assert');

function thrower(ErrorType, msg) {
  return function() {
    throw new ErrorType(msg || 'test');
  };
}

// Any throw satisfies throws() without an expectation.
assert.throws(thrower(Error));
assert.throws(thrower(TypeError));
assert.throws(function() { throw 'a string'; });

// Constructors.
assert.throws(thrower(TypeError), TypeError);
assert.throws(thrower(TypeError), Error);
assert.throws(thrower(assert.AssertionError), assert.AssertionError);

var caught = null;
try {
  assert.throws(thrower(TypeError), RangeError);
} catch (e) {
  caught = e;
}
assert.ok(caught instanceof TypeError, 'a non-matching error must pass through');

caught = null;
try {
  assert.throws(function() { throw {}; }, Array);
} catch (e) {
  caught = e;
}
assert.ok(caught && !(caught instanceof assert.AssertionError),
          'wrong constructor validation');

// RegExps are matched against the error's string form.
assert.throws(thrower(Error, 'Wrong value'), /value/);
assert.throws(thrower(Error, 'Wrong value'), /^Error: Wrong/);
assert.throws(function() {
  assert.throws(thrower(Error, 'Wrong value'), /^nothing$/);
}, /Wrong value/);

// Validation functions must return true.
assert.throws(thrower(Error, 'Wrong value'), function(err) {
  if ((err instanceof Error) && /value/.test(err)) {
    return true;
  }
}, 'unexpected error');
assert.throws(function() {
  assert.throws(thrower(Error, 'boom'), function() { return false; });
}, /boom/);

// No throw at all is an AssertionError, whose message mentions the expectation.
caught = null;
try {
  assert.throws(function() {}, TypeError, 'my message');
} catch (e) {
  caught = e;
}
assert.ok(caught instanceof assert.AssertionError);
assert.ok(/Missing expected exception/.test(caught.message));
assert.ok(/TypeError/.test(caught.message));
assert.ok(/my message/.test(caught.message));

// A string second argument is the message.
caught = null;
try {
  assert.throws(function() {}, 'only a message');
} catch (e) {
  caught = e;
}
assert.ok(caught instanceof assert.AssertionError);
assert.ok(/only a message/.test(caught.message));

// The block must be a function.
assert.throws(function() { assert.throws('not a function'); }, TypeError);
