// A socket handed to an 'upgrade' listener keeps the server's error listener: an error on the
// upgraded connection (the peer gone while the server writes) is a 'clientError', never an
// uncaught exception.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer();
server.on('upgrade', function(req, socket, head) {
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n');
  // Writes until the peer's close makes one fail.
  var timer = setInterval(function() {
    if (!socket.writable) return clearInterval(timer);
    socket.write('data');
  }, 5);
  socket.on('close', function() { clearInterval(timer); });
});
server.on('clientError', common.mustCall(function(e) {
  assert.ok(e instanceof Error);
  server.close();
}));
server.listen(0, function() {
  var client = net.connect(server.address().port, function() {
    client.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: test\r\n\r\n');
  });
  client.once('data', function() {
    client.destroy();
  });
});
