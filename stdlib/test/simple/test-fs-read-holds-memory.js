// An asynchronous fs read holds the memory it reads into natively, until it is done: not only
// a closure in fs.js. Here the read waits on an empty FIFO while JS drops its Buffer and
// collects; when bytes arrive they must land in memory that is still the read's (before, they
// landed in a freed block the allocator had handed out again, here a zero-filled Buffer).
// Runs itself again with --expose_gc.
var common = require('../common');
var assert = require('assert');
var path = require('path');
var fs = require('fs');

if (typeof gc !== 'function') {
  var child = require('child_process').spawn(process.execPath, ['--expose_gc', __filename],
                                             { customFds: [0, 1, 2] });
  child.on('exit', common.mustCall(function(code) {
    assert.strictEqual(code, 0);
  }));
  return;
}

var binding = process.binding('fs');
var SIZE = 4 * 1024 * 1024;  // a block the allocator caches and hands out again
var fifo = path.join(common.tmpDir, 'read-holds-memory-' + process.pid);
try { fs.unlinkSync(fifo); } catch (e) {}

require('child_process').exec('mkfifo ' + fifo, common.mustCall(function(err) {
  assert.ifError(err);
  var fd = fs.openSync(fifo, 'r+');  // read and write: opening does not wait for a peer
  fs.unlinkSync(fifo);
  var probe = null;
  (function() {
    var data = new Uint8Array(SIZE);
    binding.read(fd, data, 0, 4, -1, common.mustCall(function(err, n) {
      assert.ifError(err);
      assert.strictEqual(n, 4);
      // Before, the read's bytes went into the freed block, which is now `probe`.
      for (var i = 0; i < probe.length; i++) {
        if (probe[i] !== 0) assert.fail('the read wrote into freed memory, at ' + i);
      }
      fs.closeSync(fd);
    }));
  })();
  setTimeout(function() {
    for (var i = 0; i < 5; i++) gc();
    probe = new Uint8Array(SIZE);  // takes the block if the read's was freed
    var bytes = new Buffer('ping');
    assert.strictEqual(fs.writeSync(fd, bytes, 0, 4, null), 4);
  }, 20);
}));
