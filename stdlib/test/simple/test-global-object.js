var common = require('../common');
var assert = require('assert');

assert.strictEqual(global.global, global);
assert.strictEqual(GLOBAL, global);
assert.strictEqual(root, global);
assert.strictEqual(global.process, process);
// Exactly v0.6's enumerable globals; later additions are non-enumerable.
var expected = ['global', 'process', 'GLOBAL', 'root', 'Buffer', 'setTimeout', 'setInterval',
                'clearTimeout', 'clearInterval', 'console'];
var keys = Object.keys(global).filter(function(k) { return expected.indexOf(k) === -1; });
assert.deepEqual(keys, [], 'unexpected enumerable globals: ' + keys);
['global', 'process', 'setTimeout', 'console'].forEach(function(k) {
  assert.ok(Object.keys(global).indexOf(k) !== -1, k + ' is enumerable');
});
assert.equal(typeof setImmediate, 'function');
assert.equal(typeof queueMicrotask, 'function');
assert.equal(typeof console.log, 'function');
// A global the program defines is visible to other modules.
global.fromTest = 1;
assert.equal(fromTest, 1);
