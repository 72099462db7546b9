// A connected net.Socket sent over fork()'s channel arrives in the child as a net.Socket that
// writes to the same connection.
var common = require('../common');
var assert = require('assert');
var net = require('net');
var path = require('path');
var fork = require('child_process').fork;

var child = fork(path.join(common.fixturesDir, 'fork-echo.js'));
var server = net.createServer(function(socket) {
  // Hand the connection over without reading from it here.
  socket.pause();
  child.send({ cmd: 'greet' }, socket);
  socket.destroy();
  server.close();
});

child.once('message', function(m) {
  assert.ok(m.ready);
  server.listen(common.PORT, '127.0.0.1', function() {
    var client = net.connect(server.address().port, '127.0.0.1');
    var data = '';
    client.setEncoding('utf8');
    client.on('data', function(d) { data += d; });
    client.on('end', common.mustCall(function() {
      assert.strictEqual(data, 'hello from child');
      child.kill();
    }));
  });
  child.on('message', common.mustCall(function(m, handle) {
    assert.deepEqual(m, { greeted: true });
    assert.strictEqual(handle, undefined);
  }));
});

child.on('exit', common.mustCall(function(code, signal) {
  assert.strictEqual(signal, 'SIGTERM');
}));
