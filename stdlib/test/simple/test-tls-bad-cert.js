// A client with rejectUnauthorized refuses a server whose certificate its CAs do not vouch for:
// 'error' with the verification result as message and code, never 'secureConnect'. Without
// rejectUnauthorized it connects and reports the same reason in authorizationError. Credentials
// that cannot work (a key that does not match the certificate, garbage PEM) throw at once.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

assert.throws(function() {
  tls.createServer({ key: read('rsa2_private.pem'), cert: read('localhost_cert.pem') });
}, /does not match|mismatch/i);
assert.throws(function() {
  tls.createServer({ key: 'not a key', cert: read('localhost_cert.pem') });
}, Error);
assert.throws(function() {
  tls.connect(1, '127.0.0.1', { cert: 'garbage' });
}, Error);
assert.throws(function() {
  tls.createServer('options');
}, TypeError);

var server = tls.createServer({
  key: read('ec_private.pem'),
  cert: read('ec_selfsigned_cert.pem')
}, function(s) {
  s.end('hi');
});
server.on('clientError', function() {});  // The refusing client's alert.

server.listen(common.PORT, '127.0.0.1', function() {
  var port = server.address().port;
  var c = tls.connect(port, '127.0.0.1', { ca: read('ca_cert.pem'), rejectUnauthorized: true },
                      function() { assert.fail('secureConnect with an untrusted certificate'); });
  c.on('error', common.mustCall(function(err) {
    assert.strictEqual(err.message, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    assert.strictEqual(err.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  }));
  c.on('close', common.mustCall(function() {
    var lax = tls.connect(port, '127.0.0.1', { ca: read('ca_cert.pem') }, common.mustCall(function() {
      assert.strictEqual(lax.authorized, false);
      assert.strictEqual(lax.authorizationError, 'DEPTH_ZERO_SELF_SIGNED_CERT');
      assert.strictEqual(lax.getPeerCertificate().subject.CN, 'selfsigned.nodus.test');
    }));
    lax.on('end', common.mustCall(function() { server.close(); }));
  }));
});
