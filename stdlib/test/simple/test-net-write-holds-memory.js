// A queued write holds the memory it writes natively, until it is done: nothing JS can reach
// (the request object, the Buffer) keeps it alive. Here JS drops every reference to a Buffer
// whose write is still queued and collects; the peer must still receive its bytes. (Before,
// only a `buffer` property on the request held them: without it the memory was freed and the
// write sent freed memory, or failed with EFAULT.) Runs itself again with --expose_gc.
var common = require('../common');
var assert = require('assert');
var net = require('net');

if (typeof gc !== 'function') {
  var child = require('child_process').spawn(process.execPath, ['--expose_gc', __filename],
                                             { customFds: [0, 1, 2] });
  child.on('exit', common.mustCall(function(code) {
    assert.strictEqual(code, 0);
  }));
  return;
}

var SIZE = 32 * 1024 * 1024;  // far more than any socket buffer: most of it queues
function byteAt(i) { return (i * 7 + (i >> 13)) & 0xff; }

var received = 0;
var mismatch = -1;
var server = net.createServer(function(socket) {
  socket.pause();  // reads nothing until the write is queued and its Buffer collected
  socket.on('data', function(chunk) {
    for (var i = 0; i < chunk.length; i++) {
      if (mismatch < 0 && chunk[i] !== byteAt(received + i)) mismatch = received + i;
    }
    received += chunk.length;
  });
  socket.on('end', common.mustCall(function() {
    assert.strictEqual(mismatch, -1, 'the bytes sent differ from the Buffer from ' + mismatch);
    assert.strictEqual(received, SIZE);
    socket.end();
    server.close();
  }));
  setTimeout(function() {
    for (var i = 0; i < 5; i++) gc();
    // Fresh zero-filled allocations of the same size, which would take over the freed memory
    // (the ArrayBuffer allocator hands freed blocks of about that size out again).
    var junk = [];
    for (var j = 0; j < 4; j++) junk.push(new Uint8Array(SIZE));
    setTimeout(function() { socket.resume(); }, 20);
  }, 20);
});

server.listen(0, '127.0.0.1', common.mustCall(function() {
  var client = net.connect(server.address().port, '127.0.0.1', common.mustCall(function() {
    var req = {
      oncomplete: common.mustCall(function(status) {
        assert.strictEqual(status, 0);
        client.end();
      })
    };
    (function() {
      var data = new Uint8Array(SIZE);
      for (var i = 0; i < SIZE; i++) data[i] = byteAt(i);
      assert.strictEqual(client._handle.writeBuffer(req, data), 0);
      assert.strictEqual(process.binding('tcp_wrap').writeInfo[1], 1, 'the write is queued');
    })();
    delete req.buffer;  // if something native put the Buffer there, JS can take it away
  }));
  client.on('data', function() {});
}));
