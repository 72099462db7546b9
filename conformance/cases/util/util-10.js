// util.markdown example 10: util.isError.
// adaptation: each inline comment result becomes an assert.
var assert = require('assert');
var util = require('util');

assert.strictEqual(util.isError(new Error()),
  // true
  true);
assert.strictEqual(util.isError(new TypeError()),
  // true
  true);
assert.strictEqual(util.isError({ name: 'Error', message: 'an error occurred' }),
  // false
  false);
