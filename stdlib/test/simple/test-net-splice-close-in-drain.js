// A socket echoing itself natively (socket.pipe(socket)) in splice mode, destroyed by its own
// 'drain' handler: splicing stops there. libuv closes the socket's descriptor at once, and the
// next open() takes its number; nothing may be spliced from or to that descriptor after the
// handler returns (before, the next round read the file opened in the handler into the kernel
// pipe and wrote it back to the same file).
// Whether the echo is in splice mode when 'drain' comes depends on how full the kernel's reads
// are; if it is not, the case does not arise and the test says so.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var net = require('net');
var path = require('path');

var file = path.join(common.tmpDir, 'splice-close-in-drain-' + process.pid);
var content = new Buffer(64 * 1024);
for (var i = 0; i < content.length; i++) content[i] = i & 0xff;
fs.writeFileSync(file, content);

var checked = false;
var accepted = null;
var server = net.createServer(function(socket) {
  accepted = socket;
  socket.pipe(socket);
  socket.on('error', function() {});
  socket.on('drain', common.mustCall(function() {
    var splicing = socket._handle.splicing();
    socket.destroy();
    var fd = fs.openSync(file, 'r+');  // most likely the socket's old descriptor number
    setTimeout(function() {
      fs.closeSync(fd);
      var after = fs.readFileSync(file);
      fs.unlinkSync(file);
      if (!splicing) {
        console.log('the echo was not in splice mode at the drain: nothing to check');
      } else {
        assert.strictEqual(after.length, content.length, 'the file was written to');
        for (var i = 0; i < content.length; i++) assert.strictEqual(after[i], content[i]);
      }
      checked = true;
      client.destroy();
      server.close();
    }, 50);
  }));
});

var client;
server.listen(0, '127.0.0.1', function() {
  client = net.connect(server.address().port, '127.0.0.1', function() {
    // Far more than the kernel buffers on the way hold: the echo blocks on the client, which
    // reads nothing until its writes are all taken.
    var data = new Buffer(32 * 1024 * 1024);
    data.fill(0x61);
    client.pause();
    client.on('error', function() {});
    client.write(data);
    // Once the echo has stalled (it read some, and reads no more: its writes back wait), the
    // client starts reading, and the echo's 'drain' follows.
    var last = -1;
    var watch = setInterval(function() {
      var handle = accepted && accepted._handle;
      if (!handle) return;
      var read = handle.pipedReadBytes();
      if (read > 0 && read === last) {
        clearInterval(watch);
        client.resume();
      }
      last = read;
    }, 20);
    client.on('close', function() { clearInterval(watch); });
  });
  client.on('data', function() {});
});

process.on('exit', function() {
  assert.ok(checked);
});
