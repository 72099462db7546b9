// getPeerCertificate() in v0.6's shape, checked against the fixture's own bytes: subject and
// issuer fields, validity dates, the SHA-1 fingerprint of the DER certificate; getCipher().
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var pem = read('localhost_cert.pem').toString();
var der = new Buffer(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
var fingerprint = crypto.createHash('sha1').update(der).digest('hex').toUpperCase()
    .match(/../g).join(':');

var server = tls.createServer({
  key: read('rsa_private.pem'),
  cert: read('localhost_cert.pem')
}, common.mustCall(function(s) {
  // Without requestCert the client sends no certificate.
  assert.strictEqual(s.getPeerCertificate(), null);
  assert.strictEqual(s.authorized, false);
  var cipher = s.getCipher();
  assert.strictEqual(typeof cipher.name, 'string');
  assert.ok(cipher.name.length > 0);
  assert.ok(/^TLSv1/.test(cipher.version), cipher.version);
  assert.strictEqual(typeof s.remotePort, 'number');
  assert.strictEqual(s.remoteAddress, '127.0.0.1');
  assert.strictEqual(s.address().port, server.address().port);
  assert.strictEqual(s.servername, 'localhost');  // SNI from the client's host name.
  s.end();
}));

server.listen(common.PORT, '127.0.0.1', function() {
  var c = tls.connect(server.address().port, 'localhost', { ca: read('ca_cert.pem') },
                      common.mustCall(function() {
    assert.strictEqual(c.authorized, true);
    var cert = c.getPeerCertificate();
    assert.deepEqual(cert.subject, {
      C: 'UK', ST: 'Acknack Ltd', L: 'Rhys Jones', O: 'nodus', OU: 'Test TLS Certificate',
      CN: 'localhost'
    });
    assert.deepEqual(cert.issuer, { CN: 'Nodus Test CA' });
    assert.strictEqual(cert.fingerprint, fingerprint);
    assert.ok(/^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/.test(cert.valid_from),
              cert.valid_from);
    assert.ok(/^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d 21\d\d GMT$/.test(cert.valid_to),
              cert.valid_to);
    assert.ok(Date.parse(cert.valid_from) < Date.now());
    assert.strictEqual(cert.subjectaltname, 'DNS:localhost, IP Address:127.0.0.1');
    assert.strictEqual(cert.exponent, '0x10001');
    assert.strictEqual(cert.serialNumber, '02');
    var cipher = c.getCipher();
    assert.deepEqual(Object.keys(cipher).sort(), ['name', 'version']);
  }));
  c.on('end', common.mustCall(function() {
    server.close();
  }));
  c.on('close', common.mustCall(function() {
    assert.strictEqual(c.getPeerCertificate(), null);
  }));
});
