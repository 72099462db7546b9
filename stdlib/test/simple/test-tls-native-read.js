// A TLS connection over a socket reads the socket natively (tls_wrap.cc's attachSocket: the
// reads go from the stream's shared read buffer into OpenSSL, never as 'data' events). Checked:
//  1. the bytes arrive intact both ways through a relay that cuts the stream into pieces of odd
//     sizes, while each side's cleartext is paused now and then (so what OpenSSL has not read
//     yet must be copied out of the read buffer, which another connection's reads overwrite),
//     and the native path was the one used (the socket handles count the bytes they took
//     natively);
//  2. a connection destroyed from inside its own 'data' handler (JS closing the connection
//     while the native read that called it is still on the stack), and the socket closed by the
//     peer in the middle of a transfer, both end in 'close' with nothing more delivered.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var net = require('net');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
var options = {
  key: fs.readFileSync(keys + 'rsa_private.pem'),
  cert: fs.readFileSync(keys + 'localhost_cert.pem')
};

function pattern(i, seed) { return (i * seed + (i >> 11)) & 255; }
function makePiece(at, length, seed) {
  var piece = new Buffer(length);
  for (var i = 0; i < length; i++) piece[i] = pattern(at + i, seed);
  return piece;
}
function checker(seed) {
  var got = 0;
  return {
    add: function(d) {
      for (var i = 0; i < d.length; i++) {
        if (d[i] !== pattern(got + i, seed)) {
          assert.fail('byte ' + (got + i) + ' is ' + d[i] + ', not ' + pattern(got + i, seed));
        }
      }
      got += d.length;
    },
    total: function() { return got; }
  };
}
function writeAll(stream, size, sizes, seed, done) {
  var at = 0, k = 0;
  function more() {
    while (at < size) {
      var n = Math.min(sizes[k++ % sizes.length], size - at);
      var piece = makePiece(at, n, seed);
      at += n;
      if (!stream.write(piece)) return stream.once('drain', more);
    }
    done();
  }
  more();
}
// Pauses `stream` now and then (after every `every` 'data' events) for a few turns of the loop.
// The pause comes from outside the connection's own work (setImmediate), so that reads arrive
// while it is paused: their bytes wait inside the connection while other sockets of the process
// (the relay's) reuse the read buffer they came in.
function pauseNowAndThen(stream, every) {
  var n = 0;
  stream.on('data', function() {
    if (++n % every !== 0) return;
    setImmediate(function() {
      stream.pause();
      setTimeout(function() { stream.resume(); }, 10);
    });
  });
}
// A plain TCP connection in the same process that keeps reading small pieces of other bytes
// (0xEE), each into the same shared read buffer, until stop() is called.
function noise(done) {
  var stopped = false, reader = null;
  var server = net.createServer(function(c) {
    var junk = new Buffer(1000);
    junk.fill(0xEE);
    (function send() {
      if (stopped) return c.end();
      c.write(junk);
      setImmediate(send);
    })();
  });
  server.listen(0, '127.0.0.1', function() {
    reader = net.connect(server.address().port, '127.0.0.1');
    reader.on('data', function() {});
    reader.on('close', function() { server.close(); });
    done({ stop: function() { stopped = true; } });
  });
}
// Forwards from `from` to `to` in pieces of odd sizes, each in a turn of its own.
function relay(from, to) {
  var sizes = [1, 4093, 7, 16389, 517, 40000, 3];
  var k = 0, queue = [], busy = false, ended = false;
  function pump() {
    if (queue.length === 0) {
      busy = false;
      if (ended) to.end();
      return;
    }
    busy = true;
    var head = queue[0];
    var n = Math.min(sizes[k++ % sizes.length], head.length);
    if (n === head.length) queue.shift(); else queue[0] = head.slice(n);
    if (to.writable) to.write(head.slice(0, n));
    setImmediate(pump);
  }
  from.on('data', function(d) {
    queue.push(d);
    if (!busy) pump();
  });
  from.on('end', function() {
    ended = true;
    if (!busy) pump();
  });
  from.on('error', function() {});
  to.on('error', function() {});
  // A side that went away without ending takes the other one with it.
  from.on('close', function() { if (!ended) to.destroy(); });
}

