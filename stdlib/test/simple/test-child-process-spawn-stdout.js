// spawn echo: the child's stdout arrives as data, then 'exit' with code 0 and 'close'.
var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

var child = spawn('echo', ['hello', 'world']);
assert.ok(typeof child.pid === 'number' && child.pid > 0);
var out = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', function(d) { out += d; });
child.on('exit', common.mustCall(function(code, signal) {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.strictEqual(out, 'hello world\n');
}));
child.on('close', common.mustCall(function(code) {
  assert.strictEqual(code, 0);
}));
