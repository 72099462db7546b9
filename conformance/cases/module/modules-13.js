// modules.markdown example 13: an expression, `require.main === module`.
// adaptation: the expression is evaluated in a file run directly and checked to be true.
var assert = require('assert');
assert.strictEqual(require.main === module, true);
