// process.markdown example 1: the 'exit' event.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

process.on('exit', function () {
  process.nextTick(function () {
   console.log('This will not run');
  });
  console.log('About to exit.');
});

// check: 'About to exit.' is printed, the nextTick callback never runs.
process.on('exit', function () {
  assert.deepEqual(logged, ['About to exit.']);
});
