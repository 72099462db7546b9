var common = require('../common');
var assert = require('assert');

var order = [];
setTimeout(function() { order.push(30); }, 30);
setTimeout(function() { order.push(10); }, 10);
setTimeout(function(a, b) { order.push(a + b); }, 10, 'x', 'y');
setTimeout(function() { order.push(0); }, 0);
var cancelled = setTimeout(function() { order.push('cancelled'); }, 5);
clearTimeout(cancelled);
clearTimeout(null);
clearTimeout(undefined);
clearTimeout({});
var count = 0;
var interval = setInterval(function() {
  count++;
  if (count === 3) clearInterval(interval);
}, 1);
assert.throws(function() { setTimeout('code', 1); }, TypeError);
var start = Date.now();
setTimeout(common.mustCall(function() {
  assert.ok(Date.now() - start >= 49, 'a 50 ms timer never fires early');
}), 50);
process.on('exit', function() {
  assert.deepEqual(order, [0, 10, 'xy', 30]);
  assert.equal(count, 3);
});
