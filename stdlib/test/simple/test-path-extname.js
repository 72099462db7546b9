// extname() is the part of the last portion from its last '.', or '' when there is no '.'
// or the portion starts with its only one.
var common = require('../common');
var assert = require('assert');
var path = require('path');

assert.strictEqual(path.extname('index.html'), '.html');
assert.strictEqual(path.extname('index.'), '.');
assert.strictEqual(path.extname('index'), '');
assert.strictEqual(path.extname(''), '');
assert.strictEqual(path.extname('/path/to/file'), '');
assert.strictEqual(path.extname('/path/to/file.ext'), '.ext');
assert.strictEqual(path.extname('/path.to/file.ext'), '.ext');
assert.strictEqual(path.extname('/path.to/file'), '');
assert.strictEqual(path.extname('/path.to/.file'), '');
assert.strictEqual(path.extname('/path.to/.file.ext'), '.ext');
assert.strictEqual(path.extname('/path/to/f.ext'), '.ext');
assert.strictEqual(path.extname('/path/to/..ext'), '.ext');
assert.strictEqual(path.extname('file.tar.gz'), '.gz');
assert.strictEqual(path.extname('.profile'), '');
assert.strictEqual(path.extname('..'), '');
assert.strictEqual(path.extname('.'), '');
assert.strictEqual(path.extname('...'), '.');
assert.strictEqual(path.extname('file.ext/'), '.ext');
assert.strictEqual(path.extname(__filename), '.js');
