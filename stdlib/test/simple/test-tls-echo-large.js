// Megabytes each way through a tls echo server: every byte comes back in order, and both sides
// see backpressure (write() returning false, then 'drain'), whatever the kernel's buffer sizes.
// The test makes backpressure happen rather than hoping for it:
//  1. the server's cleartext stream starts paused, and the client writes until its write()
//     returns false (the server reads nothing, so the bytes pile up: OpenSSL, socket, kernel);
//  2. the server then starts echoing while the client keeps its own reading paused and keeps
//     writing on each 'drain', until the server's write() returns false;
//  3. the client then reads, writes a fixed tail and ends; the server ends after the client.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
var CHUNK = 64 * 1024;
var TAIL_CHUNKS = 16;  // 1 MB after both sides have seen backpressure
var block = crypto.randomBytes(CHUNK * 2);
// Chunk k: 64 KB of `block` from offset k mod CHUNK, so consecutive chunks differ.
function chunk(k) { var o = (k * 7919) % CHUNK; return block.slice(o, o + CHUNK); }

var serverSawFalse = false;
var clientSawFalse = false;
var serverStream = null;
var client = null;

var server = tls.createServer({
  key: fs.readFileSync(keys + 'rsa_private.pem'),
  cert: fs.readFileSync(keys + 'localhost_cert.pem')
}, common.mustCall(function(s) {
  serverStream = s;
  // Step 1: read nothing until the client has been told to wait (which, with TLS 1.3, may
  // happen before the server's handshake is done).
  if (!clientSawFalse) s.pause();
  s.on('data', function(d) {
    if (s.write(d) === false) {
      s.pause();
      s.once('drain', function() { s.resume(); });
      if (!serverSawFalse) {
        serverSawFalse = true;
        client.resume();  // Step 3.
      }
    }
  });
  s.on('end', function() { s.end(); });
}));

server.listen(common.PORT, '127.0.0.1', function() {
  var sentHash = crypto.createHash('sha256');
  var receivedHash = crypto.createHash('sha256');
  var sentBytes = 0;
  var receivedBytes = 0;
  var k = 0;
  var tailLeft = TAIL_CHUNKS;
  var c = client = tls.connect(server.address().port, '127.0.0.1', common.mustCall(function() {
    assert.strictEqual(c.authorized, false);  // No CA given: the server is unknown.
    writeMore();
  }));
  c.pause();  // Step 2: the echo waits until the server has seen write() return false.

  function send() {
    var data = chunk(k++);
    sentHash.update(data);
    sentBytes += data.length;
    return c.write(data);
  }

  function writeMore() {
    while (true) {
      if (serverSawFalse) {
        if (tailLeft === 0) return c.end();
        tailLeft--;
      }
      if (!send()) break;
    }
    if (!clientSawFalse) {
      clientSawFalse = true;
      if (serverStream) serverStream.resume();  // Step 2.
    }
    c.once('drain', writeMore);
  }

  c.on('data', function(d) {
    assert.ok(Buffer.isBuffer(d));
    receivedHash.update(d);
    receivedBytes += d.length;
  });
  c.on('end', common.mustCall(function() {
    assert.ok(serverSawFalse && clientSawFalse);
    assert.strictEqual(tailLeft, 0);
    assert.strictEqual(receivedBytes, sentBytes);
    assert.strictEqual(receivedHash.digest('hex'), sentHash.digest('hex'));
  }));
  c.on('close', common.mustCall(function() { server.close(); }));
});

process.on('exit', function() {
  assert.ok(clientSawFalse, 'the client never saw write() return false');
  assert.ok(serverSawFalse, 'the server never saw write() return false');
});
