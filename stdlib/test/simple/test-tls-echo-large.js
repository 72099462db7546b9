// Several megabytes each way through a tls echo server: every byte comes back in order, and
// both sides see backpressure (write() returning false, then 'drain').
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
var SIZE = 6 * 1024 * 1024;
var payload = crypto.randomBytes(SIZE);
var expected = crypto.createHash('sha256').update(payload).digest('hex');

var serverSawFalse = false;
var clientSawFalse = false;
var server = tls.createServer({
  key: fs.readFileSync(keys + 'rsa_private.pem'),
  cert: fs.readFileSync(keys + 'localhost_cert.pem')
}, common.mustCall(function(s) {
  s.on('data', function(d) {
    if (s.write(d) === false) {
      serverSawFalse = true;
      s.pause();
      s.once('drain', function() { s.resume(); });
    }
  });
  s.on('end', function() { s.end(); });
}));

server.listen(common.PORT, '127.0.0.1', function() {
  var hash = crypto.createHash('sha256');
  var receivedBytes = 0;
  var c = tls.connect(server.address().port, '127.0.0.1', common.mustCall(function() {
    assert.strictEqual(c.authorized, false);  // No CA given: the server is unknown.
    var offset = 0;
    function writeMore() {
      while (offset < SIZE) {
        var n = Math.min(100000, SIZE - offset);
        var ok = c.write(payload.slice(offset, offset + n));
        offset += n;
        if (!ok) {
          clientSawFalse = true;
          c.once('drain', writeMore);
          return;
        }
      }
      c.end();
    }
    writeMore();
  }));
  c.on('data', function(d) {
    assert.ok(Buffer.isBuffer(d));
    hash.update(d);
    receivedBytes += d.length;
  });
  c.on('end', common.mustCall(function() {
    assert.strictEqual(receivedBytes, SIZE);
    assert.strictEqual(hash.digest('hex'), expected);
  }));
  c.on('close', common.mustCall(function() { server.close(); }));
});

process.on('exit', function() {
  assert.ok(serverSawFalse || clientSawFalse, 'no backpressure was ever signalled');
});
