// isArray, isRegExp, isDate and isError recognise only real instances.
var common = require('../common');
var assert = require('assert');
var util = require('util');

assert.strictEqual(util.isArray([]), true);
assert.strictEqual(util.isArray(new Array()), true);
assert.strictEqual(util.isArray({}), false);
assert.strictEqual(util.isArray({ length: 0 }), false);
assert.strictEqual(util.isArray(arguments), false);
assert.strictEqual(util.isArray('abc'), false);
assert.strictEqual(util.isArray(null), false);

assert.strictEqual(util.isRegExp(/some regexp/), true);
assert.strictEqual(util.isRegExp(new RegExp('another regexp')), true);
assert.strictEqual(util.isRegExp({}), false);
assert.strictEqual(util.isRegExp('/x/'), false);
assert.strictEqual(util.isRegExp(null), false);

assert.strictEqual(util.isDate(new Date()), true);
assert.strictEqual(util.isDate(Date()), false);
assert.strictEqual(util.isDate({}), false);
assert.strictEqual(util.isDate(Date.now()), false);
assert.strictEqual(util.isDate(null), false);

assert.strictEqual(util.isError(new Error()), true);
assert.strictEqual(util.isError(new TypeError()), true);
assert.strictEqual(util.isError(new SyntaxError()), true);
assert.strictEqual(util.isError({ name: 'Error', message: 'an error occurred' }), false);
assert.strictEqual(util.isError('Error'), false);
assert.strictEqual(util.isError(null), false);
