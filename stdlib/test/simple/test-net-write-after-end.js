var common = require('../common');
var assert = require('assert');
var net = require('net');

// write() after our own end() emits 'error' "write after end" (and returns false); write()
// after the peer ended a non-half-open socket emits "This socket has been ended by the other
// party".
var server = net.createServer(common.mustCall(function(socket) {
  socket.on('end', common.mustCall(function() {
    assert.strictEqual(socket.write('too late'), false);
  }));
  socket.on('error', common.mustCall(function(e) {
    assert.strictEqual(e.message, 'This socket has been ended by the other party');
    assert.strictEqual(e.code, 'EPIPE');
    server.close();
  }));
}));

server.listen(0, function() {
  var client = net.connect(server.address().port, function() {
    client.end();
    assert.strictEqual(client.write('after end', common.mustCall(function(e) {
      assert.ok(e instanceof Error);
    })), false);
  });
  client.on('error', common.mustCall(function(e) {
    assert.strictEqual(e.message, 'write after end');
  }));
});
