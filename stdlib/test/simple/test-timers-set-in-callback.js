var common = require('../common');
var assert = require('assert');

// Timers set, cleared and re-set from inside timer callbacks (the native timer is armed once,
// after the due timers have run): each fires in due order, none is lost, a cleared one never
// fires, and an interval that clears itself stops.
var order = [];
// 'late' is far enough off that a stalled process (a loaded machine) still runs the 1 ms chain
// first: after a stall longer than its delay, due order would put it before the interval's next
// tick.
setTimeout(function() { order.push('late'); }, 1000);
setTimeout(common.mustCall(function() {
  order.push('first');
  setTimeout(function() { order.push('short'); }, 1);
  clearTimeout(setTimeout(function() { order.push('cleared'); }, 1));
  var count = 0;
  var interval = setInterval(function() {
    order.push('tick' + count);
    if (++count === 3) {
      clearInterval(interval);
      setTimeout(function() { order.push('after-interval'); }, 1);
    }
  }, 1);
}), 1);
process.on('exit', function() {
  assert.equal(order[0], 'first');
  assert.equal(order[order.length - 1], 'late');
  assert.deepEqual(order.filter(function(x) { return /^tick|after/.test(x); }),
                   ['tick0', 'tick1', 'tick2', 'after-interval']);
  assert.ok(order.indexOf('short') > 0);
  assert.equal(order.indexOf('cleared'), -1);
});
