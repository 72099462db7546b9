// Bytes the native HTTP parser consumes count toward socket.bytesRead and are activity for the
// socket's idle timer (an upload streaming for long is not cut off by setTimeout): the
// connection's first read (announced to JS, which makes the parser: see http.js
// connectionListener) and the body, sent once the server has answered the head.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var request = 'POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n';
var server = http.createServer(common.mustCall(function(req, res) {
  var socket = req.socket;
  socket.setTimeout(60 * 1000);
  socket.on('timeout', function() { assert.fail('timed out although bytes came'); });
  req.once('data', common.mustCall(function() {
    // The idle timer's expiry, as the timers module calls it: a read came just now, so the
    // timer is re-armed and no 'timeout' is emitted.
    socket._onTimeout();
  }));
  req.resume();
  req.on('end', common.mustCall(function() {
    assert.strictEqual(socket.bytesRead, request.length + 10);
    socket.setTimeout(0);
    res.end('ok');
    server.close();
  }));
  res.writeHead(200);
  res.write('go');
}));
server.listen(0, function() {
  var c = net.connect(server.address().port, function() {
    c.write(request);
    c.once('data', function() {
      c.write('01234');
      setTimeout(function() { c.end('56789'); }, 10);
    });
  });
  c.resume();
});
