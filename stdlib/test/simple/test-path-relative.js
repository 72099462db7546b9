// relative(from, to) is the path that leads from `from` to `to`.
var common = require('../common');
var assert = require('assert');
var path = require('path');

assert.strictEqual(path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'),
                   '../../impl/bbb');
assert.strictEqual(path.relative('/var/lib', '/var'), '..');
assert.strictEqual(path.relative('/var/lib', '/bin'), '../../bin');
assert.strictEqual(path.relative('/var/lib', '/var/lib'), '');
assert.strictEqual(path.relative('/var/lib', '/var/apache'), '../apache');
assert.strictEqual(path.relative('/var/', '/var/lib'), 'lib');
assert.strictEqual(path.relative('/', '/var/lib'), 'var/lib');
assert.strictEqual(path.relative('/foo/bar', '/foo/barbaz'), '../barbaz');

// Relative arguments are resolved from the working directory first.
assert.strictEqual(path.relative('a/b', 'a/c'), '../c');
assert.strictEqual(path.relative('.', 'x/y'), 'x/y');
assert.strictEqual(path.relative(process.cwd(), 'x'), 'x');
