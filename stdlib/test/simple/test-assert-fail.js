// fail() always throws an AssertionError built from its arguments.
var common = require('../common');
var assert = require('assert');

var caught = null;
try {
  assert.fail(1, 2, undefined, '>');
} catch (e) {
  caught = e;
}
assert.ok(caught instanceof assert.AssertionError);
assert.strictEqual(caught.actual, 1);
assert.strictEqual(caught.expected, 2);
assert.strictEqual(caught.operator, '>');
assert.strictEqual(caught.message, '1 > 2');
assert.strictEqual(caught.toString(), 'AssertionError: 1 > 2');

caught = null;
try {
  assert.fail('a', 'b', 'explicit message', '==');
} catch (e) {
  caught = e;
}
assert.strictEqual(caught.message, 'explicit message');
assert.strictEqual(caught.toString(), 'AssertionError: explicit message');
