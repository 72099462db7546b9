// socket.pipe(socket) and socket.pipe(otherSocket) move bytes natively while nothing else
// listens to the source (stdlib/lib/net.js, runtime/core/stream_wrap.h). Checks that every byte
// arrives once and in order, under backpressure, and that counters, 'drain', 'end' and a
// 'data' listener added mid-stream behave as the JS pipe() does.
var common = require('../common');
var assert = require('assert');
var net = require('net');

function pattern(length, seed) {
  var b = new Buffer(length);
  for (var i = 0; i < length; i++) b[i] = (i * 7 + seed) & 0xff;
  return b;
}

function collect(socket, cb) {
  var chunks = [];
  var total = 0;
  socket.on('data', function(d) { chunks.push(d); total += d.length; });
  socket.on('end', function() {
    var all = new Buffer(total);
    var at = 0;
    chunks.forEach(function(c) { c.copy(all, at); at += c.length; });
    cb(all);
  });
}

function sameBytes(a, b, what) {
  assert.strictEqual(a.length, b.length, what + ': length ' + a.length + ' vs ' + b.length);
  for (var i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) assert.fail(what + ': byte ' + i + ' differs');
  }
}

var pending = 0;
function done() { if (--pending === 0) process.exit(0); }

// 1. The echo server: 8 MB through socket.pipe(socket), the client not reading at first, then
// ending; everything comes back, then 'end'. (Whether the server meets backpressure here, and
// whether its reads are full enough for splice mode, depends on the kernel's buffer sizes:
// case 7 checks backpressure deterministically, case 6 checks splice when it happens.)
pending++;
(function() {
  var data = pattern(8 * 1024 * 1024 + 13, 1);
  var server = net.createServer(function(socket) {
    socket.pipe(socket);
    assert.strictEqual(socket._handle.pipingTo(), socket._handle, 'the echo pipe is native');
    socket.on('close', common.mustCall(function(hadError) {
      assert.strictEqual(hadError, false);
      assert.strictEqual(socket.bytesRead, data.length);
      assert.strictEqual(socket.bytesWritten, data.length);
      server.close();
    }));
  });
  server.listen(0, '127.0.0.1', function() {
    var client = net.connect(server.address().port, '127.0.0.1', function() {
      client.pause();
      client.write(data);
      client.end();
      setTimeout(function() { client.resume(); }, 100);
    });
    collect(client, common.mustCall(function(all) {
      sameBytes(all, data, 'echo');
      done();
    }));
  });
})();

// 2. A proxy: a -> b natively, with the final reader pausing; source 'end' ends the destination.
pending++;
(function() {
  var data = pattern(3 * 1024 * 1024 + 5, 2);
  var sink = net.createServer(function(socket) {
    socket.pause();
    setTimeout(function() { socket.resume(); }, 200);
    collect(socket, common.mustCall(function(all) {
      sameBytes(all, data, 'proxy');
      sink.close();
      proxy.close();
      done();
    }));
  });
  var proxy = net.createServer(function(incoming) {
    var outgoing = net.connect(sink.address().port, '127.0.0.1', function() {
      incoming.pipe(outgoing);
      assert.strictEqual(incoming._handle.pipingTo(), outgoing._handle, 'the proxy pipe is native');
      incoming.resume();
    });
    incoming.pause();
  });
  sink.listen(0, '127.0.0.1', function() {
    proxy.listen(0, '127.0.0.1', function() {
      var client = net.connect(proxy.address().port, '127.0.0.1', function() {
        client.end(data);
      });
    });
  });
})();

// 3. A 'data' listener added mid-stream takes the bytes back to JS: it sees every byte from
// then on, and the destination still gets every byte exactly once.
pending++;
(function() {
  var first = pattern(200000, 3);
  var second = pattern(300000, 4);
  var seenByListener = 0;
  var server = net.createServer(function(socket) {
    socket.pipe(socket);
    assert.strictEqual(socket._handle.pipingTo(), socket._handle);
    socket.once('readyForMore', function() {
      socket.on('data', function(d) { seenByListener += d.length; });
      assert.strictEqual(socket._handle.pipingTo(), null, 'a data listener ends native piping');
    });
  });
  server.listen(0, '127.0.0.1', function() {
    var client = net.connect(server.address().port, '127.0.0.1');
    var received = [];
    var got = 0;
    client.on('data', function(d) {
      received.push(d);
      got += d.length;
      if (got === first.length) {
        server.connections === 1 || assert.fail('one connection');
        // Switch the server side to JS, then send the rest.
        serverSide().emit('readyForMore');
        client.end(second);
      }
    });
    client.on('end', common.mustCall(function() {
      var all = Buffer.concat ? Buffer.concat(received) : null;
      if (all === null) {
        all = new Buffer(got);
        var at = 0;
        received.forEach(function(c) { c.copy(all, at); at += c.length; });
      }
      var expected = new Buffer(first.length + second.length);
      first.copy(expected, 0);
      second.copy(expected, first.length);
      sameBytes(all, expected, 'switch to JS');
      assert.strictEqual(seenByListener, second.length);
      server.close();
      done();
    }));
    client.write(first);
  });
  var sockets = [];
  server.on('connection', function(s) { sockets.push(s); });
  function serverSide() { return sockets[0]; }
})();

