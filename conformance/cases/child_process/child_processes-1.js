// child_processes.markdown example 1: spawn gives the child's pid.
// adaptation: record console.log lines (still printed) for the check at the end.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

var spawn = require('child_process').spawn,
    grep  = spawn('grep', ['ssh']);

console.log('Spawned child pid: ' + grep.pid);
grep.stdin.end();

// check: a numeric pid was printed and grep (no input, so no match) exits with 1.
grep.on('exit', function (code) { assert.strictEqual(code, 1); });
process.on('exit', function () {
  assert.ok(/^Spawned child pid: [1-9][0-9]*$/.test(logged[0]), logged[0]);
});
