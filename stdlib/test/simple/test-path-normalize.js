// normalize() resolves '.' and '..', collapses repeated slashes and keeps a trailing slash.
var common = require('../common');
var assert = require('assert');
var path = require('path');

assert.strictEqual(path.normalize('/foo/bar//baz/asdf/quux/..'), '/foo/bar/baz/asdf');
assert.strictEqual(path.normalize('./fixtures///b/../b/c.js'), 'fixtures/b/c.js');
assert.strictEqual(path.normalize('/foo/../../../bar'), '/bar');
assert.strictEqual(path.normalize('a//b//../b'), 'a/b');
assert.strictEqual(path.normalize('a//b//./c'), 'a/b/c');
assert.strictEqual(path.normalize('a//b//.'), 'a/b');
assert.strictEqual(path.normalize('../a/../../b'), '../../b');
assert.strictEqual(path.normalize('a/../..'), '..');

// Trailing slashes are kept.
assert.strictEqual(path.normalize('/foo/bar/'), '/foo/bar/');
assert.strictEqual(path.normalize('foo/bar/../'), 'foo/');
assert.strictEqual(path.normalize('./'), './');

// Degenerate inputs.
assert.strictEqual(path.normalize(''), '.');
assert.strictEqual(path.normalize('.'), '.');
assert.strictEqual(path.normalize('/'), '/');
assert.strictEqual(path.normalize('//'), '/');
assert.strictEqual(path.normalize('/..'), '/');
assert.strictEqual(path.normalize('a/..'), '.');
