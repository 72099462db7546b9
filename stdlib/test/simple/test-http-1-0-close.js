// An HTTP/1.0 request (no keep-alive) gets a response without chunked encoding, with
// Connection: close, and the server closes the connection after the body.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(common.mustCall(function(req, res) {
  assert.equal(req.httpVersion, '1.0');
  assert.equal(req.httpVersionMajor, 1);
  assert.equal(req.httpVersionMinor, 0);
  res.writeHead(200, {'Content-Type': 'text/plain'});
  res.write('hello ');
  res.end('world\n');
}));

server.listen(common.PORT, function() {
  var client = net.createConnection(server.address().port);
  var received = '';
  client.setEncoding('utf8');
  client.on('connect', function() {
    client.write('GET / HTTP/1.0\r\n\r\n');
  });
  client.on('data', function(chunk) { received += chunk; });
  // The server ends the connection; the client never does.
  client.on('end', common.mustCall(function() {
    assert.equal(received,
                 'HTTP/1.1 200 OK\r\n' +
                 'Content-Type: text/plain\r\n' +
                 'Connection: close\r\n' +
                 '\r\n' +
                 'hello world\n');
    server.close();
  }));
});