var SERVER_BYTES = 3 * 1024 * 1024 + 12345, CLIENT_BYTES = 1024 * 1024 + 777;

function integrity(next) {
  noise(function(junk) { integrityWith(junk, next); });
}
function integrityWith(junk, next) {
  var serverNative = -1;
  var server = tls.createServer(options, common.mustCall(function(c) {
    var fromClient = checker(5);
    pauseNowAndThen(c, 3);
    // The server ends once it has sent everything and received all the client's bytes.
    var sent = false;
    function maybeEnd() {
      if (!sent || fromClient.total() !== CLIENT_BYTES) return;
      serverNative = c.socket._handle.pipedReadBytes();
      c.end();
    }
    c.on('data', function(d) {
      fromClient.add(d);
      assert.ok(fromClient.total() <= CLIENT_BYTES);
      maybeEnd();
    });
    writeAll(c, SERVER_BYTES, [65536, 1, 16385, 100000, 4095], 3, function() {
      sent = true;
      maybeEnd();
    });
  }));
  server.listen(0, '127.0.0.1', function() {
    // A relay in each direction, so that neither side sees the other's write sizes.
    var proxy = net.createServer(function(inbound) {
      var outbound = net.connect(server.address().port, '127.0.0.1');
      relay(inbound, outbound);
      relay(outbound, inbound);
    });
    proxy.listen(0, '127.0.0.1', function() {
      var fromServer = checker(3);
      var client = tls.connect(proxy.address().port, '127.0.0.1', function() {
        writeAll(client, CLIENT_BYTES, [65536, 7, 30001], 5, function() {});
      });
      pauseNowAndThen(client, 2);
      client.on('data', function(d) { fromServer.add(d); });
      client.on('end', common.mustCall(function() {
        assert.strictEqual(fromServer.total(), SERVER_BYTES);
        // Everything the client's socket read went through the native path.
        assert.ok(client.socket._handle.pipedReadBytes() >= SERVER_BYTES,
                  'client read natively: ' + client.socket._handle.pipedReadBytes());
      }));
      client.on('close', common.mustCall(function() {
        // The server's socket took the client's bytes natively too.
        assert.ok(serverNative >= CLIENT_BYTES, 'server read natively: ' + serverNative);
        server.close();
        proxy.close();
        junk.stop();
        next();
      }));
    });
  });
}

function closeDuringTransfer(next) {
  var closes = 0;
  function closed() { if (++closes === 2) { server.close(); next(); } }
  var connections = 0;
  var server = tls.createServer(options, function(c) {
    c.on('error', function() {});
    if (++connections === 1) {
      // First connection: the server destroys it from inside a 'data' handler.
      var got = 0, after = false;
      c.on('data', function(d) {
        assert.ok(!after, 'data after destroy()');
        got += d.length;
        if (got > 200000) {
          after = true;
          c.destroy();
        }
      });
      c.on('close', common.mustCall(closed));
    } else {
      // Second connection: the server sends until the client goes away.
      c.on('data', function() {});
      c.on('close', common.mustCall(closed));
      writeAll(c, 64 * 1024 * 1024, [65536], 3, function() {});
    }
  });
  server.listen(0, '127.0.0.1', function() {
    var port = server.address().port;
    var a = tls.connect(port, '127.0.0.1', function() {
      writeAll(a, 64 * 1024 * 1024, [65536], 5, function() {});
    });
    a.on('error', function() {});
    a.on('close', common.mustCall(function() {
      var b = tls.connect(port, '127.0.0.1');
      b.on('error', function() {});
      var got = 0;
      b.on('data', function(d) {
        got += d.length;
        // The client's socket goes away under its own native read.
        if (got > 300000 && b.socket) b.socket.destroy();
      });
    }));
  });
}

integrity(function() {
  closeDuringTransfer(function() {});
});
