// The module is itself the ok() assertion: it passes truthy values and throws an
// AssertionError for falsy ones.
var common = require('../common');
var assert = require('assert');

assert.strictEqual(typeof assert, 'function');
assert.strictEqual(assert, assert.ok);

[true, 1, 'a', {}, [], function() {}, -1, Infinity].forEach(function(value) {
  assert(value);
  assert.ok(value);
  assert.ok(value, 'with a message');
});

[false, 0, '', null, undefined, NaN].forEach(function(value) {
  var caught = null;
  try {
    assert(value);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof assert.AssertionError, 'assert(' + value + ') did not throw');
  assert.strictEqual(caught.operator, '==');
  assert.strictEqual(caught.expected, true);

  assert.throws(function() { assert.ok(value); }, assert.AssertionError);
});

try {
  assert.ok(false, 'the message');
  throw new Error('not reached');
} catch (e) {
  assert.ok(e instanceof assert.AssertionError);
  assert.strictEqual(e.message, 'the message');
}

try {
  assert.ok(false);
  throw new Error('not reached');
} catch (e) {
  assert.strictEqual(e.toString(), 'AssertionError: false == true');
}
