// HTTP/1.1 connections are persistent: several requests are answered on one connection, each
// response says Connection: keep-alive, and the server does not close it after a response.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var requests = 0;
var server = http.createServer(function(req, res) {
  requests++;
  res.writeHead(200, {'Content-Length': 2});
  res.end(String(requests * 10));
});

server.on('connection', common.mustCall(function() {}));  // One connection for all three.

server.listen(common.PORT, function() {
  var client = net.createConnection(server.address().port);
  var received = '';
  var sent = 0;
  client.setEncoding('utf8');
  function send() {
    sent++;
    client.write('GET /' + sent + ' HTTP/1.1\r\nHost: x\r\n\r\n');
  }
  client.on('connect', send);
  client.on('data', function(chunk) {
    received += chunk;
    var responses = received.split('HTTP/1.1 200 OK').length - 1;
    if (responses === sent && /\r\n\r\n\d\d$/.test(received)) {
      if (sent < 3) send();
      else client.end();
    }
  });
  client.on('close', common.mustCall(function() {
    assert.equal(requests, 3);
    var parts = received.split('HTTP/1.1 200 OK\r\n').slice(1);
    assert.equal(parts.length, 3);
    parts.forEach(function(part, i) {
      assert.ok(/Connection: keep-alive\r\n/.test(part), part);
      assert.ok(new RegExp('\r\n\r\n' + (i + 1) * 10 + '$').test(part), part);
    });
    server.close();
  }));
});
