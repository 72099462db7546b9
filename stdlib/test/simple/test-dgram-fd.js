// dgram sockets have v0.6.3's `fd` field: null while idle and once closed.
var common = require('../common');
var assert = require('assert');
var dgram = require('dgram');

var socket = dgram.createSocket('udp4');
assert.ok('fd' in socket);
assert.strictEqual(socket.fd, null);
socket.bind(0, '127.0.0.1');
socket.on('listening', common.mustCall(function() {
  socket.close();
  assert.strictEqual(socket.fd, null);
}));
