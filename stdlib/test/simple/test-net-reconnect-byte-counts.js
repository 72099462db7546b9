// connect() on a closed socket starts bytesRead and bytesWritten again from 0.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var server = net.createServer(function(socket) {
  socket.on('data', function() {});
  socket.end('xyz');
});
server.listen(0, function() {
  var port = server.address().port;
  var socket = net.connect(port, function() { socket.end('12345'); });
  socket.on('data', function() {});
  socket.once('close', common.mustCall(function() {
    assert.strictEqual(socket.bytesWritten, 5);
    assert.strictEqual(socket.bytesRead, 3);
    socket.connect(port, common.mustCall(function() {
      assert.strictEqual(socket.bytesWritten, 0);
      assert.strictEqual(socket.bytesRead, 0);
      socket.end('ab');
    }));
    socket.once('close', common.mustCall(function() {
      assert.strictEqual(socket.bytesWritten, 2);
      assert.strictEqual(socket.bytesRead, 3);
      server.close();
    }));
  }));
});
