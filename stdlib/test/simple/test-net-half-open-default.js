var common = require('../common');
var assert = require('assert');
var net = require('net');

// Without allowHalfOpen, a server socket ends its side when the client ends: the client sees
// 'end' and both sides close.
var server = net.createServer(common.mustCall(function(socket) {
  assert.strictEqual(socket.allowHalfOpen, false);
  socket.on('end', common.mustCall(function() {
    assert.strictEqual(socket.readable, false);
    assert.strictEqual(socket.writable, false);
  }));
  socket.on('close', common.mustCall(function(hadError) {
    assert.strictEqual(hadError, false);
    server.close();
  }));
}));

server.listen(0, function() {
  var client = net.connect(server.address().port, function() {
    client.end();
    assert.strictEqual(client.readyState, 'readOnly');
  });
  client.on('end', common.mustCall(function() {
    assert.strictEqual(client.readyState, 'closed');
  }));
  client.on('close', common.mustCall());
});
