var common = require('../common');
var assert = require('assert');
var net = require('net');

// bytesRead and bytesWritten count bytes, not characters (a string with multi-byte
// characters), on both ends.
var text = 'h\u00e9llo \u20ac';  // 1 + 2 + 3 + 1 + 1 + 3 bytes = 11... computed below.
var byteCount = Buffer.byteLength(text, 'utf8');

var server = net.createServer(function(socket) {
  socket.on('data', function() {});
  socket.on('end', common.mustCall(function() {
    assert.strictEqual(socket.bytesRead, byteCount + 4);
    socket.end();
  }));
  socket.on('close', function() { server.close(); });
});

server.listen(0, function() {
  var client = net.connect(server.address().port, function() {
    assert.strictEqual(client.bytesWritten, 0);
    client.write(text);
    client.write(new Buffer([1, 2, 3, 4]));
    assert.strictEqual(client.bytesWritten, byteCount + 4);
    client.end();
  });
  client.on('close', common.mustCall(function() {
    assert.strictEqual(client.bytesWritten, byteCount + 4);
    assert.strictEqual(client.bytesRead, 0);
  }));
});
