// The server closes a connection whose head is not complete within server.headersTimeout
// (60 s by default, as today's Node): a peer that never finishes its headers, or never sends
// any, cannot hold a descriptor forever. It answers 408 and emits 'clientError'.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(common.mustCall(function(req, res) {
  res.end('served');
}));
assert.strictEqual(server.headersTimeout, 60000);
server.headersTimeout = 50;

var errors = 0;
server.on('clientError', function(e) {
  assert.strictEqual(e.code, 'ERR_HTTP_REQUEST_TIMEOUT');
  errors++;
});

server.listen(0, function() {
  var port = server.address().port;
  var left = 3;
  function done() {
    if (--left === 0) server.close();
  }

  // Half a head, never finished.
  var partial = net.connect(port, function() {
    partial.write('GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ');
  });
  var reply = '';
  partial.setEncoding('utf8');
  partial.on('data', function(d) { reply += d; });
  partial.on('close', common.mustCall(function() {
    assert.ok(/^HTTP\/1\.1 408 /.test(reply), reply);
    done();
  }));

  // Nothing at all.
  var silent = net.connect(port);
  silent.resume();
  silent.on('close', common.mustCall(done));

  // A complete request is served.
  http.get({ port: port, path: '/' }, common.mustCall(function(res) {
    var body = '';
    res.on('data', function(d) { body += d; });
    res.on('end', common.mustCall(function() {
      assert.strictEqual(body, 'served');
      done();
    }));
  }));
});
process.on('exit', function() {
  assert.strictEqual(errors, 2);
});
