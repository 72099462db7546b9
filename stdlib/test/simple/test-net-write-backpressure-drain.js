var common = require('../common');
var assert = require('assert');
var net = require('net');

// Big writes to a reader that is paused fill the kernel buffers: write() returns false, data
// waits in bufferSize, and 'drain' comes once the reader resumes. Every byte arrives. The client
// writes until write() returns false, however much the kernel's buffers hold (the reader
// cannot resume before: the writes all happen in one turn of the loop).
var CHUNK = 1024 * 1024;
var LIMIT = 1024;  // chunks: far more than any kernel buffers hold
var count = 0;
var received = 0;

var server = net.createServer(common.mustCall(function(socket) {
  socket.pause();
  setTimeout(function() { socket.resume(); }, 50);
  socket.on('data', function(d) { received += d.length; });
  socket.on('end', common.mustCall(function() {
    assert.strictEqual(received, CHUNK * count);
    assert.strictEqual(socket.bytesRead, CHUNK * count);
    server.close();
  }));
}));

server.listen(0, function() {
  var client = net.connect(server.address().port, function() {
    var sawFalse = false;
    var chunk = new Buffer(CHUNK);
    chunk.fill(120);
    while (!sawFalse && count < LIMIT) {
      count++;
      if (client.write(chunk) === false) sawFalse = true;
    }
    assert.ok(sawFalse, 'write() never returned false');
    assert.ok(client.bufferSize > 0, 'bufferSize was ' + client.bufferSize);
    client.on('drain', common.mustCall(function() {
      assert.strictEqual(client.bufferSize, 0);
      assert.strictEqual(client.bytesWritten, CHUNK * count);
      client.end();
    }));
  });
});
