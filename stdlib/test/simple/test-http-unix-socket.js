// An http server on a unix socket (listen(path)) and a client reaching it with socketPath.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var fs = require('fs');

// A relative path in the scratch directory: Bazel's TEST_TMPDIR is too long for a socket path.
process.chdir(common.tmpDir);
var socketPath = 'nodus-test-http-' + process.pid + '.sock';
try { fs.unlinkSync(socketPath); } catch (e) {}

var server = http.createServer(common.mustCall(function(req, res) {
  assert.equal(req.url, '/over/unix');
  assert.equal(req.method, 'POST');
  var body = '';
  req.setEncoding('utf8');
  req.on('data', function(chunk) { body += chunk; });
  req.on('end', function() {
    res.writeHead(200, {'Content-Type': 'text/plain'});
    res.end('unix:' + body);
  });
}));

server.listen(socketPath, common.mustCall(function() {
  var req = http.request({socketPath: socketPath, path: '/over/unix', method: 'POST'},
                         common.mustCall(function(res) {
    assert.equal(res.statusCode, 200);
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function(chunk) { body += chunk; });
    res.on('end', common.mustCall(function() {
      assert.equal(body, 'unix:payload');
      server.close();
    }));
  }));
  req.end('payload');
}));

server.on('close', common.mustCall(function() {}));
