// A program that listens to an http server's connections for 'data' itself (another
// 'connection' listener's socket.once('data'), as policyfile 0.0.4 answers Flash's policy
// request on a web server) sees the first bytes, before the parser, as in v0.6; requests are
// still parsed and answered, and a connection whose bytes are not HTTP gets the listener's
// answer rather than a 400.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var POLICY_REQUEST = '<policy-file-request/>\0';
var POLICY = '<cross-domain-policy/>\0';
var seen = [];
var server = http.createServer(function(req, res) {
  res.end('answered ' + req.url);
});
server.on('connection', function(socket) {
  socket.once('data', function(data) {
    seen.push(data.toString());
    if (data.toString() === POLICY_REQUEST) socket.end(POLICY);
  });
});
server.on('clientError', function() {});  // the policy request is not HTTP

function exchange(port, bytes, cb) {
  var client = net.connect(port, '127.0.0.1', function() { client.write(bytes); });
  var got = '';
  client.setEncoding('utf8');
  client.on('data', function(d) {
    got += d;
    if (/answered/.test(got)) client.end();
  });
  client.on('end', function() { cb(got); });
}

server.listen(common.PORT, '127.0.0.1', function() {
  var port = server.address().port;
  exchange(port, 'GET /first HTTP/1.1\r\nHost: x\r\n\r\n', common.mustCall(function(got) {
    assert.ok(/^HTTP\/1\.1 200 OK\r\n/.test(got), got);
    assert.ok(/answered \/first/.test(got), got);
    exchange(port, POLICY_REQUEST, common.mustCall(function(got) {
      assert.strictEqual(got, POLICY);
      // The listener saw the first read of each connection: all of the request, or its start
      // should the kernel have split it.
      var request = 'GET /first HTTP/1.1\r\nHost: x\r\n\r\n';
      assert.strictEqual(seen.length, 2);
      assert.ok(seen[0].length > 0 && request.indexOf(seen[0]) === 0, seen[0]);
      assert.strictEqual(seen[1], POLICY_REQUEST);
      server.close();
    }));
  }));
});
