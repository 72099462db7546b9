// A response the parser rejects emits 'error' on the request (no 'response'), and the socket is
// closed.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = net.createServer(function(socket) {
  socket.on('data', function() {
    socket.write('HTTP/1.1 200 OK\r\nContent-Length: nope\r\n\r\nthis is no http');
  });
  socket.on('close', common.mustCall(function() { server.close(); }));
});

server.listen(common.PORT, function() {
  var req = http.get({port: server.address().port}, function() {
    assert.fail('no response expected');
  });
  req.on('error', common.mustCall(function(err) {
    assert.ok(err instanceof Error);
    assert.ok(/^HPE_/.test(err.code), err.code);
  }));
});
