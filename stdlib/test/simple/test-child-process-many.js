// Many concurrent children all run and exit, each with its own output and exit code.
var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

var N = 40;
var exited = 0;
for (var i = 0; i < N; i++) {
  (function(i) {
    var child = spawn('/bin/sh', ['-c', 'echo ' + i + '; exit ' + (i % 7)]);
    var out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', function(d) { out += d; });
    child.on('exit', common.mustCall(function(code) {
      assert.strictEqual(code, i % 7);
      assert.strictEqual(out, i + '\n');
      exited++;
    }));
  })(i);
}
process.on('exit', function() { assert.strictEqual(exited, N); });
