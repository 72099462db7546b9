// Bytes written to the child's stdin come back on its stdout (cat), ending with stdin.
var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

var child = spawn('cat');
var out = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', function(d) { out += d; });
child.stdin.write('hello ');
child.stdin.write(new Buffer('from stdin\n'));
child.stdin.end('bye\n');
child.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 0);
  assert.strictEqual(out, 'hello from stdin\nbye\n');
}));
