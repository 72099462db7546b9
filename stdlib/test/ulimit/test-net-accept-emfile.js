// Run with a low descriptor limit (see stdlib/BUILD.bazel: ulimit -n 64). Clients open
// connections until descriptors run out; the server must keep running, and once descriptors
// are free again a new connection must be accepted and served.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var served = 0;
var server = net.createServer(function(socket) {
  served++;
  socket.on('error', function() {});
  socket.on('data', function(d) { socket.end('echo:' + d); });
});
server.on('error', function(err) {
  // Accept failures are reported; the server keeps listening.
  assert.ok(err.code === 'EMFILE' || err.code === 'ENFILE', err.code);
});

var clients = [];
var clientErrors = 0;

// Each client is opened once the one before has connected, until one fails: how fast the
// attempts go (the machine's load) does not matter, only that descriptors run out.
server.listen(0, '127.0.0.1', function() {
  var port = server.address().port;
  function openMore() {
    if (clientErrors > 0) return;
    if (clients.length > 1000) return recover(port);
    var c = net.connect(port, '127.0.0.1', openMore);
    c.on('error', function() {
      if (++clientErrors === 1) recover(port);
    });
    clients.push(c);
  }
  openMore();
});

function recover(port) {
  assert.ok(clientErrors > 0, 'the descriptor limit was never reached; is ulimit -n low?');
  clients.forEach(function(c) { c.destroy(); });
  setTimeout(function() {
    var c = net.connect(port, '127.0.0.1', function() { c.write('ping'); });
    var reply = '';
    c.on('data', function(d) { reply += d; });
    c.on('end', common.mustCall(function() {
      assert.equal(reply, 'echo:ping');
      server.close();
    }));
  }, 200);
}
