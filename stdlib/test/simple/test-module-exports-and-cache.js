var common = require('../common');
var assert = require('assert');

var replaced = require('../fixtures/module/replaced');
assert.equal(typeof replaced, 'function', 'module.exports replaces exports');
assert.equal(replaced(), 'fn');
assert.strictEqual(replaced.lost, undefined);

var first = require('../fixtures/module/counter');
assert.equal(first.count, 1);
assert.strictEqual(require('../fixtures/module/counter'), first);
var filename = require.resolve('../fixtures/module/counter');
assert.ok(require.cache[filename], 'require.cache is keyed by filename');
delete require.cache[filename];
assert.equal(require('../fixtures/module/counter').count, 2, 'deleting from the cache reloads');
assert.equal(require.resolve('../fixtures/module/data.json').slice(-9), 'data.json');
assert.throws(function() { return require.paths; }, /require.paths is removed/);
