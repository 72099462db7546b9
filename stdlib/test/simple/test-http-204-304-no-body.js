// 204 and 304 responses have no body: no Transfer-Encoding is added, data is not sent, and the
// next response on the connection follows directly.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  if (req.url === '/204') {
    res.writeHead(204, {'X-A': 'a'});
    res.end();
  } else if (req.url === '/304') {
    res.statusCode = 304;
    res.write('dropped');
    res.end('also dropped');
  } else {
    res.writeHead(200, {'Content-Length': 2});
    res.end('ok');
  }
});

server.listen(common.PORT, function() {
  var port = server.address().port;
  var client = net.createConnection(port);
  var received = '';
  client.setEncoding('utf8');
  client.on('connect', function() {
    client.write('GET /204 HTTP/1.1\r\n\r\nGET /304 HTTP/1.1\r\n\r\n' +
                 'GET /200 HTTP/1.1\r\nConnection: close\r\n\r\n');
  });
  client.on('data', function(chunk) { received += chunk; });
  client.on('end', common.mustCall(function() {
    assert.equal(received,
                 'HTTP/1.1 204 No Content\r\nX-A: a\r\nConnection: keep-alive\r\n\r\n' +
                 'HTTP/1.1 304 Not Modified\r\nConnection: keep-alive\r\n\r\n' +
                 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
    // The client sees both without waiting for a body.
    var done = 0;
    ['/204', '/304'].forEach(function(path) {
      http.get({port: port, path: path}, common.mustCall(function(res) {
        assert.equal(res.statusCode, Number(path.slice(1)));
        res.on('data', function() { assert.fail('no body expected'); });
        res.on('end', common.mustCall(function() {
          if (++done === 2) server.close();
        }));
      }));
    });
  }));
});
