// Binding a port another socket holds fails with an 'error' carrying code/errno/syscall, emitted
// on a later tick so a listener added after bind() still gets it. Binding twice fails too.
var common = require('../common');
var assert = require('assert');
var dgram = require('dgram');

var first = dgram.createSocket('udp4');
first.bind(0, '127.0.0.1');
var port = first.address().port;

var second = dgram.createSocket('udp4');
second.bind(port, '127.0.0.1');
second.on('listening', function() {
  assert.fail('the second bind must not succeed');
});
second.on('error', common.mustCall(function(err) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'EADDRINUSE');
  assert.strictEqual(err.errno, 'EADDRINUSE');
  assert.strictEqual(err.syscall, 'bind');
  assert.strictEqual(err.message, 'bind EADDRINUSE');
  second.close();

  first.bind(0, '127.0.0.1');  // Already bound.
  first.on('error', common.mustCall(function(err) {
    assert.strictEqual(err.syscall, 'bind');
    assert.strictEqual(err.code, 'EINVAL');
    first.close();
  }));
}));

// A bad address literal is an error event, not an exception.
var third = dgram.createSocket('udp4');
third.bind(0, '300.1.2.3');
third.on('error', common.mustCall(function(err) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.syscall, 'bind');
  third.close();
}));
