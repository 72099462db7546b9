// child_processes.markdown example 6: exec with a callback of stdout, stderr and error.
// adaptation: the case runs in its own folder (cat *.js finds the cases); record console.log
// lines (still printed) for the check at the end.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
process.chdir(__dirname);

var util = require('util'),
    exec = require('child_process').exec,
    child;

child = exec('cat *.js bad_file | wc -l',
  function (error, stdout, stderr) {
    console.log('stdout: ' + stdout);
    console.log('stderr: ' + stderr);
    if (error !== null) {
      console.log('exec error: ' + error);
    }
});

// check: wc counted lines, cat complained about bad_file, and the pipeline (wc) succeeded.
process.on('exit', function () {
  assert.strictEqual(logged.length, 2);
  assert.ok(/^stdout: *[1-9][0-9]*\n$/.test(logged[0]), logged[0]);
  assert.ok(/^stderr: .*bad_file/.test(logged[1]), logged[1]);
});
