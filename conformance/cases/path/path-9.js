// path.markdown example 9: path.basename.
// adaptation: the doc assumes `path` is required; each `// returns` becomes an assert.
var assert = require('assert');
var path = require('path');

assert.equal(path.basename('/foo/bar/baz/asdf/quux.html'),
// returns
'quux.html');

assert.equal(path.basename('/foo/bar/baz/asdf/quux.html', '.html'),
// returns
'quux');
