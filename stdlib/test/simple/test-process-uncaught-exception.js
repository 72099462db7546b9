var common = require('../common');
var assert = require('assert');

var caught = [];
process.on('uncaughtException', function(err) {
  caught.push(err.message);
});
setTimeout(function() { throw new Error('from timer'); }, 1);
process.nextTick(function() { throw new Error('from tick'); });
process.nextTick(common.mustCall(function() {}));  // Still runs after the one before threw.
process.on('exit', function() {
  assert.deepEqual(caught, ['from main', 'from tick', 'from timer']);
});
throw new Error('from main');
