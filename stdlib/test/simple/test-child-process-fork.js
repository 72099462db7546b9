// fork runs a module with process.execPath and the given arguments, sharing the parent's stdio
// (or pipes, with silent), and gives both sides an IPC channel; a child that does not listen
// for messages exits by itself.
var common = require('../common');
var assert = require('assert');
var fork = require('child_process').fork;

if (process.argv[2] === 'silent') {
  console.log('quiet');
  process.send('hi');
  return;
}
if (process.argv[2] === 'child') {
  assert.strictEqual(typeof process.send, 'function');
  process.exit(process.argv[3] === 'x' ? 7 : 1);
}
// Not forked: no channel.
assert.strictEqual(process.send, undefined);
var child = fork(__filename, ['child', 'x']);
assert.strictEqual(typeof child.send, 'function');
assert.strictEqual(typeof child.pid, 'number');
child.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 7);
}));
// spawn()'s children have no channel.
assert.strictEqual(require('child_process').spawn('true').send, undefined);

// silent: stdio are pipes to the parent; the channel works as well.
var silent = fork(__filename, ['silent'], { silent: true });
var out = '';
silent.stdout.setEncoding('utf8');
silent.stdout.on('data', function(d) { out += d; });
silent.on('message', common.mustCall(function(m) { assert.strictEqual(m, 'hi'); }));
silent.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 0);
  assert.strictEqual(out, 'quiet\n');
}));
