// child_processes.markdown example 3: ls -lh /usr with its stdout, stderr and exit code.
// adaptation: record console.log lines (still printed) for the check at the end.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

var util  = require('util'),
    spawn = require('child_process').spawn,
    ls    = spawn('ls', ['-lh', '/usr']);

ls.stdout.on('data', function (data) {
  console.log('stdout: ' + data);
});

ls.stderr.on('data', function (data) {
  console.log('stderr: ' + data);
});

ls.on('exit', function (code) {
  console.log('child process exited with code ' + code);
});

// check: some stdout (ls lists /usr: "total ..." first), then exit code 0 last.
process.on('exit', function () {
  assert.ok(/^stdout: total /.test(logged[0]), logged[0]);
  assert.strictEqual(logged[logged.length - 1], 'child process exited with code 0');
});
