// A request to a port nobody listens on emits 'error' on the request with code ECONNREFUSED
// (and no 'response').
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

// Find a free port by listening on 0 and closing again.
var probe = net.createServer();
probe.listen(0, '127.0.0.1', function() {
  var port = probe.address().port;
  probe.close(function() {
    var req = http.request({host: '127.0.0.1', port: port, path: '/'}, function() {
      assert.fail('no response expected');
    });
    req.on('error', common.mustCall(function(err) {
      assert.ok(err instanceof Error);
      assert.equal(err.code, 'ECONNREFUSED');
      assert.equal(err.errno, 'ECONNREFUSED');
    }));
    req.end();
  });
});
