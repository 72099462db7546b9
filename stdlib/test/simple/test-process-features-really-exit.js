var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

// process.features, as v0.6.3 had it: booleans, false where unsupported.
var f = process.features;
assert.deepEqual(Object.keys(f).sort(), ['debug', 'ipv6', 'tls', 'tls_npn', 'tls_sni', 'uv']);
Object.keys(f).forEach(function(key) { assert.equal(typeof f[key], 'boolean', key); });
assert.strictEqual(f.uv, true);
assert.strictEqual(f.tls, true);
assert.strictEqual(f.tls_npn, false);

// process.reallyExit(code) ends the process at once: no 'exit' event.
assert.equal(typeof process.reallyExit, 'function');
var child = spawn(process.execPath, ['-e',
    'process.on("exit", function() { console.log("exit emitted"); });' +
    'process.reallyExit(7); console.log("still running");']);
var out = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', function(d) { out += d; });
child.on('exit', common.mustCall(function(code) {
  assert.equal(code, 7);
  assert.equal(out, '');
}));
