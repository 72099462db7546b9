// util.markdown example 1: util.format with too few arguments.
// adaptation: the doc assumes `util` is required; each inline comment result becomes an assert.
var assert = require('assert');
var util = require('util');

assert.equal(util.format('%s:%s', 'foo'), 'foo:%s'); // 'foo:%s'
