// path.markdown example 1: path.normalize.
// adaptation: the doc assumes `path` is required; each `// returns` becomes an assert.
var assert = require('assert');
var path = require('path');

assert.equal(path.normalize('/foo/bar//baz/asdf/quux/..'),
// returns
'/foo/bar/baz/asdf');
