var common = require('../common');
var assert = require('assert');
var net = require('net');

// Bad ports throw synchronously: out of range or fractional -> RangeError, not a number or
// a string -> TypeError. Numeric strings are ports, as v0.6 coerced them.
[-1, 65536, 1.5, NaN, Infinity, '70000'].forEach(function(port) {
  assert.throws(function() { net.createServer().listen(port); }, RangeError, String(port));
  assert.throws(function() { net.connect(port); }, RangeError, String(port));
});
[true, null, {}, [], function() {}].forEach(function(port) {
  if (typeof port === 'function') {
    assert.throws(function() { net.connect(port); }, TypeError);
    return;
  }
  assert.throws(function() { net.connect(port); }, TypeError, String(port));
});
assert.throws(function() { net.createServer().listen(true); }, TypeError);
assert.throws(function() { net.createServer().listen({}); }, TypeError);

// '0' is a port, not a Unix socket path.
var server = net.createServer();
server.listen('0', '127.0.0.1', common.mustCall(function() {
  var port = server.address().port;
  assert.ok(port > 0);
  var client = net.connect(String(port), '127.0.0.1', common.mustCall(function() {
    client.end();
    server.close();
  }));
}));
