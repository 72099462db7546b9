var common = require('../common');
var assert = require('assert');
var net = require('net');

// A connection the peer resets is destroyed without an error, as in v0.6.3 (its onread passed
// ECONNRESET over; only v0.10 reported it): no 'error', no 'end', and 'close' with hadError
// false. Every other read error is still an 'error'. node-postgres 0.7's pool keeps an 'error'
// listener on a client only while the client is in use, and a server that drops a connection it
// did not read to the end (PostgreSQL killing a backend) resets it.
// The reset: the server stops reading, the client writes, and once the bytes are written the
// server destroys its side with them unread, which makes the kernel answer with a reset.
var serverSide = null, clientConnected = false;
var server = net.createServer(function(socket) {
  socket.pause();
  serverSide = socket;
  socket.on('close', common.mustCall(function(hadError) {
    assert.strictEqual(hadError, false);
    server.close();
  }));
  maybeWrite();
});

var client;
server.listen(0, '127.0.0.1', function() {
  client = net.connect(server.address().port, '127.0.0.1', function() {
    clientConnected = true;
    maybeWrite();
  });
  client.on('error', function(e) {
    assert.ok(false, 'the reset was reported as an error: ' + e.message);
  });
  client.on('end', function() {
    assert.ok(false, "'end' on a reset connection");
  });
  client.on('close', common.mustCall(function(hadError) {
    assert.strictEqual(hadError, false);
    assert.strictEqual(client.destroyed, true);
    assert.strictEqual(client.readable, false);
    assert.strictEqual(client.writable, false);
  }));
});

function maybeWrite() {
  if (serverSide === null || !clientConnected) return;
  client.write('unread by the server', common.mustCall(function() {
    serverSide.destroy();
  }));
}
