// util.markdown example 9: util.isDate.
// adaptation: each inline comment result becomes an assert.
var assert = require('assert');
var util = require('util');

assert.strictEqual(util.isDate(new Date()),
  // true
  true);
assert.strictEqual(util.isDate(Date()),
  // false (without 'new' returns a String)
  false);
assert.strictEqual(util.isDate({}),
  // false
  false);
