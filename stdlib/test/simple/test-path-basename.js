// basename() is the last portion of a path, optionally without a given extension.
var common = require('../common');
var assert = require('assert');
var path = require('path');

assert.strictEqual(path.basename('/foo/bar/baz/asdf/quux.html'), 'quux.html');
assert.strictEqual(path.basename('/foo/bar/baz/asdf/quux.html', '.html'), 'quux');
assert.strictEqual(path.basename('/foo/bar/baz/asdf/quux.html', '.js'), 'quux.html');
assert.strictEqual(path.basename('/foo/bar/baz/asdf/quux.html', 'html'), 'quux.');
assert.strictEqual(path.basename('quux.html'), 'quux.html');
assert.strictEqual(path.basename('/dir/basename.ext'), 'basename.ext');
assert.strictEqual(path.basename('/basename.ext'), 'basename.ext');
assert.strictEqual(path.basename('basename.ext/'), 'basename.ext');
assert.strictEqual(path.basename('basename.ext//'), 'basename.ext');
assert.strictEqual(path.basename('/a/b/'), 'b');
assert.strictEqual(path.basename('/'), '');
assert.strictEqual(path.basename(''), '');
assert.strictEqual(path.basename('.profile'), '.profile');
assert.strictEqual(path.basename('a.tar.gz', '.gz'), 'a.tar');
assert.strictEqual(path.basename(__filename), 'test-path-basename.js');
assert.strictEqual(path.basename(__filename, '.js'), 'test-path-basename');
