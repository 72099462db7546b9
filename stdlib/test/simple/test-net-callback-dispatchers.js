// Native code reaches a stream handle's onread (and onfirstread) and a server handle's onconnection
// through the dispatchers net.js registers (runtime/core/stream_wrap.cc setCallbackDispatchers),
// which look the method up as a lookup from C++ did: checks that they are registered once and
// cannot be replaced, that a method set on one handle (not its prototype) is the one called, with
// the arguments native code passed, and that a handle whose method is not a function is not called.
var common = require('../common');
var assert = require('assert');
var net = require('net');
var tcpBinding = process.binding('tcp_wrap');
var pipeBinding = process.binding('pipe_wrap');

// Registered by net.js already: a program's own dispatchers are refused, from any stream binding.
var hijacked = 0;
function hijack() { hijacked++; }
assert.strictEqual(tcpBinding.setCallbackDispatchers(hijack, hijack), false);
assert.strictEqual(tcpBinding.setCallbackDispatchers(hijack, hijack, hijack), false);
assert.strictEqual(pipeBinding.setCallbackDispatchers(hijack, hijack), false);
// Bad arguments are a TypeError, not a crash.
[[], [1, 2], [hijack], [hijack, {}], [null, hijack], [hijack, hijack, {}]].forEach(function(args) {
  assert.throws(function() { tcpBinding.setCallbackDispatchers.apply(null, args); }, TypeError);
});

var events = [];
var server = net.createServer(function(socket) {
  var handle = socket._handle;
  var netOnread = handle.onread;
  assert.strictEqual(typeof netOnread, 'function');
  assert.ok(!handle.hasOwnProperty('onread'));
  // 1. An onread of this handle's own is called, with `this` the handle and (nread, buffer).
  handle.onread = function(nread, arrayBuffer) {
    assert.strictEqual(this, handle);
    if (nread > 0) {
      assert.strictEqual(arguments.length, 2);
      assert.ok(arrayBuffer instanceof ArrayBuffer);
      assert.strictEqual(arrayBuffer.byteLength, nread);
      events.push('own onread ' + String(new Buffer(new Uint8Array(arrayBuffer))));
      // 2. From now on, not a function: the next read (the peer's end) calls nothing and does
      // not throw; the server then ends the socket itself.
      handle.onread = 42;
      setTimeout(function() {
        events.push('after non-function onread');
        socket.destroy();
        server.close();
      }, 50);
    }
  };
});

// 3. A server handle's own onconnection is the one called.
server.listen(0, '127.0.0.1', function() {
  var handle = server._handle;
  var netOnconnection = handle.onconnection;
  handle.onconnection = function(status, clientHandle) {
    assert.strictEqual(this, handle);
    assert.strictEqual(arguments.length, 2);
    events.push('own onconnection ' + status);
    return netOnconnection.apply(this, arguments);
  };
  var client = net.connect(server.address().port, '127.0.0.1', function() {
    client.end('hello');
  });
  client.on('error', function() {});
});

process.on('exit', function() {
  assert.strictEqual(hijacked, 0);
  assert.deepEqual(events, ['own onconnection 0', 'own onread hello', 'after non-function onread']);
});
