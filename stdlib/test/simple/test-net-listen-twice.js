// listen() on a server that is already listening keeps its handle and emits 'listening' again
// instead of throwing, as v0.6.3 did.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var server = net.createServer();
var listening = 0;
server.on('listening', function() { listening++; });
server.listen(0, common.mustCall(function() {
  var port = server.address().port;
  var handle = server._handle;
  server.listen(0, common.mustCall(function() {
    assert.strictEqual(server._handle, handle);
    assert.strictEqual(server.address().port, port);
    assert.strictEqual(listening, 2);
    server.close();
  }));
}));
