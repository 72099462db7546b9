var common = require('../common');
var assert = require('assert');

// After every callback from native code: all nextTicks, then Promise reactions, repeatedly.
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
    'main', 'tick1', 'tick2:xy', 'promise1', 'async-continuation',
    'timer1', 'tick-in-timer1', 'promise-in-timer1', 'tick-from-promise', 'timer2'
  ]);
});
