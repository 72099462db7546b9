// equal/notEqual compare with ==, strictEqual/notStrictEqual with ===.
var common = require('../common');
var assert = require('assert');

function throwsAssertion(fn) {
  assert.throws(fn, assert.AssertionError);
}

assert.equal(1, 1);
assert.equal(1, '1');
assert.equal(null, undefined);
assert.equal(0, false);
assert.equal('', 0);
throwsAssertion(function() { assert.equal(1, 2); });
throwsAssertion(function() { assert.equal({}, {}); });
throwsAssertion(function() { assert.equal(NaN, NaN); });

assert.notEqual(1, 2);
assert.notEqual({}, {});
throwsAssertion(function() { assert.notEqual(1, '1'); });
throwsAssertion(function() { assert.notEqual(null, undefined); });

assert.strictEqual(1, 1);
assert.strictEqual('a', 'a');
var o = {};
assert.strictEqual(o, o);
throwsAssertion(function() { assert.strictEqual(1, '1'); });
throwsAssertion(function() { assert.strictEqual(null, undefined); });
throwsAssertion(function() { assert.strictEqual({}, {}); });

assert.notStrictEqual(1, '1');
assert.notStrictEqual(null, undefined);
throwsAssertion(function() { assert.notStrictEqual(2, 2); });

// The error records what was compared, and how.
var cases = [
  [function() { assert.equal(1, 2); }, '=='],
  [function() { assert.notEqual(1, 1); }, '!='],
  [function() { assert.strictEqual(1, 2); }, '==='],
  [function() { assert.notStrictEqual(1, 1); }, '!==']
];
cases.forEach(function(c) {
  try {
    c[0]();
  } catch (e) {
    assert.strictEqual(e.operator, c[1]);
    assert.strictEqual(e.name, 'AssertionError');
    return;
  }
  throw new Error('no exception for ' + c[1]);
});

try {
  assert.equal(1, 2, 'custom message');
} catch (e) {
  assert.strictEqual(e.message, 'custom message');
  assert.strictEqual(e.actual, 1);
  assert.strictEqual(e.expected, 2);
}
