// A 101 response to a client request with Upgrade goes to the request's 'upgrade' listener with
// the response, the socket and the bytes that followed the response head.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = net.createServer(function(socket) {
  var received = '';
  socket.setEncoding('utf8');
  socket.on('data', function(chunk) {
    received += chunk;
    if (/\r\n\r\n$/.test(received)) {
      assert.ok(/^GET \/up HTTP\/1.1\r\n/.test(received), received);
      assert.ok(/\r\nUpgrade: dummy\r\n/.test(received), received);
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: dummy\r\n' +
                   'Connection: Upgrade\r\n\r\nnew protocol');
    } else if (/ping$/.test(received)) {
      socket.end('pong');
    }
  });
});

server.listen(common.PORT, function() {
  var req = http.request({
    port: server.address().port, path: '/up',
    headers: {'Connection': 'Upgrade', 'Upgrade': 'dummy'}
  });
  req.on('response', function() { assert.fail('upgrade expected'); });
  req.on('upgrade', common.mustCall(function(res, socket, head) {
    assert.equal(res.statusCode, 101);
    assert.equal(res.headers.upgrade, 'dummy');
    assert.equal(head.toString(), 'new protocol');
    var rest = '';
    socket.on('data', function(d) { rest += d; });
    socket.on('end', common.mustCall(function() {
      assert.equal(rest, 'pong');
      server.close();
    }));
    socket.write('ping');
  }));
  req.end();
});
