// The client keeps a connection only when the response says Connection: keep-alive, as in
// v0.6.3: an HTTP/1.1 response without the header closes the socket after the body.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = net.createServer(function(socket) {
  socket.on('data', function() {
    socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
  });
});
server.listen(0, function() {
  var agent = new http.Agent({ maxSockets: 1 });
  var req = http.get({ port: server.address().port, path: '/', agent: agent }, function(res) {
    res.on('data', function() {});
    res.on('end', common.mustCall(function() {
      assert.strictEqual(req.shouldKeepAlive, false);
    }));
  });
  req.on('socket', function(socket) {
    socket.on('close', common.mustCall(function() {
      server.close();
    }));
  });
});
