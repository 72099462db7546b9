// exec runs the command with /bin/sh: pipes and redirections work; stdout and stderr are strings.
var common = require('../common');
var assert = require('assert');
var exec = require('child_process').exec;

exec('printf "a\\nb\\nc\\n" | wc -l; echo oops 1>&2', common.mustCall(function(err, stdout, stderr) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout.trim(), '3');
  assert.strictEqual(stderr, 'oops\n');
}));
exec('echo buffered', { encoding: 'buffer' }, common.mustCall(function(err, stdout) {
  assert.strictEqual(err, null);
  assert.ok(Buffer.isBuffer(stdout));
  assert.strictEqual(stdout.toString(), 'buffered\n');
}));
