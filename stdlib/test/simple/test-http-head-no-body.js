// A response to HEAD carries headers only: data written is dropped, no chunked encoding is
// announced, the connection stays usable, and an http client does not wait for a body.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  res.writeHead(200, {'Content-Type': 'text/plain', 'Content-Length': 11});
  res.end('hello world');
});

server.listen(common.PORT, function() {
  var port = server.address().port;
  // On the wire: the head, then nothing, and the next request is answered on the same socket.
  var client = net.createConnection(port);
  var received = '';
  client.setEncoding('utf8');
  client.on('connect', function() {
    client.write('HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n' +
                 'Connection: close\r\n\r\n');
  });
  client.on('data', function(chunk) { received += chunk; });
  client.on('end', common.mustCall(function() {
    var head = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n';
    assert.equal(received,
                 head + 'Connection: keep-alive\r\n\r\n' +
                 head + 'Connection: close\r\n\r\nhello world');

    // Through the client: 'end' comes without any 'data' although Content-Length is 11.
    var req = http.request({port: port, method: 'HEAD', path: '/'}, common.mustCall(function(res) {
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-length'], '11');
      res.on('data', function() { assert.fail('a HEAD response has no body'); });
      res.on('end', common.mustCall(function() { server.close(); }));
    }));
    req.end();
  }));
});
