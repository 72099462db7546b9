// tls.createSecurePair() without sockets: a server pair and a client pair whose encrypted
// streams are piped into each other. 'secure' on both, cleartext both ways, a clean end.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var serverCredentials = crypto.createCredentials({
  key: read('rsa_private.pem'), cert: read('localhost_cert.pem')
});
var clientCredentials = crypto.createCredentials({ ca: read('ca_cert.pem') });

var server = tls.createSecurePair(serverCredentials, true, false, false);
var client = tls.createSecurePair(clientCredentials, false);
assert.ok(server instanceof tls.SecurePair);
assert.ok(server.cleartext instanceof tls.CleartextStream);

// Plain 'data' forwarding rather than pipe(): pipe() stops at the destination's 'end', which an
// encrypted stream emits as soon as its own close_notify is out, before the peer's arrives.
client.encrypted.on('data', function(d) { server.encrypted.write(d); });
server.encrypted.on('data', function(d) { client.encrypted.write(d); });

// Written before the handshake: queued until it is done.
client.cleartext.write('ping');

server.on('secure', common.mustCall(function() {
  server.cleartext.setEncoding('utf8');
  server.cleartext.on('data', common.mustCall(function(d) {
    assert.strictEqual(d, 'ping');
    server.cleartext.end('pong');
  }));
}));

var reply = '';
client.on('secure', common.mustCall(function() {
  assert.strictEqual(client.ssl.verifyError(), null);
  assert.strictEqual(client.cleartext.getPeerCertificate().subject.CN, 'localhost');
}));
client.cleartext.on('data', function(d) { reply += d; });
client.cleartext.on('end', common.mustCall(function() {
  assert.strictEqual(reply, 'pong');
}));
server.cleartext.on('end', common.mustCall());

// A pair with no credentials makes its own (empty) ones.
var bare = tls.createSecurePair();
assert.ok(bare.encrypted && bare.cleartext);
bare.destroy();
bare.cleartext.on('close', common.mustCall());
