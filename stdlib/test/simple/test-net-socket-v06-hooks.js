// The v0.6 hooks: socket.ondata(buffer, start, end) after each read ('data' still goes to its
// listeners), socket.onend() after the end, socket.ondrain() when the write queue empties.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var received = '';
var viaData = '';
var server = net.createServer(function(socket) {
  socket.ondata = function(buffer, start, end) {
    assert.ok(Buffer.isBuffer(buffer));
    assert.ok(start >= 0 && end > start && end <= buffer.length);
    received += buffer.toString('utf8', start, end);
  };
  socket.onend = common.mustCall(function() {
    assert.strictEqual(received, 'hello');
    socket.end();
    server.close();
  });
});

server.listen(0, function() {
  var client = net.connect(server.address().port);
  var drained = false;
  client.ondrain = function() { drained = true; };
  client.on('data', function(d) { viaData += d; });
  client.on('connect', function() {
    client.end('hello');
  });
  // A write made while connecting is queued: the queue empties once connected.
  client.write('');
  client.on('close', common.mustCall(function() {
    assert.ok(drained, 'ondrain was not called');
  }));
});

// 'data' listeners are still called on a socket with ondata.
var server2 = net.createServer(function(socket) {
  var hooked = 0;
  socket.ondata = function(b, s, e) { hooked += e - s; };
  var listened = 0;
  socket.on('data', function(d) { listened += d.length; });
  socket.on('end', common.mustCall(function() {
    assert.strictEqual(hooked, 3);
    assert.strictEqual(listened, 3);
    socket.end();
    server2.close();
  }));
});
server2.listen(0, function() {
  net.connect(server2.address().port, function() { this.end('abc'); });
});
