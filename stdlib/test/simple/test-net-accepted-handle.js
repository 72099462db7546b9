// The handle of an accepted connection is made from the binding's instance template, without a
// call of the JS constructor (runtime/core/connection_wrap.cc): it must still be a full TCP (or
// Pipe) object, with the prototype and methods of one made by `new TCP()`. And
// handle.close(callback) calls the callback once, on the handle, while close() without one
// calls nothing (runtime/core/handle_wrap.cc keeps which handles have one).
var common = require('../common');
var assert = require('assert');
var net = require('net');
var fs = require('fs');
var TCP = process.binding('tcp_wrap').TCP;
var Pipe = process.binding('pipe_wrap').Pipe;

var checked = {tcp: 0, pipe: 0};
var closeCallbacks = 0;

// 1. close(callback) on handles that never connected: each callback once, with the handle as
// `this`; handles closed without a callback, among them, call nothing.
(function() {
  var handles = [];
  for (var i = 0; i < 20; i++) handles.push(i % 2 ? new TCP() : new Pipe());
  handles.forEach(function(handle, i) {
    if (i % 3 === 0) {
      handle.close();
    } else {
      handle.close(function() {
        assert.strictEqual(this, handle);
        closeCallbacks++;
      });
    }
  });
  // Closing again is harmless and does not replace the callback.
  handles[1].close(function() { throw new Error('second close callback called'); });
})();

function checkAccepted(socket, Ctor, kind) {
  var handle = socket._handle;
  assert.ok(handle instanceof Ctor, kind + ': accepted handle is a ' + Ctor.name);
  assert.strictEqual(Object.getPrototypeOf(handle), Ctor.prototype);
  assert.strictEqual(handle.constructor, Ctor);
  assert.strictEqual(handle.owner, socket);
  assert.strictEqual(handle._piped, false);
  assert.strictEqual(typeof handle.readStart, 'function');
  checked[kind]++;
}

// 2. TCP: several connections, each accepted handle checked and used (getpeername, setNoDelay,
// a write both ways, then close).
var tcpServer = net.createServer(function(socket) {
  checkAccepted(socket, TCP, 'tcp');
  var out = {};
  assert.strictEqual(socket._handle.getpeername(out), 0);
  assert.strictEqual(out.address, '127.0.0.1');
  assert.ok(out.port > 0);
  assert.strictEqual(socket._handle.setNoDelay(true), 0);
  socket.on('data', function(d) { socket.end('echo:' + d); });
});
tcpServer.listen(0, '127.0.0.1', function() {
  var left = 3;
  for (var i = 0; i < 3; i++) {
    (function(n) {
      var client = net.connect(tcpServer.address().port, '127.0.0.1');
      var got = '';
      client.setEncoding('utf8');
      client.write('hi' + n);
      client.on('data', function(d) { got += d; });
      client.on('end', function() {
        assert.strictEqual(got, 'echo:hi' + n);
        if (--left === 0) tcpServer.close();
      });
    })(i);
  }
});

// 3. A pipe server: the accepted handle is a Pipe.
// Relative: the test's temporary folder can make an absolute path too long for a socket.
var pipePath = 'nodus-accepted-handle-' + process.pid + '.sock';
try { fs.unlinkSync(pipePath); } catch (e) {}
var pipeServer = net.createServer(function(socket) {
  checkAccepted(socket, Pipe, 'pipe');
  socket.on('data', function(d) { socket.end(String(d).toUpperCase()); });
});
pipeServer.listen(pipePath, function() {
  var client = net.connect(pipePath);
  var got = '';
  client.setEncoding('utf8');
  client.write('pipe');
  client.on('data', function(d) { got += d; });
  client.on('end', function() {
    assert.strictEqual(got, 'PIPE');
    pipeServer.close();
  });
});

process.on('exit', function() {
  try { fs.unlinkSync(pipePath); } catch (e) {}
  assert.strictEqual(checked.tcp, 3);
  assert.strictEqual(checked.pipe, 1);
  // 20 handles, those at 0, 3, 6, ..., 18 (7) closed without a callback.
  assert.strictEqual(closeCallbacks, 13);
});
