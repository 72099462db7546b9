var common = require('../common');
var assert = require('assert');

// assert.deepEqual does not detect cycles, as in v0.6.3: on cyclic data the stack overflow's
// RangeError reaches the caller (and the process goes on).
var a = [1];
a.push(a);
var b = [1];
b.push(b);
var caught = null;
try {
  assert.deepEqual(a, b);
} catch (e) {
  caught = e;
}
assert.ok(caught instanceof RangeError, 'expected a RangeError, got ' + caught);
assert.throws(function() { assert.notDeepEqual(a, b); }, RangeError);

var o1 = { x: {} };
o1.x.back = o1;
var o2 = { x: {} };
o2.x.back = o2;
assert.throws(function() { assert.deepEqual(o1, o2); }, RangeError);
// Still usable afterwards.
assert.deepEqual({ a: [1, 2] }, { a: [1, 2] });
