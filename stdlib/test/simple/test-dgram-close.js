// close() emits 'close' and stops receiving; using the socket afterwards throws 'Not running';
// a bound, receiving socket lets the process exit once it is closed.
var common = require('../common');
var assert = require('assert');
var dgram = require('dgram');

var socket = dgram.createSocket('udp4');
socket.on('close', common.mustCall());
socket.on('message', function() {
  assert.fail('no message after close');
});
socket.bind(0);
var port = socket.address().port;
socket.close();

assert.throws(function() { socket.close(); }, /Not running/);
assert.throws(function() { socket.address(); }, /Not running/);
assert.throws(function() { socket.bind(0); }, /Not running/);
assert.throws(function() {
  socket.send(new Buffer('x'), 0, 1, port, '127.0.0.1');
}, /Not running/);
assert.throws(function() { socket.setTTL(4); }, /Not running/);

// Closing while a send is in flight: the callback still runs once, with or without an error.
var sender = dgram.createSocket('udp4');
sender.send(new Buffer('late'), 0, 4, port, '127.0.0.1', common.mustCall(function(err) {
  if (err) assert.strictEqual(err.syscall, 'send');
}));
sender.close();

// 'listening' is not emitted for a socket closed before the next tick.
var quick = dgram.createSocket('udp4');
quick.on('listening', function() {
  assert.fail('closed before listening');
});
quick.bind(0);
quick.close();

// A socket that was never bound closes too.
dgram.createSocket('udp6').close();
