// path.markdown example 2: path.join.
// adaptation: the doc assumes `path` is required; each `// returns` becomes an assert.
var assert = require('assert');
var path = require('path');

assert.equal(path.join('/foo', 'bar', 'baz/asdf', 'quux', '..'),
// returns
'/foo/bar/baz/asdf');

assert.equal(path.join('foo', {}, 'bar'),
// returns
'foo/bar');
