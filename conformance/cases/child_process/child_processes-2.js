// child_processes.markdown example 2: the js-value default options of spawn.
// adaptation: the literal becomes a check that a child spawned with these options runs in the
// parent's directory with the parent's environment, as one spawned without options does.
var assert = require('assert');
var spawn = require('child_process').spawn;

var options = { cwd: undefined,
  env: process.env,
  setsid: false
};

var pending = 2;
[undefined, options].forEach(function (opts) {
  var child = spawn('sh', ['-c', 'pwd; echo "$HOME"'], opts);
  var out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', function (d) { out += d; });
  child.on('exit', function (code) {
    assert.strictEqual(code, 0);
    process.nextTick(function () {
      assert.strictEqual(out, process.cwd() + '\n' + (process.env.HOME || '') + '\n');
      pending--;
    });
  });
});
process.on('exit', function () { assert.strictEqual(pending, 0); });
