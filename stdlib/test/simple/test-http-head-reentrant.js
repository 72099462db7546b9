// A header value that is not a string is turned into one by its toString, the program's code,
// which may make another response's head meanwhile (the server builds heads in a shared array:
// the inner head must get one of its own). Both heads go out as made, and so do the heads after.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var first = null;
var server = http.createServer(function(req, res) {
  if (req.url === '/first') {
    first = res;
    return;
  }
  if (req.url === '/second') {
    var sneaky = {
      toString: function() {
        first.writeHead(201, {'X-Inner': 'inner', 'Content-Length': 1});
        first.end('1');
        return 'outer';
      }
    };
    res.writeHead(200, {'X-Before': 'before', 'X-Outer': sneaky, 'Content-Length': 1});
    res.end('2');
    return;
  }
  res.writeHead(200, {'X-Before': 'before', 'Content-Length': 1});
  res.end('3');
});

server.listen(common.PORT, '127.0.0.1', function() {
  var client = net.connect(server.address().port, '127.0.0.1');
  client.write('GET /first HTTP/1.1\r\nHost: x\r\n\r\n' +
               'GET /second HTTP/1.1\r\nHost: x\r\n\r\n' +
               'GET /third HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  var received = '';
  client.setEncoding('utf8');
  client.on('data', function(chunk) { received += chunk; });
  client.on('end', common.mustCall(function() {
    assert.strictEqual(received,
        'HTTP/1.1 201 Created\r\nX-Inner: inner\r\nContent-Length: 1\r\n' +
        'Connection: keep-alive\r\n\r\n1' +
        'HTTP/1.1 200 OK\r\nX-Before: before\r\nX-Outer: outer\r\nContent-Length: 1\r\n' +
        'Connection: keep-alive\r\n\r\n2' +
        'HTTP/1.1 200 OK\r\nX-Before: before\r\nContent-Length: 1\r\nConnection: close\r\n\r\n3');
    server.close();
  }));
});
