// fork runs a module with process.execPath and the given arguments; it has no IPC channel.
var common = require('../common');
var assert = require('assert');
var fork = require('child_process').fork;

if (process.argv[2] === 'child') {
  process.exit(process.argv[3] === 'x' ? 7 : 1);
}
var child = fork(__filename, ['child', 'x']);
assert.throws(function() { child.send({}); }, /IPC/);
child.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 7);
}));
