var common = require('../common');
var assert = require('assert');
var cp = require('child_process');

// Past maxBuffer, exec/execFile kill the child and call back on the next tick with
// Error('maxBuffer exceeded.'), as v0.6.3 did, without waiting for the child to exit.
var child = cp.exec('exec yes', { maxBuffer: 100 }, common.mustCall(function(err, stdout) {
  assert.ok(err instanceof Error);
  assert.equal(err.message, 'maxBuffer exceeded.');
  assert.ok(stdout.length > 100);
  assert.ok(/^(y\n)+y?\n?$/.test(stdout));
  assert.strictEqual(child.killed, true);
}));
child.on('exit', common.mustCall(function(code, signal) {
  assert.equal(signal, 'SIGTERM');
}));

// Through stderr too, with execFile and a chosen kill signal.
var options = { maxBuffer: 10, killSignal: 'SIGKILL' };
var child2 = cp.execFile('/bin/sh', ['-c', 'exec yes >&2'], options,
                         common.mustCall(function(err, stdout, stderr) {
  assert.equal(err.message, 'maxBuffer exceeded.');
  assert.equal(stdout, '');
  assert.ok(stderr.length > 10);
}));
child2.on('exit', common.mustCall(function(code, signal) {
  assert.equal(signal, 'SIGKILL');
}));
