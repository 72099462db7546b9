// querystring.markdown example 2: querystring.parse.
// adaptation: the doc assumes `querystring` is required; each `// returns` becomes an assert.
var assert = require('assert');
var querystring = require('querystring');

assert.deepEqual(querystring.parse('foo=bar&baz=qux&baz=quux&corge'),
// returns
{ foo: 'bar', baz: ['qux', 'quux'], corge: '' });
