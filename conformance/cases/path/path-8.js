// path.markdown example 8: path.dirname.
// adaptation: the doc assumes `path` is required; each `// returns` becomes an assert.
var assert = require('assert');
var path = require('path');

assert.equal(path.dirname('/foo/bar/baz/asdf/quux'),
// returns
'/foo/bar/baz/asdf');
