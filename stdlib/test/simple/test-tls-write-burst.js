// A TLS writer that the socket never stops (the kernel takes each write at once) still waits
// between bursts: once a connection has sent 128 KiB without the loop polling for I/O,
// cleartext.write() returns false, and 'drain' follows after the loop has polled, so that the
// peer (here in the same process) reads between bursts (tls_wrap.cc's noteSent). Checked:
//  1. a server writing 4 MB of 32 KiB pieces in a loop, outside any callback of the connection
//     (each 'drain' starts the next loop with process.nextTick): never more than 4 writes in a
//     row return true (128 KiB is 4 pieces; a full socket could only stop it sooner), 'drain'
//     always comes, and the client gets every byte intact;
//  2. a writer that sends 1 KiB per turn of the loop (in answer to the client's pings) is never
//     told to wait, though it sends 300 KiB in all, past the burst.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
var options = {
  key: fs.readFileSync(keys + 'rsa_private.pem'),
  cert: fs.readFileSync(keys + 'localhost_cert.pem')
};

function byteAt(i) { return (i * 7 + (i >> 13)) & 255; }

var TOTAL = 4 * 1024 * 1024;
var PIECE = 32 * 1024;
var ROUNDS = 300;

var server = tls.createServer(options, function(cleartext) {
  cleartext.once('data', function(what) {
    if (String(what) === 'bulk') bulk(cleartext); else pingPong(cleartext);
  });
});

// 1.
var longestRun = 0;
var drains = 0;
function bulk(cleartext) {
  var at = 0, run = 0;
  function more() {
    while (at < TOTAL) {
      var piece = new Buffer(PIECE);
      for (var i = 0; i < PIECE; i++) piece[i] = byteAt(at + i);
      at += PIECE;
      if (!cleartext.write(piece)) {
        run = 0;
        return;
      }
      run++;
      if (run > longestRun) longestRun = run;
    }
    cleartext.end();
  }
  cleartext.on('drain', function() {
    drains++;
    process.nextTick(more);
  });
  setTimeout(more, 1);
}

// 2.
var pingWrites = 0;
var pingRefused = 0;
function pingPong(cleartext) {
  var reply = new Buffer(1024);
  reply.fill(0x61);
  function answer() {
    pingWrites++;
    if (!cleartext.write(reply)) pingRefused++;
    if (pingWrites === ROUNDS) cleartext.end();
  }
  answer();
  cleartext.on('data', answer);
}

server.listen(0, '127.0.0.1', function() {
  var port = server.address().port;
  var got = 0;
  var client = tls.connect(port, '127.0.0.1', function() {
    client.write('bulk');
  });
  client.on('data', function(d) {
    for (var i = 0; i < d.length; i++) {
      if (d[i] !== byteAt(got + i)) assert.fail('byte ' + (got + i) + ' is ' + d[i]);
    }
    got += d.length;
  });
  client.on('end', common.mustCall(function() {
    assert.strictEqual(got, TOTAL);
    assert.ok(longestRun >= 1 && longestRun <= 4, 'longest run of true writes: ' + longestRun);
    assert.ok(drains >= TOTAL / PIECE / 5, drains + ' drains');
    client.end();
    startPingPong();
  }));
  function startPingPong() {
    var received = 0;
    var pinger = tls.connect(port, '127.0.0.1', function() {
      pinger.write('ping');
    });
    pinger.on('data', function(d) {
      received += d.length;
      // One ping per full reply: the server's next write is in a later turn of the loop.
      if (received % 1024 === 0 && received < ROUNDS * 1024) pinger.write('p');
    });
    pinger.on('end', common.mustCall(function() {
      assert.strictEqual(received, ROUNDS * 1024);
      assert.strictEqual(pingWrites, ROUNDS);
      assert.strictEqual(pingRefused, 0);
      pinger.end();
      server.close();
    }));
  }
});
