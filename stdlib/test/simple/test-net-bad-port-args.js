var common = require('../common');
var assert = require('assert');
var net = require('net');

// Bad ports for listen() throw synchronously: out of range or fractional -> RangeError, not a
// number or a string -> TypeError. Numeric strings are ports, as v0.6 coerced them.
// connect() to a port out of range does not throw: v0.6.3 cut the number to 16 bits and the
// connection failed, so old code (mysql 0.9's tests) expects the failure on the socket. It gets
// an 'error' with a RangeError (code ERR_SOCKET_BAD_PORT), and the connect listener never runs.
[-1, 65536, 1.5, NaN, Infinity, '70000', 999999999].forEach(function(port) {
  assert.throws(function() { net.createServer().listen(port); }, RangeError, String(port));
  var socket;
  assert.doesNotThrow(function() {
    socket = net.connect(port, function() { assert.fail('connected to port ' + port); });
  });
  socket.on('error', common.mustCall(function(err) {
    assert.ok(err instanceof RangeError, String(port));
    assert.strictEqual(err.code, 'ERR_SOCKET_BAD_PORT');
    assert.ok(err.message.indexOf(String(port)) !== -1, err.message);
  }));
  socket.on('close', common.mustCall(function(hadError) { assert.strictEqual(hadError, true); }));
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

// null, as undefined, is no port: the system picks one (v0.6.3's Number(null); engine.io 0.3
// listens with null), with or without a host.
var picked = net.createServer();
picked.listen(null, common.mustCall(function() {
  assert.ok(picked.address().port > 0);
  picked.close();
}));
var pickedOnHost = net.createServer();
pickedOnHost.listen(null, '127.0.0.1', common.mustCall(function() {
  assert.strictEqual(pickedOnHost.address().address, '127.0.0.1');
  assert.ok(pickedOnHost.address().port > 0);
  pickedOnHost.close();
}));

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
