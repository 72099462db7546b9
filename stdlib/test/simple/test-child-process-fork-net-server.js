// A listening server sent over fork()'s channel serves connections in the child: as a
// net.Server (rebuilt as one) and as a raw handle (`server._handle`, as the v0.6 docs send it).
// A server the child sends back serves in the parent. The senders close their own copies.
var common = require('../common');
var assert = require('assert');
var net = require('net');
var path = require('path');
var fork = require('child_process').fork;

var child = fork(path.join(common.fixturesDir, 'fork-echo.js'));

function expectChildAnswers(port, times, done) {
  var client = net.connect(port, '127.0.0.1');
  var data = '';
  client.setEncoding('utf8');
  client.on('data', function(d) { data += d; });
  client.on('end', function() {
    assert.strictEqual(data, 'child ' + child.pid);
    if (times > 1) expectChildAnswers(port, times - 1, done);
    else done();
  });
}

function sendServer(how, done) {
  var server = net.createServer(function() {
    assert.fail('the parent closed its copy of the server and must not accept');
  });
  server.listen(common.PORT, '127.0.0.1', function() {
    var port = server.address().port;
    child.once('message', function(m) {
      assert.deepEqual(m, { serving: true, how: how });
      expectChildAnswers(port, 3, done);
    });
    child.send({ cmd: 'serve' }, how === 'raw' ? server._handle : server);
    server.close();
  });
}

child.once('message', function(m) {
  assert.ok(m.ready);
  sendServer('server', function() {
    sendServer('raw', function() {
      child.send({ cmd: 'make-server' });
    });
  });
});

// The child's server, served here.
var servedHere = common.mustCall(function(m, server) {
  assert.ok(server instanceof net.Server);
  assert.strictEqual(typeof m.port, 'number');
  server.on('connection', function(socket) { socket.end('parent'); });
  var client = net.connect(m.port, '127.0.0.1');
  var data = '';
  client.setEncoding('utf8');
  client.on('data', function(d) { data += d; });
  client.on('end', common.mustCall(function() {
    assert.strictEqual(data, 'parent');
    server.close();
    child.kill();
  }));
});
child.on('message', function(m, handle) {
  if (m.port !== undefined) servedHere(m, handle);
});

child.on('exit', common.mustCall(function(code, signal) {
  assert.strictEqual(signal, 'SIGTERM');
}));
