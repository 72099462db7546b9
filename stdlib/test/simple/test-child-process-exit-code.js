// A child's non-zero exit code is reported by 'exit', with a null signal.
var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

var child = spawn(process.execPath, ['-e', 'process.exit(23)']);
child.on('exit', common.mustCall(function(code, signal) {
  assert.strictEqual(code, 23);
  assert.strictEqual(signal, null);
  assert.strictEqual(child.exitCode, 23);
}));
