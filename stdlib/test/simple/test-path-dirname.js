// dirname() is the directory part of a path, like the Unix command.
var common = require('../common');
var assert = require('assert');
var path = require('path');

assert.strictEqual(path.dirname('/foo/bar/baz/asdf/quux'), '/foo/bar/baz/asdf');
assert.strictEqual(path.dirname('/a/b/'), '/a');
assert.strictEqual(path.dirname('/a/b'), '/a');
assert.strictEqual(path.dirname('/a'), '/');
assert.strictEqual(path.dirname('/'), '/');
assert.strictEqual(path.dirname('a/b'), 'a');
assert.strictEqual(path.dirname('a'), '.');
assert.strictEqual(path.dirname('a/'), '.');
assert.strictEqual(path.dirname(''), '.');
assert.strictEqual(path.dirname('./a'), '.');
assert.strictEqual(path.dirname('../a/b.js'), '../a');
assert.strictEqual(path.dirname(__filename), __dirname);
