var common = require('../common');
var assert = require('assert');

// The timer globals are named for themselves and, once any has been called, are the timers
// module's own functions (no forwarding per call); a global the program replaced before that
// stays replaced.
var names = ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate',
             'clearImmediate'];
names.forEach(function(name) {
  assert.equal(typeof global[name], 'function');
  assert.equal(global[name].name, name);
});
assert.deepEqual(Object.keys(global).filter(function(key) {
  return names.indexOf(key) !== -1;
}).sort(), ['clearInterval', 'clearTimeout', 'setInterval', 'setTimeout']);

var forwarder = setImmediate;
var mine = function() { return 'mine'; };
global.clearImmediate = mine;

var timer = setTimeout(common.mustCall(function(a, b) {
  assert.equal(a + b, 3);
}), 1, 1, 2);
var timers = require('timers');
['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate'].forEach(
    function(name) {
      assert.strictEqual(global[name], timers[name], name);
      assert.equal(global[name].name, name);
    });
assert.strictEqual(clearImmediate, mine);
assert.ok(!Object.keys(global).some(function(key) { return key === 'setImmediate'; }));

// A forwarder kept from before still works.
forwarder(common.mustCall(function(x) { assert.equal(x, 'kept'); }), 'kept');
// Each clear function clears any timer, as in v0.6.3.
clearInterval(setTimeout(function() { throw new Error('cleared'); }, 1));
timers.clearImmediate(setInterval(function() { throw new Error('cleared'); }, 1));
