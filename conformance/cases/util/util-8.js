// util.markdown example 8: util.isRegExp.
// adaptation: each inline comment result becomes an assert.
var assert = require('assert');
var util = require('util');

assert.strictEqual(util.isRegExp(/some regexp/),
  // true
  true);
assert.strictEqual(util.isRegExp(new RegExp('another regexp')),
  // true
  true);
assert.strictEqual(util.isRegExp({}),
  // false
  false);
