// A malformed request: the server emits 'clientError' with the parser's error, answers
// 400 Bad Request when nothing else is being answered on the connection, and closes it;
// the server keeps working.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  res.writeHead(200, {'Content-Length': 2, 'Connection': 'close'});
  res.end('ok');
});
server.on('clientError', common.mustCall(function(err) {
  assert.ok(err instanceof Error);
  assert.ok(/^HPE_/.test(err.code), err.code);
}));

server.listen(common.PORT, function() {
  var port = server.address().port;
  var client = net.createConnection(port);
  var received = '';
  client.setEncoding('utf8');
  client.on('connect', function() {
    client.write('GET / HTTP/1.1\r\nBad Header Line\r\n\r\n');
  });
  client.on('data', function(chunk) { received += chunk; });
  client.on('close', common.mustCall(function() {
    assert.equal(received, 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    http.get({port: port}, common.mustCall(function(res) {
      assert.equal(res.statusCode, 200);
      server.close();
    }));
  }));
});
