var common = require('../common');
var assert = require('assert');
var net = require('net');

// server.close() stops accepting at once, but 'close' (and the close callback) wait until the
// open connection has ended.
var connectionClosed = false;
var server = net.createServer(common.mustCall(function(socket) {
  server.close(common.mustCall(function() {
    assert.strictEqual(connectionClosed, true);
    assert.strictEqual(server.connections, 0);
  }));
  assert.strictEqual(server.connections, 1);
  // The listening socket is gone: a new connection is refused.
  var late = net.connect(port, '127.0.0.1');
  late.on('error', common.mustCall(function(e) {
    assert.strictEqual(e.code, 'ECONNREFUSED');
    setTimeout(function() { socket.end('bye'); }, 20);
  }));
  socket.on('close', function() { connectionClosed = true; });
}));
var port;
server.listen(0, '127.0.0.1', function() {
  port = server.address().port;
  var client = net.connect(port, '127.0.0.1');
  client.on('end', common.mustCall());
});
