// util.markdown example 7: util.isArray.
// adaptation: each inline comment result becomes an assert.
var assert = require('assert');
var util = require('util');

assert.strictEqual(util.isArray([]),
  // true
  true);
assert.strictEqual(util.isArray(new Array),
  // true
  true);
assert.strictEqual(util.isArray({}),
  // false
  false);
