// child_processes.markdown example 5: a command that cannot be started.
// adaptation: record console.log lines (still printed) for the check at the end.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

var spawn = require('child_process').spawn,
    child = spawn('bad_command');

child.stderr.setEncoding('utf8');
child.stderr.on('data', function (data) {
  if (/^execvp\(\)/.test(data)) {
    console.log('Failed to start child process.');
  }
});

// check: v0.6.3 reports the failed execvp() on the child's stderr.
process.on('exit', function () {
  assert.deepEqual(logged, ['Failed to start child process.']);
});
