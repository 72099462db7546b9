var common = require('../common');
var assert = require('assert');

var order = [];
process.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 0);
  order.push('exit');
  // Timers scheduled in 'exit' never run: the loop is over.
  setTimeout(function() { throw new Error('ran after exit'); }, 0);
}));
setTimeout(function() { order.push('timer'); }, 1);
process.on('exit', function() {
  assert.deepEqual(order, ['timer', 'exit']);
});
