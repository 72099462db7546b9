// dgram.markdown example 1: dgram.send of a UDP packet to a port on localhost, closing the
// client in the send callback.
// adaptation: the doc states no output; the check at the end asserts that the callback ran with
// no error and the byte count, and (by the program ending) that close() lets the process exit.
// Nothing needs to listen on port 41234: a UDP send succeeds without a receiver.
var assert = require('assert');
var calls = [];

var dgram = require('dgram');
var message = new Buffer("Some bytes");
var client = dgram.createSocket("udp4");
client.send(message, 0, message.length, 41234, "localhost", function(err, bytes) {
  calls.push([err, bytes]);
  client.close();
});

process.on('exit', function() {
  assert.deepEqual(calls, [[null, message.length]]);
});
