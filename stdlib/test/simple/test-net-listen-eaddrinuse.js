var common = require('../common');
var assert = require('assert');
var net = require('net');

// A second server on the same port gets 'error' EADDRINUSE (not a throw); the first keeps
// working and the second can listen elsewhere afterwards.
var first = net.createServer();
first.listen(0, '127.0.0.1', common.mustCall(function() {
  var port = first.address().port;
  var second = net.createServer();
  second.on('listening', common.mustCall(function() {
    assert.notStrictEqual(second.address().port, port);
    second.close();
    first.close();
  }));
  second.once('error', common.mustCall(function(e) {
    assert.strictEqual(e.code, 'EADDRINUSE');
    assert.strictEqual(e.syscall.length > 0, true);
    second.listen(0, '127.0.0.1');
  }));
  second.listen(port, '127.0.0.1');
}));
