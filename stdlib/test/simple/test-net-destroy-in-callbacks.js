var common = require('../common');
var assert = require('assert');
var net = require('net');

// destroy() from inside 'connect', 'data' and 'connection' callbacks is safe: each socket
// closes once, nothing more is emitted after 'close', and the process exits.
var server = net.createServer(common.mustCall(function(socket) {
  socket.on('error', function() {});
  if (++connections === 1) {
    // First connection: the server destroys it in its 'connection' listener.
    socket.destroy();
    socket.destroy();  // Twice is harmless.
    assert.strictEqual(socket.readyState, 'closed');
  } else {
    socket.write('data for the client');
  }
}, 3));
var connections = 0;

server.listen(0, function() {
  var port = server.address().port;
  var pending = 3;
  function done() { if (--pending === 0) server.close(); }

  var a = net.connect(port);
  a.on('error', function() {});
  a.on('close', common.mustCall(done));

  var b = net.connect(port, common.mustCall(function() {
    b.destroy();
    b.write('ignored', function() {});  // Emits an error, does not throw.
  }));
  b.on('error', common.mustCall(function(e) { assert.ok(/closed|end/.test(e.message)); }));
  b.on('data', function() { throw new Error('data after destroy'); });
  b.on('close', common.mustCall(done));

  var c = net.connect(port);
  c.on('data', common.mustCall(function() {
    c.destroy();
    c.destroy();
  }));
  c.on('close', common.mustCall(done));
});
