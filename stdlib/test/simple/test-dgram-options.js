// Socket options on a bound socket: setBroadcast, setTTL and setMulticastTTL (which return the
// value), setMulticastLoopback, and joining then leaving a multicast group.
var common = require('../common');
var assert = require('assert');
var dgram = require('dgram');

var socket = dgram.createSocket('udp4');
socket.bind(0);
socket.setBroadcast(true);
socket.setBroadcast(false);
assert.strictEqual(socket.setTTL(1), 1);
assert.strictEqual(socket.setTTL(255), 255);
assert.strictEqual(socket.setMulticastTTL(0), 0);
assert.strictEqual(socket.setMulticastTTL(128), 128);
assert.strictEqual(socket.setMulticastLoopback(true), true);
assert.strictEqual(socket.setMulticastLoopback(false), false);

try {
  socket.addMembership('224.0.0.114');
  socket.dropMembership('224.0.0.114');
} catch (err) {
  // A host with no multicast-capable interface cannot join; that is still a proper error.
  assert.strictEqual(err.syscall, 'addMembership');
  assert.ok(err.code === 'ENODEV' || err.code === 'EADDRNOTAVAIL', err.code);
}
// Leaving a group not joined is an error with a code.
assert.throws(function() { socket.dropMembership('224.0.0.115', '127.0.0.1'); }, function(err) {
  return err instanceof Error && err.syscall === 'dropMembership' && typeof err.code === 'string';
});
socket.close();

// Options on a socket that was never bound fail with an errno error, not a crash.
var unbound = dgram.createSocket('udp4');
assert.throws(function() { unbound.setBroadcast(true); }, function(err) {
  return err.syscall === 'setBroadcast' && typeof err.code === 'string';
});
assert.throws(function() { unbound.address(); }, function(err) {
  return err.syscall === 'getsockname' && typeof err.code === 'string';
});
unbound.close();
