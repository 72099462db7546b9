// exec's timeout kills the child with killSignal; maxBuffer exceeded kills it too.
var common = require('../common');
var assert = require('assert');
var exec = require('child_process').exec;

exec('exec sleep 60', { timeout: 50, killSignal: 'SIGKILL' }, common.mustCall(function(err) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.killed, true);
  assert.strictEqual(err.signal, 'SIGKILL');
  assert.strictEqual(err.code, null);
}));
exec('exec yes', { maxBuffer: 1024 }, common.mustCall(function(err, stdout) {
  assert.ok(err instanceof Error);
  assert.equal(err.message, 'maxBuffer exceeded.');
  assert.ok(stdout.length > 1024);
}));
