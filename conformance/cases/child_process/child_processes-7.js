// child_processes.markdown example 7: the js-value default options of exec.
// adaptation: the literal becomes a check that exec with exactly these options behaves as exec
// without options: utf8 strings, the parent's directory and environment.
var assert = require('assert');
var exec = require('child_process').exec;

var options = { encoding: 'utf8',
  timeout: 0,
  maxBuffer: 200*1024,
  killSignal: 'SIGTERM',
  cwd: null,
  env: null };

var results = [];
function done(error, stdout, stderr) {
  assert.strictEqual(error, null);
  assert.strictEqual(typeof stdout, 'string');
  results.push(stdout);
}
exec('pwd; echo "$HOME"', done);
exec('pwd; echo "$HOME"', options, done);
process.on('exit', function () {
  assert.deepEqual(results, [0, 1].map(function () {
    return process.cwd() + '\n' + (process.env.HOME || '') + '\n';
  }));
});
