// A socket accepted by a server emits 'connect' right after the server's 'connection', as in
// v0.6.3.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var order = [];
var server = net.createServer(common.mustCall(function(socket) {
  order.push('connection');
  socket.on('connect', common.mustCall(function() {
    order.push('connect');
  }));
  socket.end();
  server.close();
}));
server.listen(0, function() {
  net.connect(server.address().port).resume();
});
process.on('exit', function() {
  assert.deepEqual(order, ['connection', 'connect']);
});
