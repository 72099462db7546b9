// Small cleartext writes made in one tick share TLS records: they are encrypted together at the
// end of the tick (or with the next big write), so the encrypted side emits them as one piece,
// in order. A small write followed at once by destroy() still goes out first.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var server = tls.createSecurePair(crypto.createCredentials({
  key: read('rsa_private.pem'), cert: read('localhost_cert.pem')
}), true, false, false);
var client = tls.createSecurePair(crypto.createCredentials(), false);

var clientPieces = 0;
client.encrypted.on('data', function(d) {
  clientPieces++;
  server.encrypted.write(d);
});
server.encrypted.on('data', function(d) { client.encrypted.write(d); });

var received = '';
server.cleartext.setEncoding('utf8');
server.cleartext.on('data', function(s) { received += s; });

client.on('secure', common.mustCall(function() {
  // Let the handshake's last flights settle first.
  setTimeout(function() {
    clientPieces = 0;
    client.cleartext.write('a');
    client.cleartext.write(new Buffer('b'));
    client.cleartext.write('c', common.mustCall());
    assert.strictEqual(clientPieces, 0);  // not yet: the end of the tick
    process.nextTick(function() {
      assert.strictEqual(clientPieces, 1);
      assert.strictEqual(received, 'abc');

      // A small write, then a big one in the same tick: one piece, in order.
      clientPieces = 0;
      received = '';
      var big = new Array(5001).join('x');
      client.cleartext.write('<');
      client.cleartext.write(big);
      assert.strictEqual(clientPieces, 1);
      assert.strictEqual(received, '<' + big);

      // A small write and destroy() at once: the write goes out first.
      received = '';
      client.cleartext.write('last');
      client.destroy();
      assert.strictEqual(received, 'last');
    });
  }, 10);
}));
