// udp4 on 127.0.0.1: a datagram goes from one socket to another; the receiver gets a Buffer and
// rinfo {address, port, family, size}; the send callback gets (null, bytes); 'listening' comes
// after bind() and 'close' on close(); the process exits once both sockets are closed.
var common = require('../common');
var assert = require('assert');
var dgram = require('dgram');

var payload = new Buffer('hello, datagram');
var server = dgram.createSocket('udp4');
var client = dgram.createSocket('udp4');

server.on('message', common.mustCall(function(msg, rinfo) {
  assert.ok(Buffer.isBuffer(msg));
  assert.strictEqual(msg.toString(), 'hello, datagram');
  assert.strictEqual(rinfo.address, '127.0.0.1');
  assert.strictEqual(rinfo.family, 'IPv4');
  assert.strictEqual(rinfo.port, clientPort);
  assert.strictEqual(rinfo.size, payload.length);
  // rinfo's properties come in this order (each rinfo is cloned from one object).
  assert.deepEqual(Object.keys(rinfo), ['address', 'port', 'family', 'size']);
  server.close();
}));

server.on('listening', common.mustCall(function() {
  assert.strictEqual(this, server);
}));
server.on('close', common.mustCall());
client.on('close', common.mustCall());

server.bind(common.PORT, '127.0.0.1');
// bind() with an IP binds at once: the address is known before 'listening'.
var address = server.address();
assert.strictEqual(address.address, '127.0.0.1');
assert.strictEqual(address.family, 'IPv4');
assert.ok(address.port > 0);

client.bind(0, '127.0.0.1');
var clientPort = client.address().port;
client.send(payload, 0, payload.length, address.port, '127.0.0.1',
            common.mustCall(function(err, bytes) {
              assert.strictEqual(err, null);
              assert.strictEqual(bytes, payload.length);
              client.close();
            }));
