// util.markdown example 3: util.format without a format string.
// adaptation: the doc assumes `util` is required; each inline comment result becomes an assert.
var assert = require('assert');
var util = require('util');

assert.equal(util.format(1, 2, 3), '1 2 3'); // '1 2 3'
