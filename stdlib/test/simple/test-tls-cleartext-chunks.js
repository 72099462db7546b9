// The cleartext a TLS connection reads is decrypted straight into the memory of the Buffer
// handed to 'data', taken without zero-filling and sized for what had arrived: every byte must
// be right, and the bytes of a chunk's ArrayBuffer past the chunk must be zero (nothing
// uninitialized reachable through .buffer). Runs itself again with --expose_gc, to free memory
// full of other bytes for those reads to be given.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var tls = require('tls');

if (typeof gc !== 'function') {
  var child = require('child_process').spawn(process.execPath, ['--expose_gc', __filename],
                                             { customFds: [0, 1, 2] });
  child.on('exit', common.mustCall(function(code) {
    assert.strictEqual(code, 0);
  }));
  return;
}

var keys = common.fixturesDir + '/keys/';
var data = crypto.randomBytes(3 * 1024 * 1024 + 777);

// Memory full of 0xee, freed (the small Buffers kept between the big ones stop free() from
// handing the big ones back to the system).
var pins = [];
(function() {
  for (var i = 0; i < 32; i++) {
    var b = new Buffer(65536);
    b.fill(0xee);
    pins.push(new Buffer(4096));
  }
})();
gc();
gc();

var server = tls.createServer({
  key: fs.readFileSync(keys + 'rsa_private.pem'),
  cert: fs.readFileSync(keys + 'localhost_cert.pem')
}, common.mustCall(function(s) {
  // Pieces of several sizes, so that records and reads end in different places.
  var at = 0;
  var sizes = [1, 100, 16384, 16385, 65536, 200000];
  for (var k = 0; at < data.length; k++) {
    var n = Math.min(sizes[k % sizes.length], data.length - at);
    s.write(data.slice(at, at + n));
    at += n;
  }
  s.end();
}));

server.listen(0, '127.0.0.1', function() {
  var got = [];
  var total = 0;
  var client = tls.connect(server.address().port, '127.0.0.1', function() {
    client.on('data', function(chunk) {
      var all = new Uint8Array(chunk.buffer);
      for (var i = 0; i < all.length; i++) {
        if (i >= chunk.byteOffset && i < chunk.byteOffset + chunk.length) continue;
        if (all[i] !== 0) assert.fail('byte ' + i + ' past a chunk is ' + all[i]);
      }
      got.push(new Buffer(chunk));
      total += chunk.length;
    });
  });
  client.on('end', common.mustCall(function() {
    assert.strictEqual(total, data.length);
    var joined = new Buffer(total);
    var at = 0;
    got.forEach(function(c) { c.copy(joined, at); at += c.length; });
    assert.strictEqual(joined.toString('hex'), data.toString('hex'));
    assert.strictEqual(pins.length, 32);
    server.close();
  }));
});
