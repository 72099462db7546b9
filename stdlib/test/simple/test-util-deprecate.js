// util.deprecate: warns once on stderr, honours process.noDeprecation and throwDeprecation.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var spawn = require('child_process').spawn;

var calls = 0;
var f = util.deprecate(function(a, b) { calls++; return this.base + a + b; }, 'f is old');
assert.strictEqual(f.call({ base: 1 }, 2, 3), 6);
assert.strictEqual(calls, 1);
assert.throws(function() { util.deprecate(42, 'x'); }, TypeError);

// In a child: the warning is printed once, and not at all with noDeprecation.
var script = "var util = require('util'); var g = util.deprecate(function() {}, 'DEPRECATED-G');" +
             "g(); g(); process.noDeprecation = process.argv[1] === 'quiet';" +
             "var h = util.deprecate(function() {}, 'DEPRECATED-H'); h();";
var child = spawn(process.execPath, ['-e', script]);
var err = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', function(d) { err += d; });
child.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 0);
  assert.strictEqual(err.split('DEPRECATED-G').length - 1, 1, err);
  assert.strictEqual(err.split('DEPRECATED-H').length - 1, 1, err);
}));

process.throwDeprecation = true;
var t = util.deprecate(function() {}, 'thrown');
assert.throws(function() { t(); }, /thrown/);
process.throwDeprecation = false;
