// A ReadStream that reads several chunks at once still hands each chunk out the way v0.6.3's
// one-chunk-per-read stream did: from the event loop, on a turn of its own. Never from inside
// resume(), never straight after another chunk's 'data' listeners, never while paused.
//
// The first case is the shape that broke npm 1.1 ('npm ERR! cb() never called' packing any file
// bigger than one read): fstream 0.1's file reader tells its parent directory reader it is
// resuming before it clears its own paused flag, and only then resumes the file stream. The
// parent resumes its current child in turn, so the child's resume() runs twice, nested. When the
// inner call made the file stream emit at once, the consumer paused both again in between, the
// outer call then marked the child unpaused, and at the end of the file the parent was left
// paused for good, so the directory never ended.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');
var EventEmitter = require('events').EventEmitter;

var file = path.join(common.tmpDir, 'read-stream-turns.bin');
var size = 600000;  // more than two reads, and not a multiple of any chunk size used here
var data = new Buffer(size);
for (var i = 0; i < size; i++) data[i] = (i * 7 + (i >> 11)) & 255;
fs.writeFileSync(file, data);

function join(chunks) {
  var all = new Buffer(chunks.reduce(function(n, c) { return n + c.length; }, 0));
  var at = 0;
  chunks.forEach(function(c) { c.copy(all, at); at += c.length; });
  return all;
}

// 1. A parent and a child reader that keep their own paused flags in step through 'pause' and
// 'resume' events, the child over a file stream of small chunks (as fstream reads a file of
// blksize 4096), and a consumer that pauses the child after every chunk and resumes it a turn
// later (as a pipe does on write() === false and 'drain').
(function() {
  var parent = new EventEmitter();
  var child = new EventEmitter();
  parent.paused = false;
  child.paused = false;
  child.stream = fs.createReadStream(file, { bufferSize: 4096 });

  parent.pause = function() {
    if (parent.paused) return;
    parent.paused = true;
    child.pause();
  };
  parent.resume = function() {
    if (!parent.paused) return;
    parent.paused = false;
    child.resume();
  };
  child.pause = function() {
    if (child.paused) return;
    child.paused = true;
    child.stream.pause();
    child.emit('pause');
  };
  child.resume = function() {
    if (!child.paused) return;
    child.emit('resume');   // before its own flag changes, as fstream 0.1 does
    child.paused = false;
    child.stream.resume();
  };
  child.on('pause', function() { if (!parent.paused) parent.pause(); });
  child.on('resume', function() { if (parent.paused) parent.resume(); });

  var chunks = [];
  child.stream.on('data', function(c) {
    // The child is delivering data, so neither it nor its parent may be marked paused; a parent
    // paused here is the one fstream left stuck when the file ended.
    assert.strictEqual(child.paused, false);
    assert.strictEqual(parent.paused, false, 'the parent is paused while its child reads');
    chunks.push(c);
    child.pause();
    setTimeout(function() { child.resume(); }, 0);
  });
  child.stream.on('end', common.mustCall(function() {
    assert.strictEqual(join(chunks).toString('hex'), data.toString('hex'));
    assert.strictEqual(chunks.length, Math.ceil(size / 4096));
  }));
})();

// 2. resume() never emits 'data' before it returns, paused inside 'data' or from a timer.
(function() {
  var inResume = false;
  var chunks = [];
  var s = fs.createReadStream(file, { bufferSize: 10000 });
  s.on('data', function(c) {
    assert.ok(!inResume, "'data' from inside resume()");
    chunks.push(c);
    s.pause();
    setTimeout(function() {
      inResume = true;
      s.resume();
      inResume = false;
    }, 0);
  });
  s.on('end', common.mustCall(function() {
    assert.strictEqual(join(chunks).toString('hex'), data.toString('hex'));
  }));
})();

// 3. A process.nextTick() callback queued by a 'data' listener runs before the next chunk, and
// before 'end', as it did when every chunk was a read of its own: for the whole file, and for a
// range whose end falls inside a read.
[{ bufferSize: 65536 }, { bufferSize: 65536, start: 5, end: 300000 }].forEach(function(options) {
  var pendingTicks = 0;
  var chunks = [];
  var s = fs.createReadStream(file, options);
  s.on('data', function(c) {
    assert.strictEqual(pendingTicks, 0, 'a chunk before the last one\'s nextTick ran');
    chunks.push(c);
    pendingTicks++;
    process.nextTick(function() { pendingTicks--; });
  });
  s.on('end', common.mustCall(function() {
    assert.strictEqual(pendingTicks, 0, '\'end\' before the last chunk\'s nextTick ran');
    var expected = options.start === undefined ? data : data.slice(options.start, options.end + 1);
    assert.strictEqual(join(chunks).toString('hex'), expected.toString('hex'));
  }));
});

// 4. Paused while a read is in flight (a turn after 'open', whose listener ran just before the
// first read was started): nothing is emitted until resume(), and then all of it, in order.
(function() {
  var paused = false;
  var chunks = [];
  var s = fs.createReadStream(file, { bufferSize: 65536 });
  s.on('open', function() {
    process.nextTick(function() {
      s.pause();
      paused = true;
      setTimeout(function() {
        paused = false;
        s.resume();
      }, 20);
    });
  });
  s.on('data', function(c) {
    assert.ok(!paused, "'data' while paused");
    chunks.push(c);
  });
  s.on('end', common.mustCall(function() {
    assert.strictEqual(join(chunks).toString('hex'), data.toString('hex'));
  }));
})();
