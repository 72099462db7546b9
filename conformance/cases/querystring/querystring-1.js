// querystring.markdown example 1: querystring.stringify.
// adaptation: the doc assumes `querystring` is required; each `// returns` becomes an assert.
var assert = require('assert');
var querystring = require('querystring');

assert.equal(querystring.stringify({ foo: 'bar', baz: ['qux', 'quux'], corge: '' }),
// returns
'foo=bar&baz=qux&baz=quux&corge=');

assert.equal(querystring.stringify({foo: 'bar', baz: 'qux'}, ';', ':'),
// returns
'foo:bar;baz:qux');
