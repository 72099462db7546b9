// writeHead(status, [reasonPhrase], [headers]): a custom reason phrase, the standard one
// otherwise, headers given as an object or an array of pairs merged over setHeader() ones;
// an invalid status code throws.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  if (req.url === '/reason') {
    assert.throws(function() { res.writeHead('abc'); }, RangeError);
    assert.throws(function() { res.writeHead(99); }, RangeError);
    res.writeHead(201, 'Made It', {'Content-Length': 3});
    res.end('new');
  } else if (req.url === '/merge') {
    res.setHeader('X-From-Set', 'set');
    res.setHeader('X-Both', 'from setHeader');
    res.writeHead(202, {'X-Both': 'from writeHead', 'Content-Length': 0});
    assert.equal(res.statusCode, 202);
    res.end();
  } else {
    res.writeHead(299, [['X-Pair', '1'], ['X-Pair', '2'], ['Content-Length', '0']]);
    res.end();
  }
});

server.listen(common.PORT, function() {
  var client = net.createConnection(server.address().port);
  var received = '';
  client.setEncoding('utf8');
  client.on('connect', function() {
    client.write('GET /reason HTTP/1.1\r\n\r\nGET /merge HTTP/1.1\r\n\r\n' +
                 'GET /pairs HTTP/1.1\r\nConnection: close\r\n\r\n');
  });
  client.on('data', function(chunk) { received += chunk; });
  client.on('end', common.mustCall(function() {
    assert.equal(received,
                 'HTTP/1.1 201 Made It\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\nnew' +
                 'HTTP/1.1 202 Accepted\r\nX-From-Set: set\r\nX-Both: from writeHead\r\n' +
                 'Content-Length: 0\r\nConnection: keep-alive\r\n\r\n' +
                 'HTTP/1.1 299 unknown\r\nX-Pair: 1\r\nX-Pair: 2\r\nContent-Length: 0\r\n' +
                 'Connection: close\r\n\r\n');
    server.close();
  }));
});
