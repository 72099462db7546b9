// On an upgrade the client emits 'upgrade' before the socket's 'agentRemove', as v0.6.3 did.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var events = [];
var server = http.createServer();
server.on('upgrade', function(req, socket, head) {
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n');
  socket.end();
});
server.listen(0, function() {
  var req = http.request({
    port: server.address().port, path: '/', headers: { Connection: 'Upgrade', Upgrade: 'test' }
  });
  req.on('socket', function(socket) {
    socket.on('agentRemove', function() { events.push('agentRemove'); });
  });
  req.on('upgrade', common.mustCall(function(res, socket, head) {
    events.push('upgrade');
    socket.destroy();
    server.close();
  }));
  req.end();
});
process.on('exit', function() {
  assert.deepEqual(events, ['upgrade', 'agentRemove']);
});
