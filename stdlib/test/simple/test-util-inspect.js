// inspect() output for primitives, plain objects and arrays, in the v0.6 format.
var common = require('../common');
var assert = require('assert');
var util = require('util');

assert.strictEqual(util.inspect(1), '1');
assert.strictEqual(util.inspect(-1.5), '-1.5');
assert.strictEqual(util.inspect(NaN), 'NaN');
assert.strictEqual(util.inspect(true), 'true');
assert.strictEqual(util.inspect(false), 'false');
assert.strictEqual(util.inspect(null), 'null');
assert.strictEqual(util.inspect(undefined), 'undefined');
assert.strictEqual(util.inspect('hello'), "'hello'");
assert.strictEqual(util.inspect(''), "''");

// Strings are single-quoted, with quotes and control characters escaped.
assert.strictEqual(util.inspect("it's"), "'it\\'s'");
assert.strictEqual(util.inspect('say "hi"'), "'say \"hi\"'");
assert.strictEqual(util.inspect('a\nb\tc'), "'a\\nb\\tc'");
assert.strictEqual(util.inspect('back\\slash'), "'back\\\\slash'");

assert.strictEqual(util.inspect({}), '{}');
assert.strictEqual(util.inspect([]), '[]');
assert.strictEqual(util.inspect({ a: 1, b: 'x' }), "{ a: 1, b: 'x' }");
assert.strictEqual(util.inspect([1, 2, 3]), '[ 1, 2, 3 ]');
assert.strictEqual(util.inspect(['a', null, undefined]), "[ 'a', null, undefined ]");
assert.strictEqual(util.inspect({ a: [1, { b: 2 }] }), '{ a: [ 1, { b: 2 } ] }');

// Keys that are not identifiers are quoted.
assert.strictEqual(util.inspect({ 'a-b': 1 }), "{ 'a-b': 1 }");
assert.strictEqual(util.inspect({ '1': 1 }), "{ '1': 1 }");
assert.strictEqual(util.inspect({ "it's": 1 }), "{ 'it\\'s': 1 }");
assert.strictEqual(util.inspect({ _ok9: 1 }), '{ _ok9: 1 }');

// Holes in sparse arrays show as empty slots; extra array properties follow the elements.
var sparse = ['foo', 'bar', 'baz'];
delete sparse[1];
assert.strictEqual(util.inspect(sparse), "[ 'foo', , 'baz' ]");
assert.strictEqual(util.inspect(new Array(5)), '[ , , , ,  ]');
var extra = [1, 2];
extra.name = 'x';
assert.strictEqual(util.inspect(extra), "[ 1, 2, name: 'x' ]");

// Only own enumerable properties are shown.
function Proto() {
  this.own = 1;
}
Proto.prototype.inherited = 2;
assert.strictEqual(util.inspect(new Proto()), '{ own: 1 }');
