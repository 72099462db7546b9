// A request with Upgrade goes to the server's 'upgrade' listener with the socket and the bytes
// that followed the head; the socket then belongs to the listener (no HTTP response is sent).
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  assert.fail('request must not be emitted for an upgrade');
});
server.on('upgrade', common.mustCall(function(req, socket, head) {
  assert.equal(req.method, 'GET');
  assert.equal(req.url, '/chat');
  assert.equal(req.headers.upgrade, 'WebSocket');
  assert.equal(req.headers.connection, 'Upgrade');
  assert.ok(Buffer.isBuffer(head));
  assert.equal(head.toString(), 'first frame');
  assert.equal(socket.listeners('data').length, 0);
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: WebSocket\r\n' +
               'Connection: Upgrade\r\n\r\n');
  socket.on('data', function(data) {
    socket.end('echo:' + data);
  });
}));

server.listen(common.PORT, function() {
  var client = net.createConnection(server.address().port);
  var received = '';
  client.setEncoding('utf8');
  client.on('connect', function() {
    client.write('GET /chat HTTP/1.1\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\n\r\n' +
                 'first frame');
  });
  client.on('data', function(chunk) {
    received += chunk;
    if (/\r\n\r\n$/.test(received)) client.write('second');
  });
  client.on('end', common.mustCall(function() {
    assert.equal(received, 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: WebSocket\r\n' +
                 'Connection: Upgrade\r\n\r\necho:second');
    server.close();
  }));
});
