// A `ca` list holding something that is not a certificate (nssocket 0.3.8's TLS test passes a
// certificate request) works as in v0.6: the entry is skipped, the certificates beside it are
// trusted, and a peer that only the skipped entry could vouch for is unauthorized, not trusted.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var server = tls.createServer({
  key: read('rsa_private.pem'),
  cert: read('localhost_cert.pem'),
  ca: read('agent_csr.pem')  // only a request: the server still starts
}, function(s) {
  s.end('hello');
});

// connect(ca, check, next): a client trusting `ca`; check(client) once it is secure.
function connect(ca, check, next) {
  var c = tls.connect(server.address().port, '127.0.0.1', { ca: ca }, common.mustCall(function() {
    check(c);
  }));
  var got = '';
  c.on('data', function(d) { got += d; });
  c.on('end', common.mustCall(function() {
    assert.strictEqual(got, 'hello');
    next();
  }));
}

server.listen(common.PORT, '127.0.0.1', function() {
  // The request first, then the CA that signed the server's certificate: authorized.
  connect([read('agent_csr.pem'), read('ca_cert.pem')], function(c) {
    assert.strictEqual(c.authorized, true, c.authorizationError);
  }, function() {
    // The request alone vouches for nothing: the handshake completes, unauthorized, as in v0.6.
    connect([read('agent_csr.pem')], function(c) {
      assert.strictEqual(c.authorized, false);
      assert.strictEqual(String(c.authorizationError), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    }, function() {
      server.close();
    });
  });
});
