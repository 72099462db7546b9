// send() on an unbound socket binds it to 0.0.0.0 on a random port (emitting 'listening'),
// so the receiver can answer to rinfo; offset and length pick the bytes sent.
var common = require('../common');
var assert = require('assert');
var dgram = require('dgram');

var server = dgram.createSocket('udp4', common.mustCall(function(msg, rinfo) {
  assert.strictEqual(msg.toString(), 'middle');
  assert.strictEqual(rinfo.address, '127.0.0.1');
  var answer = new Buffer('pong');
  server.send(answer, 0, answer.length, rinfo.port, rinfo.address,
              common.mustCall(function(err, n) {
                assert.strictEqual(err, null);
                assert.strictEqual(n, 4);
                server.close();
              }));
}));
server.bind(0, '127.0.0.1');
var serverPort = server.address().port;

var client = dgram.createSocket('udp4');
client.on('listening', common.mustCall());
client.on('message', common.mustCall(function(msg, rinfo) {
  assert.strictEqual(msg.toString(), 'pong');
  assert.strictEqual(rinfo.port, serverPort);
  client.close();
}));
var data = new Buffer('the middle part');
client.send(data, 4, 6, server.address().port, '127.0.0.1');
var bound = client.address();
assert.strictEqual(bound.address, '0.0.0.0');
assert.ok(bound.port > 0);
