// child_processes.markdown example 4: ps ax | grep ssh.
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
    ps    = spawn('ps', ['ax']),
    grep  = spawn('grep', ['ssh']);

ps.stdout.on('data', function (data) {
  grep.stdin.write(data);
});

ps.stderr.on('data', function (data) {
  console.log('ps stderr: ' + data);
});

ps.on('exit', function (code) {
  if (code !== 0) {
    console.log('ps process exited with code ' + code);
  }
  grep.stdin.end();
});

grep.stdout.on('data', function (data) {
  console.log(data);
});

grep.stderr.on('data', function (data) {
  console.log('grep stderr: ' + data);
});

grep.on('exit', function (code) {
  if (code !== 0) {
    console.log('grep process exited with code ' + code);
  }
});

// check: nothing on either stderr and ps succeeded (grep may find no ssh process: exit 1).
process.on('exit', function () {
  logged.forEach(function (line) {
    assert.ok(!/stderr: |^ps process exited/.test(line), line);
  });
});
