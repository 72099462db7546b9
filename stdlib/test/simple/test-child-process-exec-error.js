// A failing command gives exec an Error with the exit code, signal null and stderr in the message.
var common = require('../common');
var assert = require('assert');
var exec = require('child_process').exec;

exec('echo out; echo bad >&2; exit 3', common.mustCall(function(err, stdout, stderr) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 3);
  assert.strictEqual(err.signal, null);
  assert.strictEqual(err.killed, false);
  assert.ok(/^Command failed: bad/.test(err.message), err.message);
  assert.strictEqual(stdout, 'out\n');
  assert.strictEqual(stderr, 'bad\n');
}));
