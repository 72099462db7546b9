var common = require('../common');
var assert = require('assert');
var net = require('net');

// An idle socket gets 'timeout' (once per idle period, the socket stays open); the callback
// passed to setTimeout is a once-listener; setTimeout(0) disarms it.
var server = net.createServer(function(socket) {
  socket.on('end', function() { socket.end(); });
});

server.listen(0, function() {
  var client = net.connect(server.address().port, function() {
    client.setTimeout(20, common.mustCall(function() {
      assert.strictEqual(client.readyState, 'open');
      client.setTimeout(0);
      // Disarmed: nothing more fires even after more than the old timeout.
      setTimeout(function() {
        client.end();
      }, 60);
    }));
  });
  client.on('timeout', common.mustCall(function() {}, 1));
  client.on('close', common.mustCall(function() { server.close(); }));
});
