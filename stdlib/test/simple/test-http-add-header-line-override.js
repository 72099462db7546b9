// The parser's header names arrive in lower case, so the server adds them to req.headers
// without calling toLowerCase. A program that replaces IncomingMessage#_addHeaderLine (old
// modules did, to see the raw lines) still gets every header line through it, and every
// trailer line with isTrailer true, as before.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var original = http.IncomingMessage.prototype._addHeaderLine;
var seen = [];
var replaced = false;

var server = http.createServer(function(req, res) {
  req.on('end', function() {
    if (!replaced) {
      // The fast path: names lower-cased, repeats joined, first of single headers kept.
      assert.deepEqual(req.headers, { 'x-one': 'A, B', 'host': 'h1', 'transfer-encoding':
                                      'chunked', 'connection': 'keep-alive' });
      assert.deepEqual(req.trailers, { 'x-trailer': 'T' });
    } else {
      assert.deepEqual(req.headers, { 'x-one': 'A, B', 'host': 'h1', 'transfer-encoding':
                                      'chunked', 'connection': 'close' });
      assert.deepEqual(req.trailers, { 'x-trailer': 'T' });
      assert.deepEqual(seen, [
        ['x-one', 'A', 2], ['host', 'h1', 2], ['x-one', 'B', 2], ['host', 'h2', 2],
        ['transfer-encoding', 'chunked', 2], ['connection', 'close', 2],
        ['x-trailer', 'T', 3]
      ]);
    }
    res.writeHead(200, {'Content-Length': 2});
    res.end('ok');
  });
});

function request(socket, connection) {
  socket.write('POST / HTTP/1.1\r\nX-One: A\r\nHost: h1\r\nX-ONE: B\r\nhost: h2\r\n' +
               'Transfer-Encoding: chunked\r\nConnection: ' + connection + '\r\n\r\n' +
               '1\r\nx\r\n0\r\nX-Trailer: T\r\n\r\n');
}

server.listen(common.PORT, function() {
  var socket = net.createConnection(server.address().port);
  var received = '';
  socket.setEncoding('utf8');
  socket.on('connect', function() { request(socket, 'keep-alive'); });
  socket.on('data', function(chunk) {
    received += chunk;
    if (!replaced && /ok$/.test(received)) {
      replaced = true;
      http.IncomingMessage.prototype._addHeaderLine = function(field, value) {
        seen.push([field, value, arguments.length]);
        return original.apply(this, arguments);
      };
      request(socket, 'close');
    }
  });
  socket.on('end', common.mustCall(function() {
    assert.equal(received.match(/HTTP\/1\.1 200 OK/g).length, 2);
    http.IncomingMessage.prototype._addHeaderLine = original;
    server.close();
  }));
});
