// The legacy http.createClient() client emits 'end' when its socket ends (here the server
// ends a response whose body runs until the connection closes).
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var body = '';
var server = net.createServer(function(socket) {
  socket.once('data', function() {
    socket.end('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbody until close');
  });
});
server.listen(0, function() {
  var client = http.createClient(server.address().port, 'localhost');
  client.on('end', common.mustCall(function() {}));
  var req = client.request('GET', '/', {});
  req.on('response', function(res) {
    res.setEncoding('utf8');
    res.on('data', function(d) { body += d; });
    res.on('end', function() { server.close(); });
  });
  req.end();
});
process.on('exit', function() {
  assert.strictEqual(body, 'body until close');
});
