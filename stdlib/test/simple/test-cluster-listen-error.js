// A worker listening on a port the master cannot bind gets the bind error as the server's
// 'error' event (EADDRINUSE here), and goes on running.
var common = require('../common');
var assert = require('assert');
var cluster = require('cluster');
var net = require('net');

if (cluster.isWorker) {
  var port = Number(process.env.TEST_BUSY_PORT);
  var server = net.createServer();
  server.on('error', function(e) {
    process.send({ code: e.code, syscall: e.syscall });
  });
  server.on('listening', function() { process.send({ listening: true }); });
  server.listen(port, '127.0.0.1');
  return;
}

var busy = net.createServer().listen(common.PORT, '127.0.0.1', function() {
  process.env.TEST_BUSY_PORT = String(busy.address().port);
  var worker = cluster.fork();
  worker.on('message', common.mustCall(function(m) {
    assert.deepEqual(m, { code: 'EADDRINUSE', syscall: 'bind' });
    worker.kill();
    busy.close();
  }));
});
cluster.on('death', common.mustCall(function() {}));
