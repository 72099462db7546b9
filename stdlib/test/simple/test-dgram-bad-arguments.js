// Bad arguments throw TypeError/RangeError (or Error for a bad socket type) and never crash,
// in dgram and in the udp_wrap binding beneath it.
var common = require('../common');
var assert = require('assert');
var dgram = require('dgram');

assert.throws(function() { dgram.createSocket('udp5'); }, /Bad socket type/);
assert.throws(function() { dgram.createSocket(); }, Error);
assert.throws(function() { dgram.createSocket({}); }, Error);

var socket = dgram.createSocket('udp4');
socket.bind(0, '127.0.0.1');
var port = socket.address().port;
var buf = new Buffer('abcd');

assert.throws(function() { socket.send('abcd', 0, 4, port, '127.0.0.1'); }, TypeError);
assert.throws(function() { socket.send(null, 0, 4, port, '127.0.0.1'); }, TypeError);
assert.throws(function() { socket.send(buf, 4, 1, port, '127.0.0.1'); }, RangeError);
assert.throws(function() { socket.send(buf, 5, 0, port, '127.0.0.1'); }, RangeError);
assert.throws(function() { socket.send(buf, -1, 1, port, '127.0.0.1'); }, RangeError);
assert.throws(function() { socket.send(buf, 0, 5, port, '127.0.0.1'); }, RangeError);
assert.throws(function() { socket.send(buf, 2, 3, port, '127.0.0.1'); }, RangeError);
assert.throws(function() { socket.send(buf, 0, -1, port, '127.0.0.1'); }, RangeError);
assert.throws(function() { socket.send(buf, 0.5, 1, port, '127.0.0.1'); }, RangeError);
assert.throws(function() { socket.send(buf, '0', 1, port, '127.0.0.1'); }, TypeError);
assert.throws(function() { socket.send(buf, 0, 4, -1, '127.0.0.1'); }, RangeError);
assert.throws(function() { socket.send(buf, 0, 4, 65536, '127.0.0.1'); }, RangeError);
assert.throws(function() { socket.send(buf, 0, 4, {}, '127.0.0.1'); }, TypeError);
assert.throws(function() { socket.send(buf, 0, 4, port, 42); }, TypeError);
assert.throws(function() { socket.send(buf, 0, 4, port, '127.0.0.1', 'cb'); }, TypeError);
assert.throws(function() { socket.bind(70000); }, RangeError);
assert.throws(function() { socket.bind(0, {}); }, TypeError);
assert.throws(function() { socket.setTTL('64'); }, TypeError);
assert.throws(function() { socket.setTTL(1000); }, RangeError);
assert.throws(function() { socket.setTTL(1.5); }, RangeError);
assert.throws(function() { socket.setTTL(0); }, /EINVAL/);
assert.throws(function() { socket.setMulticastTTL(null); }, TypeError);
assert.throws(function() { socket.setMulticastTTL(-1); }, RangeError);
assert.throws(function() { socket.addMembership(); }, /multicast address must be specified/);
assert.throws(function() { socket.addMembership({}); }, TypeError);
assert.throws(function() { socket.addMembership('224.0.0.114', 7); }, TypeError);
assert.throws(function() { socket.addMembership('not an address'); }, /EINVAL/);
assert.throws(function() { socket.dropMembership('224.0.0.114\u0000x'); }, /EINVAL/);

// The binding checks its arguments itself.
var UDP = process.binding('udp_wrap').UDP;
assert.throws(function() { UDP(); }, TypeError);
var handle = new UDP();
assert.throws(function() { handle.bind(); }, TypeError);
assert.throws(function() { handle.bind('127.0.0.1', 'x'); }, TypeError);
assert.throws(function() { handle.bind('127.0.0.1', 0, 'x'); }, TypeError);
assert.throws(function() { handle.bind6('::1', 1e6, 0); }, RangeError);
assert.ok(handle.bind('nonsense', 0, 0) < 0);
assert.ok(handle.bind('127.0.0.1', 0, 0x10000) < 0);
assert.throws(function() { handle.send(); }, TypeError);
assert.throws(function() { handle.send({}, 'str', 0, 1, port, '127.0.0.1'); }, TypeError);
assert.throws(function() { handle.send({}, buf, 0, 5, port, '127.0.0.1'); }, RangeError);
assert.throws(function() { handle.send({}, buf, 5, 0, port, '127.0.0.1'); }, RangeError);
assert.throws(function() { handle.send({}, buf, 1, 4, port, '127.0.0.1'); }, RangeError);
assert.throws(function() { handle.send({}, buf, NaN, 1, port, '127.0.0.1'); }, RangeError);
assert.throws(function() { handle.send({}, buf, 0, 1, '1', '127.0.0.1'); }, TypeError);
assert.throws(function() { handle.send({}, buf, 0, 1, port, null); }, TypeError);
assert.ok(handle.send({}, buf, 0, 1, port, '::1') < 0);
assert.ok(handle.send6({}, buf, 0, 1, port, '127.0.0.1') < 0);
assert.throws(function() { handle.getsockname(); }, TypeError);
assert.throws(function() { handle.setTTL(); }, TypeError);
assert.throws(function() { handle.addMembership(); }, TypeError);
// Methods called on something that is not a UDP handle.
assert.throws(function() { UDP.prototype.recvStart.call({}); }, TypeError);
assert.throws(function() { UDP.prototype.send.call(socket, {}, buf, 0, 1, port, '1.1.1.1'); },
              TypeError);
handle.close();
assert.throws(function() { handle.recvStart(); }, TypeError);
assert.throws(function() { handle.bind('127.0.0.1', 0, 0); }, TypeError);
handle.close();  // Twice is harmless.

// A send made on the binding directly: oncomplete(status, handle, req), req.buffer kept.
var u8 = new Uint8Array(16);
var handle2 = new UDP();
var req = {oncomplete: common.mustCall(function(status, h, r) {
  assert.strictEqual(status, 0);
  assert.strictEqual(h, handle2);
  assert.strictEqual(r, req);
  assert.strictEqual(r.buffer, u8);
  handle2.close();
  socket.close();
})};
assert.strictEqual(handle2.send(req, u8, 0, 16, port, '127.0.0.1'), 0);

// With `now` (what dgram.js passes) and nothing queued, the datagram goes out at once: 1, and
// no oncomplete, no req.buffer. A `now` that is not true is the queued send above.
var handle3 = new UDP();
var req3 = {oncomplete: function() { assert.fail('oncomplete of a send made at once'); }};
assert.strictEqual(handle3.send(req3, u8, 0, 16, port, '127.0.0.1', true), 1);
assert.strictEqual(req3.buffer, undefined);
assert.ok(handle3.send(req3, u8, 0, 16, port, 'nonsense', true) < 0);  // EINVAL, not sent
handle3.close();
