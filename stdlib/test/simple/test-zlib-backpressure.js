// write() returns false while earlier data is still being processed and 'drain' follows;
// pause() holds back 'data' and 'end' until resume(); piping into a slow writable paces it.
var common = require('../common');
var assert = require('assert');
var Stream = require('stream');
var zlib = require('zlib');

var chunk = new Buffer(64 * 1024);
for (var i = 0; i < chunk.length; i++) chunk[i] = (i * 7) & 0xff;

// write(): true when idle, false while queued behind other data; then 'drain'.
(function() {
  var z = zlib.createDeflate();
  assert.strictEqual(z.write(chunk), true);
  assert.strictEqual(z.write(chunk), false);
  assert.strictEqual(z.write(chunk), false);
  var callbacks = 0;
  z.write(chunk, function() { callbacks++; });
  z.on('drain', common.mustCall(function() {
    assert.strictEqual(callbacks, 1);
    // Idle again: the next write is accepted at once.
    assert.strictEqual(z.write('more'), true);
    z.end();
  }));
  z.on('data', function() {});
  z.on('end', common.mustCall());
})();

// pause()/resume(): nothing is emitted while paused.
(function() {
  var z = zlib.createGzip({ chunkSize: 1024 });
  var paused = false;
  var sawData = 0;
  var pauses = 0;
  z.on('data', function(c) {
    assert.ok(!paused, 'data while paused');
    sawData += c.length;
    if (sawData > 4096 && pauses < 3) {
      pauses++;
      z.pause();
      paused = true;
      setTimeout(function() {
        paused = false;
        z.resume();
      }, 20);
    }
  });
  z.on('end', common.mustCall(function() {
    assert.ok(!paused, 'end while paused');
    assert.strictEqual(pauses, 3);
  }));
  var random = new Buffer(256 * 1024);
  for (var i = 0; i < random.length; i++) random[i] = (Math.random() * 256) | 0;
  z.end(random);
})();

// A writable that takes one chunk at a time, slowly: the zlib stream and its source are paused
// by pipe() and resumed on 'drain', and everything arrives.
(function() {
  var slow = new Stream();
  slow.writable = true;
  var received = [];
  var busy = false;
  var refused = 0;
  slow.write = function(c) {
    assert.ok(!busy, 'written while asking for a pause');
    received.push(c);
    busy = true;
    setTimeout(function() {
      busy = false;
      slow.emit('drain');
    }, 1);
    refused++;
    return false;
  };
  slow.end = common.mustCall(function() {
    assert.ok(refused > 10);
    var total = 0;
    received.forEach(function(c) { total += c.length; });
    var all = new Buffer(total);
    var off = 0;
    received.forEach(function(c) { c.copy(all, off); off += c.length; });
    zlib.inflate(all, common.mustCall(function(err, result) {
      assert.ifError(err);
      assert.strictEqual(result.length, 8 * chunk.length);
      for (var i = 0; i < result.length; i++) {
        if (result[i] !== chunk[i % chunk.length]) assert.fail(result[i], chunk[i % chunk.length]);
      }
    }));
  });

  var source = new Stream();
  source.readable = true;
  var sourcePaused = false;
  var sent = 0;
  var sourcePauses = 0;
  source.pause = function() {
    if (!sourcePaused) sourcePauses++;
    sourcePaused = true;
  };
  source.resume = function() {
    sourcePaused = false;
    pump();
  };
  function pump() {
    while (!sourcePaused && sent < 8) {
      sent++;
      source.emit('data', chunk);
    }
    if (sent === 8 && !sourcePaused) {
      sent++;
      source.emit('end');
    }
  }
  var z = zlib.createDeflate({ chunkSize: 512, level: 0 });
  source.pipe(z).pipe(slow);
  process.on('exit', function() { assert.ok(sourcePauses > 0, 'source was never paused'); });
  pump();
})();
