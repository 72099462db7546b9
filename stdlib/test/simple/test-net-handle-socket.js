// A socket's handle points back at it as socket._handle.socket (socket.io's transports read
// it), for client and accepted sockets alike.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var server = net.createServer(common.mustCall(function(socket) {
  assert.strictEqual(socket._handle.socket, socket);
  socket.end();
  server.close();
}));
server.listen(0, function() {
  var client = net.connect(server.address().port);
  assert.strictEqual(client._handle.socket, client);
  client.resume();
});
