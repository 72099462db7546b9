// Datagram sizes on the loopback: an empty datagram, one byte, and the largest UDP/IPv4 payload
// (65507 bytes) arrive whole and in order of sending.
var common = require('../common');
var assert = require('assert');
var dgram = require('dgram');

var sizes = [0, 1, 65507];
var big = new Buffer(65507);
for (var i = 0; i < big.length; i++) big[i] = i % 251;

var received = 0;
var server = dgram.createSocket('udp4', common.mustCall(function(msg, rinfo) {
  var expected = sizes[received++];
  assert.strictEqual(msg.length, expected);
  assert.strictEqual(rinfo.size, expected);
  for (var i = 0; i < msg.length; i++) {
    if (msg[i] !== i % 251) assert.fail('byte ' + i + ' differs');
  }
  // The Buffer is a real one: slicing and toString work.
  assert.strictEqual(msg.slice(0, expected).length, expected);
  if (received === sizes.length) server.close();
}, sizes.length));
server.bind(0, '127.0.0.1');

var client = dgram.createSocket('udp4');
var sent = 0;
sizes.forEach(function(size) {
  client.send(big, 0, size, server.address().port, '127.0.0.1', common.mustCall(function(err, n) {
    assert.ifError(err);
    assert.strictEqual(n, size);
    if (++sent === sizes.length) client.close();
  }));
});
