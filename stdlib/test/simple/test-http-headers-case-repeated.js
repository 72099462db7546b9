// Incoming header names are lower-cased and values kept as sent. Repeated headers: set-cookie
// becomes an array, headers that occur once by nature keep the first value, others are joined
// with ', '.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(common.mustCall(function(req, res) {
  assert.equal(req.headers['x-mixed-case'], 'Value With Case');
  assert.equal(req.headers['content-type'], 'text/first');  // first wins
  assert.equal(req.headers['host'], 'first.example');
  assert.equal(req.headers['user-agent'], 'agent-1');
  assert.equal(req.headers['accept'], 'text/html, text/plain');  // joined
  assert.equal(req.headers['x-custom'], 'a, b, c');
  assert.deepEqual(req.headers['set-cookie'], ['a=1', 'b=2']);
  assert.equal(Object.keys(req.headers).filter(function(k) {
    return k !== k.toLowerCase();
  }).length, 0);
  // Response headers keep their case on the wire; repeated ones from an array.
  res.writeHead(200, {
    'Set-Cookie': ['x=1', 'y=2'], 'X-Response': 'One', 'Content-Length': 0
  });
  res.end();
}));

server.listen(common.PORT, function() {
  var port = server.address().port;
  var client = net.createConnection(port);
  client.on('connect', function() {
    client.write('POST / HTTP/1.1\r\n' +
                 'X-MIXED-Case: Value With Case\r\n' +
                 'Content-Type: text/first\r\n' +
                 'content-type: text/second\r\n' +
                 'Host: first.example\r\nHOST: second.example\r\n' +
                 'User-Agent: agent-1\r\nUser-Agent: agent-2\r\n' +
                 'Accept: text/html\r\nAccept: text/plain\r\n' +
                 'X-Custom: a\r\nx-custom: b\r\nX-CUSTOM: c\r\n' +
                 'Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n' +
                 'Content-Length: 0\r\nConnection: close\r\n\r\n');
  });
  var received = '';
  client.setEncoding('utf8');
  client.on('data', function(chunk) { received += chunk; });
  client.on('end', common.mustCall(function() {
    assert.equal(received, 'HTTP/1.1 200 OK\r\nSet-Cookie: x=1\r\nSet-Cookie: y=2\r\n' +
                 'X-Response: One\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    server.close();
  }));
});
