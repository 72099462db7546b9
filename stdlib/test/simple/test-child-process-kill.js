// kill() sends SIGTERM by default: 'exit' reports a null code and the signal's name.
var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

var child = spawn('sleep', ['60']);
child.on('exit', common.mustCall(function(code, signal) {
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGTERM');
  assert.strictEqual(child.killed, true);
  assert.strictEqual(child.signalCode, 'SIGTERM');
  // Once exited, there is nothing left to signal.
  assert.strictEqual(child.kill(), false);
}));
assert.strictEqual(child.kill(), true);
assert.throws(function() { child.kill('SIGNOPE'); }, /Unknown signal/);
