// A write of 2^32 bytes or more is written whole: its length is not cut to 32 bits (which made
// it a write of 0 bytes, or of length - 2^32). The 4 GiB view is never filled in (its pages are
// the kernel's shared zero page) and the peer reads only a little of it before the socket is
// destroyed, so the test costs neither 4 GiB of memory nor the time to send them.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var FOUR_GIB = Math.pow(2, 32);
// Uint8Arrays stop short of 2^32 elements; 2^31 two-byte elements are 2^32 bytes.
// A machine whose memory limits refuse 4 GiB of address space (strict overcommit, ulimit -v, a
// small runner) cannot make the views: the length arithmetic this checks is then covered by
// //runtime/core:stream_buf_test alone, and this test says so and stops.
var views;
try {
  views = [new Uint16Array(FOUR_GIB / 2), new Uint16Array(FOUR_GIB / 2 + 8)];
} catch (e) {
  if (!(e instanceof RangeError)) throw e;
  console.log('4 GiB of address space refused here (' + e.message + '); see stream_buf_test');
  return;
}

var server = net.createServer(function(socket) {
  socket.pause();  // the peer reads nothing: the writes queue
});
server.listen(0, '127.0.0.1', common.mustCall(function() {
  var client = net.connect(server.address().port, '127.0.0.1', common.mustCall(function() {
    var handle = client._handle;
    var writeInfo = process.binding('tcp_wrap').writeInfo;
    var queued = 0;
    views.forEach(function(view) {
      var req = { oncomplete: function() {} };
      var err = handle.writeBuffer(req, view);
      assert.strictEqual(err, 0);
      assert.strictEqual(writeInfo[0], view.byteLength, 'the byte count of the write');
      assert.strictEqual(writeInfo[1], 1, 'queued, as the peer reads nothing');
      queued += view.byteLength;
    });
    // Whatever the kernel took, most of both views is still waiting in the handle's queue; cut
    // to 32 bits, the first would have been empty and the second 16 bytes.
    assert.ok(handle.writeQueueSize > queued - 1024 * 1024 * 1024,
              'queued ' + handle.writeQueueSize + ' of ' + queued);
    client.destroy();
    server.close();
  }));
}));
