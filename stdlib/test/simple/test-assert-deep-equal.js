// deepEqual compares structure: keys in any order, primitives with ==, dates by time.
var common = require('../common');
var assert = require('assert');

function makeBlock(f) {
  var args = Array.prototype.slice.call(arguments, 1);
  return function() {
    return f.apply(this, args);
  };
}
var a = assert;

// Identical and loosely equal primitives.
a.deepEqual(1, 1);
a.deepEqual(4, '4');
a.deepEqual(true, 1);
a.throws(makeBlock(a.deepEqual, 4, '5'), a.AssertionError);

// Dates.
a.deepEqual(new Date(2000, 3, 14), new Date(2000, 3, 14));
a.throws(makeBlock(a.deepEqual, new Date(), new Date(2000, 3, 14)), a.AssertionError);

// Objects and arrays: the same keys with deep-equal values.
a.deepEqual({ a: 4 }, { a: 4 });
a.deepEqual({ a: 4, b: '2' }, { a: 4, b: '2' });
a.deepEqual([4], ['4']);
a.deepEqual({ a: 4, b: '1' }, { b: '1', a: 4 });
a.deepEqual(['a'], { 0: 'a' });
a.deepEqual({ x: [1, { y: [2, 3] }] }, { x: [1, { y: [2, 3] }] });
a.throws(makeBlock(a.deepEqual, { a: 4 }, { a: 4, b: true }), a.AssertionError);
a.throws(makeBlock(a.deepEqual, { a: [1, 2] }, { a: [1, 3] }), a.AssertionError);
a.throws(makeBlock(a.deepEqual, [1, 2, 3], [1, 2]), a.AssertionError);

// Extra array properties count, in any order.
var a1 = [1, 2, 3];
var a2 = [1, 2, 3];
a1.a = 'test';
a1.b = true;
a2.b = true;
a2.a = 'test';
a.throws(makeBlock(a.deepEqual, Object.keys(a1), Object.keys(a2)), a.AssertionError);
a.deepEqual(a1, a2);

// Only own enumerable properties take part, so prototypes do not matter.
function Foo(x) {
  this.x = x;
}
Foo.prototype.y = 'ignored';
a.deepEqual(new Foo(1), { x: 1 });

// A primitive never deep-equals an object.
a.throws(makeBlock(a.deepEqual, 'a', ['a']), a.AssertionError);
a.throws(makeBlock(a.deepEqual, 'a', { 0: 'a' }), a.AssertionError);
a.throws(makeBlock(a.deepEqual, 1, {}), a.AssertionError);
a.deepEqual(new Number(1), {});
a.deepEqual(new String('a'), ['a']);
a.deepEqual(new String('a'), { 0: 'a' });

// null and undefined equal only themselves here.
a.deepEqual(null, null);
a.deepEqual(undefined, undefined);
a.throws(makeBlock(a.deepEqual, null, {}), a.AssertionError);
a.throws(makeBlock(a.deepEqual, {}, undefined), a.AssertionError);

// The error carries the operator.
try {
  a.deepEqual({ a: 1 }, { a: 2 });
} catch (e) {
  a.strictEqual(e.operator, 'deepEqual');
}

// notDeepEqual is the opposite.
a.notDeepEqual({ a: 1 }, { a: 2 });
a.notDeepEqual([1], [1, 2]);
a.throws(makeBlock(a.notDeepEqual, { a: [1] }, { a: ['1'] }), a.AssertionError);
a.throws(makeBlock(a.notDeepEqual, new Date(5), new Date(5)), a.AssertionError);
