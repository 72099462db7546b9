// write(chunk, encoding) and end(data, encoding) honour the encoding of string data, also when
// the head goes out in the same write (first write, or writeHead + end), chunked or not.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  switch (req.url) {
    case '/hex-first-write':  // not chunked: the head and the first data share a write
      res.writeHead(200, {'Content-Length': 5});
      res.write('68656c6c6f', 'hex');
      res.end();
      break;
    case '/base64-end':  // writeHead + end(data): the one-write path
      res.writeHead(200, {'Content-Length': 5});
      res.end('aGVsbG8=', 'base64');
      break;
    case '/base64-end-chunked':
      res.writeHead(200, {});
      res.end('aGVsbG8=', 'base64');
      break;
    case '/ucs2-chunked':
      res.writeHead(200, {});
      res.write('hi', 'ucs2');
      res.end('\u00e9', 'binary');
      break;
    default:
      res.writeHead(200, {'Content-Length': 2, 'Connection': 'close'});
      res.end('\u00e9', 'utf8');
  }
});

server.listen(common.PORT, function() {
  var client = net.createConnection(server.address().port);
  var received = '';
  client.setEncoding('binary');
  client.on('connect', function() {
    client.write('GET /hex-first-write HTTP/1.1\r\n\r\nGET /base64-end HTTP/1.1\r\n\r\n' +
                 'GET /base64-end-chunked HTTP/1.1\r\n\r\nGET /ucs2-chunked HTTP/1.1\r\n\r\n' +
                 'GET /utf8 HTTP/1.1\r\n\r\n');
  });
  client.on('data', function(chunk) { received += chunk; });
  client.on('end', common.mustCall(function() {
    var ka = 'Connection: keep-alive\r\n';
    var chunked = ka + 'Transfer-Encoding: chunked\r\n\r\n';
    assert.equal(received,
                 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n' + ka + '\r\nhello' +
                 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n' + ka + '\r\nhello' +
                 'HTTP/1.1 200 OK\r\n' + chunked + '5\r\nhello\r\n0\r\n\r\n' +
                 'HTTP/1.1 200 OK\r\n' + chunked +
                 '4\r\nh\u0000i\u0000\r\n1\r\n\u00e9\r\n0\r\n\r\n' +
                 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n\u00c3\u00a9');
    server.close();
  }));
});
