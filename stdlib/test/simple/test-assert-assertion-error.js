// AssertionError carries actual, expected, operator and message; without a message, its
// message and toString() show the values as JSON around the operator.
var common = require('../common');
var assert = require('assert');

var e = new assert.AssertionError({ actual: 1, expected: 2, operator: '==' });
assert.ok(e instanceof Error);
assert.ok(e instanceof assert.AssertionError);
assert.strictEqual(e.name, 'AssertionError');
assert.strictEqual(e.actual, 1);
assert.strictEqual(e.expected, 2);
assert.strictEqual(e.operator, '==');
assert.strictEqual(e.toString(), 'AssertionError: 1 == 2');
assert.strictEqual(typeof e.stack, 'string');

var m = new assert.AssertionError({ message: 'custom', actual: 1, expected: 2, operator: '==' });
assert.strictEqual(m.message, 'custom');
assert.strictEqual(m.toString(), 'AssertionError: custom');
assert.ok(/^AssertionError: custom/.test(m.stack));

function messageFor(actual) {
  try {
    assert.equal(actual, 'X');
  } catch (err) {
    return err.toString();
  }
  throw new Error('assert.equal did not throw for ' + actual);
}
function check(actual, shown) {
  assert.strictEqual(messageFor(actual), ['AssertionError:', shown, '==', '"X"'].join(' '));
}

check(undefined, '"undefined"');
check(null, 'null');
check(true, 'true');
check(100, '100');
check(NaN, '"NaN"');
check(Infinity, '"Infinity"');
check(-Infinity, '"-Infinity"');
check('foo', '"foo"');
check([], '[]');
check([1, 2, 3], '[1,2,3]');
check(/a/, '"/a/"');
check(/abc/gim, '"/abc/gim"');
check(function f() {}, '"function f() {}"');
check({}, '{}');
check({ a: undefined, b: null }, '{"a":"undefined","b":null}');
check({ a: NaN, b: Infinity, c: -Infinity }, '{"a":"NaN","b":"Infinity","c":"-Infinity"}');

// Long values are cut to 128 characters.
var long = new Array(300).join('x');
var text = messageFor(long);
assert.strictEqual(text, 'AssertionError: ' + JSON.stringify(long).slice(0, 128) + ' == "X"');

// The stack starts at the caller of the assertion, not inside the assert module.
try {
  assert.equal(1, 2);
} catch (err) {
  var frames = err.stack.split('\n').slice(1);
  assert.ok(frames.length > 0);
  assert.ok(frames[0].indexOf('test-assert-assertion-error') !== -1, frames[0]);
}
