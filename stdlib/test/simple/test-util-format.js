// util.format() fills %s, %d and %j placeholders from the arguments and turns %% into %.
var common = require('../common');
var assert = require('assert');
var util = require('util');

assert.strictEqual(util.format(), '');
assert.strictEqual(util.format(''), '');
assert.strictEqual(util.format('plain text'), 'plain text');

assert.strictEqual(util.format('%s', 'foo'), 'foo');
assert.strictEqual(util.format('%s', 42), '42');
assert.strictEqual(util.format('%s', null), 'null');
assert.strictEqual(util.format('%s', undefined), 'undefined');
assert.strictEqual(util.format('%s', { a: 1 }), '[object Object]');

assert.strictEqual(util.format('%d', 42), '42');
assert.strictEqual(util.format('%d', '42'), '42');
assert.strictEqual(util.format('%d', 4.5), '4.5');
assert.strictEqual(util.format('%d', 'abc'), 'NaN');

assert.strictEqual(util.format('%j', { a: [1, 'x'] }), '{"a":[1,"x"]}');
assert.strictEqual(util.format('%j', 'str'), '"str"');
assert.strictEqual(util.format('%j', 3), '3');

// Placeholders with no argument stay as they are.
assert.strictEqual(util.format('%s:%s'), '%s:%s');
assert.strictEqual(util.format('%s:%s', undefined), 'undefined:%s');
assert.strictEqual(util.format('%s:%s', 'foo'), 'foo:%s');
assert.strictEqual(util.format('%s:%s', 'foo', 'bar'), 'foo:bar');
assert.strictEqual(util.format('%d %j', 1), '1 %j');

// %% is a percent sign and uses no argument.
assert.strictEqual(util.format('%d%%', 50), '50%');
assert.strictEqual(util.format('%%s', 'x'), '%s x');
assert.strictEqual(util.format('%%%s%%', 'hi'), '%hi%');
assert.strictEqual(util.format('100%%'), '100%');

// Unknown placeholders are left alone.
assert.strictEqual(util.format('%x %s', 'a'), '%x a');

// A cyclic %j argument still formats.
var cyclic = {};
cyclic.self = cyclic;
assert.strictEqual(util.format('%j', cyclic), '[Circular]');
