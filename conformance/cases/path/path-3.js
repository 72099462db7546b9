// path.markdown example 3: path.resolve, compared in the doc with the shell commands of block 4.
// adaptation: the doc assumes `path` is required; each `// returns` becomes an assert.
var assert = require('assert');
var path = require('path');

assert.equal(path.resolve('foo/bar', '/tmp/file/', '..', 'a/../subfile'),
// check: like `cd foo/bar; cd /tmp/file/; cd ..; cd a/../subfile; pwd`
'/tmp/subfile');
