// deepEqual on arguments objects, regexps and cyclic structures (which, as in v0.6.3, are not
// detected: equal cyclic data overflows the stack).
var common = require('../common');
var assert = require('assert');

function args() {
  return arguments;
}

// arguments objects equal each other like arrays, but never a real array.
assert.deepEqual(args(1, 2, 3), args(1, 2, 3));
assert.throws(function() { assert.deepEqual(args(1, 2), args(1, 3)); }, assert.AssertionError);
assert.throws(function() { assert.deepEqual(args(1, 2), [1, 2]); }, assert.AssertionError);
assert.throws(function() { assert.deepEqual([1, 2], args(1, 2)); }, assert.AssertionError);
assert.throws(function() { assert.deepEqual([], args()); }, assert.AssertionError);

// Regexps compare by pattern and flags.
assert.deepEqual(/a/g, /a/g);
assert.throws(function() { assert.deepEqual(/a/, /b/); }, assert.AssertionError);
assert.throws(function() { assert.deepEqual(/a/g, /a/); }, assert.AssertionError);

// Cyclic structures are not detected: comparing equal ones overflows the stack, and the
// RangeError reaches the caller. A difference found before the cycle is still an
// AssertionError.
var x = { v: 1 };
x.self = x;
var y = { v: 1 };
y.self = y;
assert.throws(function() { assert.deepEqual(x, y); }, RangeError);
var z = { v: 2 };
z.self = z;
assert.throws(function() { assert.deepEqual(x, z); }, assert.AssertionError);

// Functions are compared by identity.
function f() {}
assert.deepEqual({ f: f }, { f: f });
assert.throws(function() { assert.deepEqual({ f: f }, { f: function() {} }); },
              assert.AssertionError);
