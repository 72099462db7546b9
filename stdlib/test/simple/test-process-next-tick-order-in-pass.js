var common = require('../common');
var assert = require('assert');

// A pass runs only what was queued before it began: the tick queued by the first callback runs
// after a timer that is already due, on the next turn of the loop.
var order = [];
setTimeout(function() { order.push('timer'); }, 0);
var start = Date.now();
while (Date.now() - start < 3) {}
process.nextTick(function() {
  order.push('tick1');
  process.nextTick(function() { order.push('tick2'); });
  Promise.resolve().then(function() { order.push('promise-after-tick1'); });
});

process.on('exit', function() {
  assert.deepEqual(order, ['tick1', 'promise-after-tick1', 'timer', 'tick2']);
});
