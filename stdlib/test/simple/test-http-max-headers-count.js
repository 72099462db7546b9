// At most 2000 headers per message are kept (server.maxHeadersCount, as today's Node; the
// extra ones are dropped), so a peer cannot grow a request's header object without bound.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

function head(count) {
  var lines = ['GET / HTTP/1.1', 'Host: x'];
  for (var i = 0; i < count; i++) lines.push('h' + i + ': ' + i);
  return lines.join('\r\n') + '\r\n\r\n';
}

var seen = [];
var server = http.createServer(function(req, res) {
  seen.push(req.headers);
  res.writeHead(200, { 'Content-Length': 0 });
  res.end();
});
assert.strictEqual(server.maxHeadersCount, 2000);

function send(text, cb) {
  var c = net.connect(server.address().port, function() { c.end(text); });
  c.resume();
  c.on('close', cb);
}

server.listen(0, function() {
  send(head(2100), common.mustCall(function() {
    var keys = Object.keys(seen[0]);
    assert.strictEqual(keys.length, 2000);
    assert.strictEqual(seen[0].host, 'x');
    assert.strictEqual(seen[0].h1998, '1998');
    assert.strictEqual(seen[0].h1999, undefined);
    server.maxHeadersCount = 10;
    send(head(50), common.mustCall(function() {
      assert.strictEqual(Object.keys(seen[1]).length, 10);
      clientSide();
    }));
  }));
});

// A client keeps at most 2000 headers of a response too.
function clientSide() {
  server.close();
  var raw = net.createServer(function(socket) {
    socket.once('data', function() {
      var lines = ['HTTP/1.1 200 OK', 'Content-Length: 0', 'Connection: close'];
      for (var i = 0; i < 2100; i++) lines.push('r' + i + ': ' + i);
      socket.end(lines.join('\r\n') + '\r\n\r\n');
    });
  });
  raw.listen(0, function() {
    http.get({ port: raw.address().port, path: '/' }, common.mustCall(function(res) {
      assert.strictEqual(Object.keys(res.headers).length, 2000);
      res.resume();
      raw.close();
    }));
  });
}
