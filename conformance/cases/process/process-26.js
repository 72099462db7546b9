// process.markdown example 26: process.nextTick.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

process.nextTick(function () {
  console.log('nextTick callback');
});

// check: the callback runs later, exactly once.
assert.deepEqual(logged, []);
process.on('exit', function () { assert.deepEqual(logged, ['nextTick callback']); });
