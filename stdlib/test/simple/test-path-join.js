// join() joins its string arguments with '/' and normalizes the result; other arguments are
// ignored.
var common = require('../common');
var assert = require('assert');
var path = require('path');

assert.strictEqual(path.join('/foo', 'bar', 'baz/asdf', 'quux', '..'), '/foo/bar/baz/asdf');
assert.strictEqual(path.join('foo', {}, 'bar'), 'foo/bar');
assert.strictEqual(path.join('foo', null, undefined, 1, true, [], 'bar'), 'foo/bar');

assert.strictEqual(path.join('.', 'x/b', '..', '/b/c.js'), 'x/b/c.js');
assert.strictEqual(path.join('/.', 'x/b', '..', '/b/c.js'), '/x/b/c.js');
assert.strictEqual(path.join('/foo', '../../../bar'), '/bar');
assert.strictEqual(path.join('foo', '../../../bar'), '../../bar');
assert.strictEqual(path.join('foo/', '../../../bar'), '../../bar');
assert.strictEqual(path.join('foo/x', '../../../bar'), '../bar');
assert.strictEqual(path.join('foo/x', './bar'), 'foo/x/bar');
assert.strictEqual(path.join('foo/x/', './bar'), 'foo/x/bar');
assert.strictEqual(path.join('foo/x/', '.', 'bar'), 'foo/x/bar');
assert.strictEqual(path.join('./'), './');
assert.strictEqual(path.join('.', './'), './');
assert.strictEqual(path.join('.', '.', '.'), '.');
assert.strictEqual(path.join('.', './', '.'), '.');
assert.strictEqual(path.join('/', '/foo'), '/foo');
assert.strictEqual(path.join('/foo', '/bar'), '/foo/bar');
assert.strictEqual(path.join('a', 'b/'), 'a/b/');

// Nothing to join.
assert.strictEqual(path.join(), '.');
assert.strictEqual(path.join(''), '.');
assert.strictEqual(path.join('', ''), '.');
assert.strictEqual(path.join({}, null), '.');
assert.strictEqual(path.join('', '/'), '/');
