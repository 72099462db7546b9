// An HTTP/1.0 client that asks for keep-alive keeps its connection when the response has a
// Content-Length (no chunking is possible for 1.0); without one the server must close instead.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  if (req.url === '/length') {
    res.writeHead(200, {'Content-Length': 5});
    res.end('fixed');
  } else {
    res.writeHead(200, {});
    res.end('until close');
  }
});

server.listen(common.PORT, function() {
  var client = net.createConnection(server.address().port);
  var received = '';
  var step = 0;
  client.setEncoding('utf8');
  client.on('connect', function() {
    client.write('GET /length HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
  });
  client.on('data', function(chunk) {
    received += chunk;
    if (step === 0 && /fixed$/.test(received)) {
      step = 1;
      assert.equal(received,
                   'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nfixed');
      received = '';
      // Still open: a second request on the same connection.
      client.write('GET /other HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
    }
  });
  client.on('end', common.mustCall(function() {
    assert.equal(step, 1);
    assert.equal(received, 'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil close');
    server.close();
  }));
});
