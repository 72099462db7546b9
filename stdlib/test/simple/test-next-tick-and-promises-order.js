var common = require('../common');
var assert = require('assert');

// After every callback from native code, one pass over the nextTicks queued so far, each followed
// by the Promise reactions it caused; ticks queued during the pass wait for the next loop turn.
var order = [];
setTimeout(function() {
  order.push('timer1');
  process.nextTick(function() { order.push('tick-in-timer1'); });
  Promise.resolve().then(function() {
    order.push('promise-in-timer1');
    process.nextTick(function() { order.push('tick-from-promise'); });
  });
}, 1);
setTimeout(function() { order.push('timer2'); }, 1);
process.nextTick(function() { order.push('tick1'); });
Promise.resolve().then(function() { order.push('promise1'); });
process.nextTick(function(a, b) { order.push('tick2:' + a + b); }, 'x', 'y');
order.push('main');

async function later() {
  await null;
  order.push('async-continuation');
}
later();

process.on('exit', function() {
  assert.deepEqual(order, [
    'main', 'tick1', 'promise1', 'async-continuation', 'tick2:xy',
    'timer1', 'tick-in-timer1', 'promise-in-timer1', 'timer2', 'tick-from-promise'
  ]);
});
