// Arguments beyond the placeholders are appended with spaces: objects through inspect(),
// other values as strings. A first argument that is not a string makes every argument go
// through inspect().
var common = require('../common');
var assert = require('assert');
var util = require('util');

assert.strictEqual(util.format('%s:%s', 'foo', 'bar', 'baz'), 'foo:bar baz');
assert.strictEqual(util.format('a', 'b', 'c'), 'a b c');
assert.strictEqual(util.format('a', 1, true, null, undefined), 'a 1 true null undefined');
assert.strictEqual(util.format('a', { b: 1 }), 'a { b: 1 }');
assert.strictEqual(util.format('a', [1, 2]), 'a [ 1, 2 ]');
assert.strictEqual(util.format('%s', 'x', { y: 'z' }), "x { y: 'z' }");

assert.strictEqual(util.format(1, 2, 3), '1 2 3');
assert.strictEqual(util.format({ a: 1 }), '{ a: 1 }');
assert.strictEqual(util.format({ a: 1 }, 'str'), "{ a: 1 } 'str'");
assert.strictEqual(util.format(null, undefined), 'null undefined');
assert.strictEqual(util.format([1], '%s'), "[ 1 ] '%s'");
