// Bulk data over a real TLS connection arrives byte for byte, whatever the sizes of the socket's
// reads and of the records: 4 MB from the server in writes of 64 KiB and odd sizes, 1 MB back
// from the client, every byte checked against its pattern.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
var options = {
  key: fs.readFileSync(keys + 'rsa_private.pem'),
  cert: fs.readFileSync(keys + 'localhost_cert.pem')
};

function pattern(i, seed) { return (i * seed + (i >> 12)) & 255; }
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
// Writes `size` bytes in pieces of the given sizes (repeated), honouring back-pressure.
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

var SERVER_BYTES = 4 * 1024 * 1024, CLIENT_BYTES = 1024 * 1024;
var server = tls.createServer(options, common.mustCall(function(c) {
  var fromClient = checker(5);
  c.on('data', function(d) { fromClient.add(d); });
  c.on('end', common.mustCall(function() {
    assert.strictEqual(fromClient.total(), CLIENT_BYTES);
    server.close();
  }));
  writeAll(c, SERVER_BYTES, [65536, 1, 16384, 16385, 100000, 4095], 3, function() {
    c.end();
  });
}));

server.listen(0, '127.0.0.1', function() {
  var fromServer = checker(3);
  var client = tls.connect(server.address().port, '127.0.0.1', function() {
    writeAll(client, CLIENT_BYTES, [65536, 7, 30000], 5, function() {});
  });
  client.on('data', function(d) { fromServer.add(d); });
  client.on('end', common.mustCall(function() {
    assert.strictEqual(fromServer.total(), SERVER_BYTES);
    client.end();
  }));
});
