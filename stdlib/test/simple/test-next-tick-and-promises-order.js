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
// Both timers due when the loop first looks: each setTimeout reads the clock, so on a busy
// machine the second may start a millisecond after the first and, without this wait, be due
// only on a later turn, after 'tick-from-promise'. (A monotonic wait, not a timing assertion.)
var start = process.hrtime();
while (true) {
  var elapsed = process.hrtime(start);
  if (elapsed[0] > 0 || elapsed[1] >= 5e6) break;
}
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
