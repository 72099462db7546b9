// util.markdown example 2: util.format with extra arguments.
// adaptation: the doc assumes `util` is required; each inline comment result becomes an assert.
var assert = require('assert');
var util = require('util');

assert.equal(util.format('%s:%s', 'foo', 'bar', 'baz'), 'foo:bar baz'); // 'foo:bar baz'
