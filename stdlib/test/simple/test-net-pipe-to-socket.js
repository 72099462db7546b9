var common = require('../common');
var assert = require('assert');
var net = require('net');

// A server pipes each connection into a second connection (a proxy); the data arrives intact
// and the upstream end() reaches the sink.
var received = [];
var sink = net.createServer(common.mustCall(function(socket) {
  socket.setEncoding('utf8');
  socket.on('data', function(d) { received.push(d); });
  socket.on('end', common.mustCall(function() {
    assert.strictEqual(received.join(''), 'through the pipe');
    sink.close();
    proxy.close();
  }));
}));

var proxy = net.createServer(common.mustCall(function(socket) {
  var upstream = net.connect(sink.address().port);
  upstream.on('pipe', common.mustCall(function(src) { assert.strictEqual(src, socket); }));
  socket.pipe(upstream);
}));

sink.listen(0, function() {
  proxy.listen(0, function() {
    var client = net.connect(proxy.address().port, function() {
      client.end('through the pipe');
    });
  });
});
