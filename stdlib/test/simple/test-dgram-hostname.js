// send() and bind() resolve a host name with dns.lookup: 'localhost' reaches 127.0.0.1.
var common = require('../common');
var assert = require('assert');
var dgram = require('dgram');

var server = dgram.createSocket('udp4');
server.on('listening', common.mustCall(function() {
  assert.strictEqual(server.address().address, '127.0.0.1');
  var client = dgram.createSocket('udp4');
  var data = new Buffer('by name');
  client.send(data, 0, data.length, server.address().port, 'localhost',
              common.mustCall(function(err, bytes) {
                assert.strictEqual(err, null);
                assert.strictEqual(bytes, data.length);
                client.close();
              }));
}));
server.on('message', common.mustCall(function(msg, rinfo) {
  assert.strictEqual(msg.toString(), 'by name');
  assert.strictEqual(rinfo.address, '127.0.0.1');
  server.close();
}));
server.bind(0, 'localhost');

// A name that does not resolve: the callback and 'error' both get the lookup error.
var lost = dgram.createSocket('udp4');
lost.on('error', common.mustCall(function(err) {
  assert.ok(err instanceof Error);
  lost.close();
}));
lost.send(new Buffer('x'), 0, 1, 9, 'no-such-host.invalid', common.mustCall(function(err) {
  assert.ok(err instanceof Error);
  assert.strictEqual(typeof err.code, 'string');
}));
