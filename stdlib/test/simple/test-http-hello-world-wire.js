// The front-page server: the exact bytes of its response on the wire, read by a raw net client.
// v0.6.3 sends the given headers, then Connection: keep-alive and Transfer-Encoding: chunked
// (no Date header), and the body as one chunk followed by the last chunk.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(common.mustCall(function(req, res) {
  assert.equal(req.method, 'GET');
  assert.equal(req.url, '/');
  res.writeHead(200, {'Content-Type': 'text/plain'});
  res.end('Hello World\n');
}));

server.listen(common.PORT, '127.0.0.1', function() {
  var client = net.createConnection(server.address().port, '127.0.0.1');
  var received = '';
  client.setEncoding('binary');
  client.on('connect', function() {
    client.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  });
  client.on('data', function(chunk) {
    received += chunk;
    if (/0\r\n\r\n$/.test(received)) {
      // The connection is kept alive: the client closes it.
      client.end();
    }
  });
  client.on('end', common.mustCall(function() {
    assert.equal(received,
                 'HTTP/1.1 200 OK\r\n' +
                 'Content-Type: text/plain\r\n' +
                 'Connection: keep-alive\r\n' +
                 'Transfer-Encoding: chunked\r\n' +
                 '\r\n' +
                 'c\r\nHello World\n\r\n' +
                 '0\r\n\r\n');
    server.close();
  }));
});
