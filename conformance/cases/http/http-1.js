// http.markdown example 1: the js-value showing how message headers are represented.
// adaptation: the literal is what a server must see in request.headers for a request that sends
// these headers (with mixed-case names, as clients do); the case sends them over a raw
// connection (with the 123-byte body the Content-Length announces) and compares.
var assert = require('assert');
var http = require('http');
var net = require('net');

var expected = { 'content-length': '123',
  'content-type': 'text/plain',
  'connection': 'keep-alive',
  'accept': '*/*' };

var seen = false;
var server = http.createServer(function(request, response) {
  assert.deepEqual(request.headers, expected);  // Keys are lowercased. Values are not modified.
  seen = true;
  request.on('end', function() {
    response.writeHead(200, {'Content-Length': 0, 'Connection': 'close'});
    response.end();
  });
});
server.listen(0, function() {
  var client = net.connect(server.address().port, function() {
    client.write('POST / HTTP/1.1\r\nContent-Length: 123\r\nContent-Type: text/plain\r\n' +
                 'Connection: keep-alive\r\nAccept: */*\r\n\r\n' + new Array(124).join('x'));
  });
  client.on('data', function() {});
  client.on('end', function() { server.close(); });
});
process.on('exit', function() { assert.ok(seen); });
