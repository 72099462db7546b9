// A keep-alive HTTP server whose socket the HTTP parser consumes natively (no 'data' event per
// read) is busy, not idle: every read the parser takes enters JS through a CallbackScope, which
// counts it as activity (process.binding('process_methods').activityCount(), what the idle
// collection in runtime/core/environment.cc reads before it starts a full GC). The parser's
// native read path used to enter JS by hand and count nothing, so a server that only served
// keep-alive requests looked idle to the collector.
//
// The client runs in a child process (this file with the argument 'client'), so that only the
// server's own activity is counted here. It sends REQUESTS requests on one connection, each
// after the previous response: each arrives in a read of its own.
var REQUESTS = 20;

if (process.argv[2] === 'client') {
  var net = require('net');
  var n = 0;
  var received = '';
  var socket = net.connect(Number(process.argv[3]), '127.0.0.1', function() { send(); });
  function send() {
    socket.write('GET /' + n + ' HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
  }
  socket.on('data', function(data) {
    received += data;
    if (received.indexOf('ok' + n + '.') === -1) return;
    received = '';
    n++;
    if (n === REQUESTS) {
      socket.end();
    } else {
      send();
    }
  });
  return;
}

require('../common');
var assert = require('assert');
var http = require('http');
var spawn = require('child_process').spawn;
var methods = process.binding('process_methods');

var served = 0;
var first = null;
var last = null;
var server = http.createServer(function(req, res) {
  var body = 'ok' + req.url.slice(1) + '.';
  res.writeHead(200, { 'Content-Length': body.length });
  res.end(body);
  served++;
  if (served === 1) first = methods.activityCount();
  if (served === REQUESTS) last = methods.activityCount();
});

server.listen(0, '127.0.0.1', function() {
  var child = spawn(process.execPath, [__filename, 'client', String(server.address().port)]);
  child.stderr.pipe(process.stderr);
  child.on('exit', function(code) {
    assert.equal(code, 0);
    server.close();
  });
});

process.on('exit', function() {
  assert.equal(served, REQUESTS);
  // Requests 2..REQUESTS each came in a read of their own, taken by the parser natively.
  assert.ok(last - first >= REQUESTS - 1,
            'activity counted for ' + (REQUESTS - 1) + ' natively parsed requests: ' +
            (last - first));
});
