// The server's headers-timeout check is one interval per server. It starts with the first
// connection, stays while connections come and go (no interval set and cleared per connection),
// stops itself at its first check that finds none watched, and never keeps the process alive:
// once the server is closed the process exits although the interval was still set.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  res.end('ok');
});
// Checked every 5 s. A connection that sends nothing stays watched while the two requests come
// and go, so no check can find the set empty between them however slow the machine is.
server.headersTimeout = 60000;

function request(port, cb) {
  var c = net.connect(port, function() {
    c.end('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  c.on('data', function() {});
  c.on('close', cb);
}

server.listen(0, common.mustCall(function() {
  var port = server.address().port;
  var idle = net.connect(port);
  idle.on('error', function() {});
  request(port, function() {
    var timer = server._httpHeadersTimer;
    assert.ok(timer, 'the check runs once a connection came');
    request(port, function() {
      // The same interval served the second connection.
      assert.strictEqual(server._httpHeadersTimer, timer);
      // Its next check finds nothing to watch and stops it, once the idle socket is gone too.
      idle.destroy();
      var start = Date.now();
      var poll = setInterval(function() {
        var waited = Date.now() - start;
        if (server._httpHeadersTimer === null) {
          clearInterval(poll);
          // Started again by a new connection; then the server closes with it set.
          request(port, common.mustCall(function() {
            assert.ok(server._httpHeadersTimer);
            server.close();
          }));
        } else {
          assert.ok(waited < 30000, 'the headers check did not stop');
        }
      }, 50);
    });
  });
}));
