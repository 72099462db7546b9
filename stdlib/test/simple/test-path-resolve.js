// resolve() works like a series of `cd` commands from the working directory.
var common = require('../common');
var assert = require('assert');
var path = require('path');

var cwd = process.cwd();

assert.strictEqual(path.resolve('/foo/bar', './baz'), '/foo/bar/baz');
assert.strictEqual(path.resolve('/foo/bar', '/tmp/file/'), '/tmp/file');
assert.strictEqual(path.resolve('/var/lib', '../', 'file/'), '/var/file');
assert.strictEqual(path.resolve('/var/lib', '/../', 'file/'), '/file');
assert.strictEqual(path.resolve('/some/dir', '.', '/absolute/'), '/absolute');
assert.strictEqual(path.resolve('/a/b', 'c/../d', './e'), '/a/b/d/e');
assert.strictEqual(path.resolve('/'), '/');
assert.strictEqual(path.resolve('/..'), '/');

// Relative results are taken from the working directory.
assert.strictEqual(path.resolve('a/b/c/', '../../..'), cwd);
assert.strictEqual(path.resolve('.'), cwd);
assert.strictEqual(path.resolve(), cwd);
assert.strictEqual(path.resolve(''), cwd);
assert.strictEqual(path.resolve('wwwroot', 'static_files/png/', '../gif/image.gif'),
                   path.join(cwd, 'wwwroot/static_files/gif/image.gif'));

// Non-string arguments are ignored.
assert.strictEqual(path.resolve('/foo', {}, null, 3, 'bar'), '/foo/bar');
assert.strictEqual(path.resolve(undefined), cwd);

// resolve(from, relative(from, to)) is resolve(to).
var from = '/data/orandea/test/aaa';
var to = '/data/orandea/impl/bbb';
assert.strictEqual(path.resolve(from, path.relative(from, to)), path.resolve(to));
