// Pipelined requests arrive in one packet; the responses are finished in reverse order (later
// requests answered sooner) but go out on the wire in request order.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var N = 5;
var seen = [];
var server = http.createServer(function(req, res) {
  var n = Number(req.url.slice(1));
  seen.push(n);
  setTimeout(function() {
    res.writeHead(200, {'Content-Type': 'text/plain', 'X-N': n});
    res.write('response ');
    res.end(String(n));
  }, (N - n) * 20);
});

server.listen(common.PORT, function() {
  var client = net.createConnection(server.address().port);
  var received = '';
  client.setEncoding('utf8');
  client.on('connect', function() {
    var all = '';
    for (var i = 0; i < N; i++) all += 'GET /' + i + ' HTTP/1.1\r\nHost: x\r\n\r\n';
    all = all.replace(/\r\n\r\n$/, '\r\nConnection: close\r\n\r\n');
    client.write(all);
  });
  client.on('data', function(chunk) { received += chunk; });
  client.on('end', common.mustCall(function() {
    assert.deepEqual(seen, [0, 1, 2, 3, 4]);
    var order = [];
    received.replace(/X-N: (\d+)\r\n/g, function(m, n) { order.push(Number(n)); });
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
    var bodies = [];
    received.replace(/response \r\n1\r\n(\d)\r\n/g, function(m, n) { bodies.push(Number(n)); });
    assert.deepEqual(bodies, [0, 1, 2, 3, 4]);
    // The last request asked to close, so its response says so and ends the connection.
    assert.equal(received.split('Connection: close\r\n').length, 2);
    server.close();
  }));
});
