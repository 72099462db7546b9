// inspect() recurses two levels by default; the depth argument changes that and null means
// no limit. Objects past the limit show as [Object], but empty ones are still shown as such.
var common = require('../common');
var assert = require('assert');
var util = require('util');

assert.strictEqual(util.inspect({ a: { b: { c: {} } } }), '{ a: { b: { c: {} } } }');
assert.strictEqual(util.inspect({ a: { b: { c: { d: 2 } } } }), '{ a: { b: { c: [Object] } } }');
assert.strictEqual(util.inspect({ a: { b: ['c'] } }, false, 1), '{ a: { b: [Object] } }');
assert.strictEqual(util.inspect([1, [2, [3, [4]]]]), '[ 1, [ 2, [ 3, [Object] ] ] ]');
assert.strictEqual(util.inspect({ a: { b: 1 } }, false, 0), '{ a: [Object] }');
assert.strictEqual(util.inspect({ a: 1 }, false, 0), '{ a: 1 }');

var deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
assert.strictEqual(util.inspect(deep, false, null),
                   '{ a: { b: { c: { d: { e: { f: 1 } } } } } }');
assert.strictEqual(util.inspect(deep, false, 4),
                   '{ a: { b: { c: { d: { e: [Object] } } } } }');

// A regexp with properties past the limit still shows as a regexp.
var re = /x/;
re.p = 1;
assert.strictEqual(util.inspect({ a: re }, false, 0), '{ a: /x/ }');

// An explicit undefined depth means the default.
assert.strictEqual(util.inspect({ a: { b: { c: { d: 2 } } } }, false, undefined),
                   '{ a: { b: { c: [Object] } } }');
