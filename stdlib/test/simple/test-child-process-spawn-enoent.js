// A missing command does not crash: 'error' with ENOENT (for listeners), v0.6's execvp()
// message on stderr, then 'exit' with code 127.
var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

var child = spawn('nodus-no-such-command-xyz', ['a']);
var stderr = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', function(d) { stderr += d; });
child.on('error', common.mustCall(function(err) {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'spawn');
}));
child.on('exit', common.mustCall(function(code, signal) {
  assert.strictEqual(code, 127);
  assert.strictEqual(signal, null);
  assert.ok(/^execvp\(\): No such file or directory/.test(stderr), stderr);
}));
child.on('close', common.mustCall());

// Without an 'error' listener the failure is only the exit code.
spawn('nodus-no-such-command-xyz').on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 127);
}));
