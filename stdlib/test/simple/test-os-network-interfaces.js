// os.networkInterfaces() has v0.6's shape: { name: [{ address, family, internal }] }.
var common = require('../common');
var assert = require('assert');
var os = require('os');

var interfaces = os.networkInterfaces();
assert.strictEqual(typeof interfaces, 'object');
var sawLoopback = false;
Object.keys(interfaces).forEach(function(name) {
  var list = interfaces[name];
  assert.ok(Array.isArray(list), name);
  assert.ok(list.length > 0, name);
  list.forEach(function(entry) {
    assert.deepEqual(Object.keys(entry), ['address', 'family', 'internal']);
    assert.strictEqual(typeof entry.address, 'string');
    assert.ok(entry.family === 'IPv4' || entry.family === 'IPv6', entry.family);
    assert.strictEqual(typeof entry.internal, 'boolean');
    if (entry.family === 'IPv4') assert.ok(/^\d+\.\d+\.\d+\.\d+$/.test(entry.address));
    else assert.ok(entry.address.indexOf(':') !== -1);
    if (entry.address === '127.0.0.1') {
      sawLoopback = true;
      assert.strictEqual(entry.internal, true);
    }
  });
});
// The loopback interface is up wherever the tests run (Bazel's sandbox keeps it too).
if (interfaces.lo) assert.ok(sawLoopback);

// getNetworkInterfaces is the deprecated old name: same result, and one warning on stderr.
var warnings = [];
var realError = console.error;
console.error = function(message) { warnings.push(message); };
try {
  assert.deepEqual(Object.keys(os.getNetworkInterfaces()), Object.keys(interfaces));
  os.getNetworkInterfaces();
} finally {
  console.error = realError;
}
assert.deepEqual(warnings,
                 ['os.getNetworkInterfaces() is deprecated - use os.networkInterfaces()']);
