// What an HTTP server keeps for a connection that has not sent a request (issue 16: idle
// connections): no parser and no request queues yet, no timer object, one plain listener per
// event (no once() wrappers), and the headers-timeout watch is dropped when the connection
// closes or is upgraded. Serving requests on such a connection afterwards, pipelined ones
// included, works as before.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  res.end('served ' + req.url);
});
server.on('upgrade', common.mustCall(function(req, socket, head) {
  assert.ok(!server._httpHeadersWatched.has(socket), 'an upgraded socket is not watched');
  socket.end('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n');
}));

// The check runs once both ends are up: the client connected and the server has set up its
// side (this listener runs after http's own 'connection' listener), in either order.
var idle = null;
var clientConnected = false;
server.on('connection', function(socket) {
  if (idle !== null) return;
  idle = socket;
  if (clientConnected) setImmediate(checkIdle);
});

var client, port, checkIdle;
server.listen(0, function() {
  port = server.address().port;
  client = net.connect(port, function() {
    clientConnected = true;
    if (idle !== null) setImmediate(checkIdle);
  });
  var reply = '';
  client.setEncoding('utf8');
  client.on('data', function(d) { reply += d; });

  checkIdle = function() {
    assert.ok(idle !== null);
    assert.ok(!idle.parser, 'no parser before the first byte');
    assert.ok(!('_httpIncoming' in idle) && !('_httpOutgoing' in idle), 'no request queues');
    // The idle timeout's timer is the socket itself, linked into the timers module's list.
    assert.strictEqual(idle._idleTimeout, 2 * 60 * 1000);
    assert.ok(idle._list !== null && idle._list.delay === idle._idleTimeout);
    assert.strictEqual(idle._timer, undefined, 'no timer object');
    ['close', 'timeout', 'end', 'error', 'drain'].forEach(function(type) {
      var list = idle.listeners(type);
      assert.strictEqual(list.length, 1, type);
      assert.strictEqual(list[0].listener, undefined, type + ' is not a once() wrapper');
    });
    assert.ok(server._httpHeadersWatched.has(idle));
    // Two pipelined requests on the connection that was idle.
    client.write('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  };

  client.on('close', common.mustCall(function() {
    assert.ok(/served \/a[\s\S]*served \/b/.test(reply), reply);
    assert.ok(!server._httpHeadersWatched.has(idle), 'a closed socket is not watched');
    var upgrading = net.connect(port, function() {
      upgrading.write('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n');
    });
    upgrading.resume();
    upgrading.on('close', common.mustCall(function() {
      server.close();
    }));
  }));
});
