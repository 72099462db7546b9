var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

// v0.6.3 reported a thrown value that has no stack as `name: message` when it has both, and as
// String(value) otherwise; never as JSON.
function check(thrown, expected) {
  var child = spawn(process.execPath, ['-e', 'throw ' + thrown + ';']);
  var err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', function(d) { err += d; });
  child.on('exit', common.mustCall(function(code) {
    assert.equal(code, 1);
    var lines = err.trim().split('\n');
    assert.equal(lines[lines.length - 1], expected, thrown + ' reported as ' + err);
  }));
}

check('{ name: "MyError", message: "went wrong" }', 'MyError: went wrong');
check('{ a: 1 }', '[object Object]');
check('{ toString: function() { return "custom text"; } }', 'custom text');
check('{ message: "only a message" }', '[object Object]');
check('"a string"', 'a string');
check('42', '42');
check('[1, 2]', '1,2');
check('null', 'null');

// A value whose String() throws still gives a report and exit code 1, not a crash.
var child = spawn(process.execPath, ['-e', 'throw Object.create(null);']);
child.on('exit', common.mustCall(function(code, signal) {
  assert.equal(code, 1);
  assert.equal(signal, null);
}));
