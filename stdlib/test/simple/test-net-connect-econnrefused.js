var common = require('../common');
var assert = require('assert');
var net = require('net');

// Connecting to a port nobody listens on (one just closed) gives an 'error' with
// code ECONNREFUSED and syscall 'connect', then 'close' with had_error true; no 'connect'.
var server = net.createServer();
server.listen(0, '127.0.0.1', function() {
  var port = server.address().port;
  server.close(function() {
    var client = net.connect(port, '127.0.0.1');
    client.on('connect', function() { throw new Error('connected to a closed port'); });
    client.on('error', common.mustCall(function(e) {
      assert.ok(e instanceof Error);
      assert.strictEqual(e.code, 'ECONNREFUSED');
      assert.strictEqual(e.errno, 'ECONNREFUSED');
      assert.strictEqual(e.syscall, 'connect');
      assert.strictEqual(e.message, 'connect ECONNREFUSED');
    }));
    client.on('close', common.mustCall(function(hadError) {
      assert.strictEqual(hadError, true);
      assert.strictEqual(client.readyState, 'closed');
    }));
  });
});
