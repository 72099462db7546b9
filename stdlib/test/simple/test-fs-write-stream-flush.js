// fs.WriteStream keeps v0.6.3's flush(), `busy` and `drainable`, which subclasses of the time
// use. log4js 0.5's rolling file stream (found by its own suite) subclasses fs.FileWriteStream;
// to roll, it calls flush(), opens the next file, swaps `fd`, closes the old descriptor and
// calls flush() again, and the writes queued meanwhile go to the new file.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');
var util = require('util');

assert.strictEqual(typeof fs.WriteStream.prototype.flush, 'function');

var first = path.join(common.tmpDir, 'write-stream-flush-1.txt');
var second = path.join(common.tmpDir, 'write-stream-flush-2.txt');
[first, second].forEach(function(file) {
  try { fs.unlinkSync(file); } catch (e) {}
});

function RollingStream(file) {
  fs.FileWriteStream.call(this, file, { flags: 'a', encoding: 'utf8' });
}
util.inherits(RollingStream, fs.FileWriteStream);

RollingStream.prototype.roll = function(next, callback) {
  var self = this;
  this.flush();  // a write may be in flight: nothing happens then
  fs.open(next, 'a', 420, function(err, fd) {
    assert.ifError(err);
    var old = self.fd;
    self.fd = fd;
    fs.close(old, function(err) {
      assert.ifError(err);
      callback();
    });
  });
};

var stream = new RollingStream(first);
assert.strictEqual(stream.busy, false);
var drains = 0;
stream.on('drain', function() { drains++; });

stream.once('open', common.mustCall(function() {
  stream.write('one\n', common.mustCall(function(err, written) {
    assert.ifError(err);
    assert.strictEqual(written, 4);
    assert.strictEqual(stream.busy, false);  // cleared before the write's callback
    // Queued while rolling: the first file is still the stream's fd until the swap, and
    // these wait for flush(), as log4js's queue did.
    stream.roll(second, common.mustCall(function() {
      stream.write('two\n');
      stream.write('three\n', common.mustCall(function() {
        stream.end(common.mustCall(function() {
          assert.strictEqual(fs.readFileSync(first, 'utf8'), 'one\n');
          assert.strictEqual(fs.readFileSync(second, 'utf8'), 'two\nthree\n');
          assert.strictEqual(stream.bytesWritten, 14);
        }));
      }));
      // Idle again after the writes are queued? No: the first of them is in flight.
      assert.strictEqual(stream.busy, true);
      stream.flush();  // harmless while busy
    }));
  }));
  assert.strictEqual(stream.busy, true);
  assert.strictEqual(stream.drainable, true);
}));

// flush() on an idle stream with nothing queued announces 'drain' when a write asked for one.
var idle = fs.createWriteStream(path.join(common.tmpDir, 'write-stream-flush-3.txt'));
idle.once('open', common.mustCall(function() {
  var drained = 0;
  idle.on('drain', function() { drained++; });
  idle.flush();
  assert.strictEqual(drained, 0);  // no write yet: nothing to announce
  idle.drainable = true;
  idle.flush();
  assert.strictEqual(drained, 1);
  idle.end();
}));

process.on('exit', function() {
  assert.ok(drains >= 1);
});
