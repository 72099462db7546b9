var common = require('../common');
var assert = require('assert');
var net = require('net');
var path = require('path');
var fs = require('fs');

// listen(path) and connect(path) over a Unix domain socket; the socket file is removed when
// the server closes. The path is relative to the scratch directory: Bazel's TEST_TMPDIR is too
// long for a socket path (107 bytes at most).
process.chdir(common.tmpDir);
var sockPath = 'nodus-test-net-' + process.pid + '.sock';
try { fs.unlinkSync(sockPath); } catch (e) {}

var server = net.createServer(common.mustCall(function(socket) {
  socket.end('over unix');
}));
server.listen(sockPath, common.mustCall(function() {
  assert.strictEqual(server.address(), sockPath);
  var got = '';
  var client = net.connect(sockPath, common.mustCall(function() {
    assert.strictEqual(client.readyState, 'open');
  }));
  client.setEncoding('utf8');
  client.on('data', function(d) { got += d; });
  client.on('end', common.mustCall(function() {
    assert.strictEqual(got, 'over unix');
    server.close(common.mustCall(function() {
      assert.strictEqual(path.existsSync(sockPath), false);
    }));
  }));
}));
