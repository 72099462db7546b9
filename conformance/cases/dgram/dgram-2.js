// dgram.markdown example 2: a UDP server on port 41234 logging 'listening' and each message.
// adaptation: the server binds port 0 (a random port, read back from address()) instead of
// 41234, which tests running in parallel could hold. So that the program ends, a client sends
// the server one datagram once it listens, and the server closes after receiving it. The check
// asserts the two logged lines, the listening one in the documented form with the real port.
var assert = require('assert');
var lines = [];
var log = console.log;
console.log = function(s) { lines.push(s); log.apply(console, arguments); };

var dgram = require("dgram");

var server = dgram.createSocket("udp4");

server.on("message", function (msg, rinfo) {
  console.log("server got: " + msg + " from " +
    rinfo.address + ":" + rinfo.port);
});

server.on("listening", function () {
  var address = server.address();
  console.log("server listening " +
      address.address + ":" + address.port);
});

server.bind(0);  // adaptation: the doc binds 41234
// server listening 0.0.0.0:41234

var port = server.address().port;
var client = dgram.createSocket("udp4");
server.on("listening", function () {
  var message = new Buffer("hello");
  client.send(message, 0, message.length, port, "127.0.0.1");
});
server.on("message", function (msg, rinfo) {
  client.close();
  server.close();
  console.log = log;
  assert.deepEqual(lines, [
    "server listening 0.0.0.0:" + port,
    "server got: hello from 127.0.0.1:" + rinfo.port
  ]);
});
process.on('exit', function() {
  assert.strictEqual(lines.length, 2);
});
