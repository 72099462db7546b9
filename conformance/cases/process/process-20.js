// process.markdown example 20: signal events with process.kill.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

process.on('SIGHUP', function () {
  console.log('Got SIGHUP signal.');
});

setTimeout(function () {
  console.log('Exiting.');
  process.exit(0);
}, 100);

process.kill(process.pid, 'SIGHUP');

// check: the signal listener ran before the timer.
process.on('exit', function () {
  assert.deepEqual(logged, ['Got SIGHUP signal.', 'Exiting.']);
});