// 4. The destination destroyed mid-stream: the source keeps running, nothing crashes, and the
// pipe's listeners are gone.
pending++;
(function() {
  var sink = net.createServer(function(socket) {
    socket.on('data', function() {
      socket.destroy();
    });
  });
  var proxy = net.createServer(function(incoming) {
    var outgoing = net.connect(sink.address().port, '127.0.0.1', function() {
      incoming.pipe(outgoing);
      assert.strictEqual(incoming._handle.pipingTo(), outgoing._handle);
      outgoing.on('error', function() {});
      outgoing.on('close', common.mustCall(function() {
        setTimeout(function() {
          assert.strictEqual(incoming._handle.pipingTo(), null);
          assert.strictEqual(incoming.listeners('data').length, 0);
          incoming.destroy();
          sink.close();
          proxy.close();
          done();
        }, 50);
      }));
    });
  });
  sink.listen(0, '127.0.0.1', function() {
    proxy.listen(0, '127.0.0.1', function() {
      var client = net.connect(proxy.address().port, '127.0.0.1', function() {
        var chunk = pattern(65536, 5);
        var n = 0;
        (function more() {
          if (client.destroyed || n++ > 200) return;
          if (client.write(chunk) !== false) setTimeout(more, 1); else client.once('drain', more);
        })();
      });
      client.on('error', function() {});
    });
  });
})();

// 5. setEncoding and setTimeout hand the bytes back to JS before they arrive.
pending++;
(function() {
  var server = net.createServer(function(socket) {
    socket.pipe(socket);
    assert.strictEqual(socket._handle.pipingTo(), socket._handle);
    socket.setTimeout(10000);
    assert.strictEqual(socket._handle.pipingTo(), null, 'setTimeout ends native piping');
    socket.setTimeout(0);
  });
  server.listen(0, '127.0.0.1', function() {
    var client = net.connect(server.address().port, '127.0.0.1', function() {
      client.end('héllo, world');
    });
    client.setEncoding('utf8');
    var text = '';
    client.on('data', function(s) { text += s; });
    client.on('end', common.mustCall(function() {
      assert.strictEqual(text, 'héllo, world');
      server.close();
      done();
    }));
  });
})();

// 6. A JS write on a socket that echoes itself (in splice mode, if reads are full enough for
// it): what the kernel pipe held goes out first, then the write, then the rest; every byte
// exactly once, in order.
pending++;
(function() {
  var data = new Buffer(6 * 1024 * 1024);
  for (var i = 0; i < data.length; i++) data[i] = (i * 13) & 0x7f;  // never 0xff
  var marker = new Buffer([0xff, 0xff, 0xff]);
  var server = net.createServer(function(socket) {
    socket.pipe(socket);
    // The marker goes in while splicing if the kernel's reads make splice mode happen; else
    // (or if the echo gets far without it) once half the data has gone through natively.
    var wrote = false;
    var watch = setInterval(function() {
      if (wrote || !socket._handle) return;
      if (socket._handle.splicing() || socket._handle.pipedReadBytes() >= data.length / 2) {
        wrote = true;
        socket.write(marker);
        clearInterval(watch);
      }
    }, 1);
    socket.on('close', function() { clearInterval(watch); server.close(); });
  });
  server.listen(0, '127.0.0.1', function() {
    var client = net.connect(server.address().port, '127.0.0.1', function() {
      client.write(data);
      client.end();
    });
    collect(client, common.mustCall(function(all) {
      var at = -1;
      for (var k = 0; k < all.length; k++) if (all[k] === 0xff) { at = k; break; }
      assert.ok(at > 0, 'the marker came back');
      for (var k2 = 0; k2 < 3; k2++) assert.strictEqual(all[at + k2], 0xff);
      var rest = new Buffer(all.length - 3);
      all.copy(rest, 0, 0, at);
      all.copy(rest, at, at + 3);
      sameBytes(rest, data, 'splice then a JS write');
      done();
    }));
  });
})();

// 7. Backpressure, whatever the kernel's buffer sizes: a native proxy a -> b whose final reader
// does not read. The client writes until the proxy's destination has piped data waiting in its
// write queue (the kernel buffers on the way are then full, however big they are); only then
// does the reader start. The destination emits 'drain', and every byte arrives once, in order.
pending++;
(function() {
  var CHUNK = 256 * 1024;
  var sent = 0;
  var chunks = [];
  var outgoing = null;
  var sinkSocket = null;
  var blocked = false;
  var drains = 0;
  var sink = net.createServer(function(socket) {
    sinkSocket = socket;
    socket.pause();
    collect(socket, common.mustCall(function(all) {
      var expected = new Buffer(sent);
      var at = 0;
      chunks.forEach(function(c) { c.copy(expected, at); at += c.length; });
      sameBytes(all, expected, 'proxy under backpressure');
      assert.ok(drains > 0, 'the destination emitted drain');
      sink.close();
      proxy.close();
      done();
    }));
  });
  var proxy = net.createServer(function(incoming) {
    incoming.pause();
    outgoing = net.connect(sink.address().port, '127.0.0.1', function() {
      incoming.pipe(outgoing);
      assert.strictEqual(incoming._handle.pipingTo(), outgoing._handle);
      outgoing.on('drain', function() { drains++; });
      incoming.resume();
    });
  });
  sink.listen(0, '127.0.0.1', function() {
    proxy.listen(0, '127.0.0.1', function() {
      var client = net.connect(proxy.address().port, '127.0.0.1', function() {
        var seed = 10;
        (function more() {
          while (!blocked) {
            var chunk = pattern(CHUNK, seed++);
            chunks.push(chunk);
            sent += chunk.length;
            if (!client.write(chunk)) return client.once('drain', more);
          }
        })();
        var watch = setInterval(function() {
          if (!outgoing || !outgoing._handle || !sinkSocket) return;
          if (outgoing._handle.writeQueueSize > 0) {
            // The destination is blocked: from here the reader reads, and the client ends.
            clearInterval(watch);
            blocked = true;
            assert.ok(outgoing.bufferSize > 0);
            client.end();
            sinkSocket.resume();
          }
        }, 1);
      });
    });
  });
})();
