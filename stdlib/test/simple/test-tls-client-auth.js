// requestCert without rejectUnauthorized: every client gets in, and `authorized` tells a client
// with a certificate the CA signed from one without a certificate or with a self-signed one.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var clients = [
  { name: 'signed', options: { key: read('rsa_private.pem'), cert: read('rsa_cert.pem') },
    authorized: true, error: null },
  { name: 'none', options: {}, authorized: false, error: 'UNABLE_TO_GET_ISSUER_CERT' },
  { name: 'self-signed',
    options: { key: read('ec_private.pem'), cert: read('ec_selfsigned_cert.pem') },
    authorized: false, error: 'DEPTH_ZERO_SELF_SIGNED_CERT' }
];

var server = tls.createServer({
  key: read('rsa_private.pem'),
  cert: read('localhost_cert.pem'),
  ca: [read('ca_cert.pem')],
  requestCert: true
}, common.mustCall(function(s) {
  s.setEncoding('utf8');
  s.once('data', function(name) {
    var expected = clients.filter(function(c) { return c.name === name; })[0];
    assert.ok(expected, 'unknown client ' + name);
    assert.strictEqual(s.authorized, expected.authorized, name);
    if (expected.error === null) {
      assert.ok(!s.authorizationError);
      var cert = s.getPeerCertificate();
      assert.strictEqual(cert.subject.CN, 'agent1.nodus.test');
      assert.strictEqual(cert.issuer.CN, 'Nodus Test CA');
    } else {
      assert.strictEqual(s.authorizationError, expected.error, name);
    }
    s.end('checked ' + name);
  });
}, clients.length));

server.on('clientError', function(e) { throw e; });

server.listen(common.PORT, '127.0.0.1', function() {
  var remaining = clients.length;
  clients.forEach(function(client) {
    var options = client.options;
    options.ca = [read('ca_cert.pem')];
    var c = tls.connect(server.address().port, '127.0.0.1', options, common.mustCall(function() {
      // The server's certificate names localhost and the CA signed it.
      assert.strictEqual(c.authorized, true);
      c.write(client.name);
    }));
    var reply = '';
    c.setEncoding('utf8');
    c.on('data', function(d) { reply += d; });
    c.on('end', common.mustCall(function() {
      assert.strictEqual(reply, 'checked ' + client.name);
      if (--remaining === 0) server.close();
    }));
  });
});
