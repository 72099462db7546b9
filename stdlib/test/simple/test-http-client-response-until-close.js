// A response without Content-Length or chunking (an HTTP/1.0-style server) lasts until the
// server closes the connection: the client gets the whole body, then 'end', and no error.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = net.createServer(function(socket) {
  socket.once('data', function() {
    socket.write('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nfirst part, ');
    setTimeout(function() { socket.end('second part'); }, 20);
  });
});

server.listen(common.PORT, function() {
  var req = http.get({port: server.address().port}, common.mustCall(function(res) {
    assert.equal(res.httpVersion, '1.0');
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function(chunk) { body += chunk; });
    res.on('end', common.mustCall(function() {
      assert.equal(body, 'first part, second part');
      server.close();
    }));
  }));
  req.on('error', function(e) { assert.fail('unexpected error: ' + e); });
});
