// path.markdown example 5: path.resolve.
// adaptation: the doc assumes `path` is required; each `// returns` becomes an assert.
var assert = require('assert');
var path = require('path');

assert.equal(path.resolve('/foo/bar', './baz'),
// returns
'/foo/bar/baz');

assert.equal(path.resolve('/foo/bar', '/tmp/file/'),
// returns
'/tmp/file');

// adaptation: the doc assumes cwd /home/myself/node; the expectation uses the real cwd.
assert.equal(path.resolve('wwwroot', 'static_files/png/', '../gif/image.gif'),
// if currently in /home/myself/node, it returns
process.cwd() + '/wwwroot/static_files/gif/image.gif');
