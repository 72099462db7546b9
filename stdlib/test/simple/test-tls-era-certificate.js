// A server whose key is 1024 bits with a SHA-1 self-signed certificate, as the era's were
// (request 2.9's and winston 0.6's test suites carry such), works at the default security level,
// as on Node: Debian's OpenSSL configuration alone (level 2) refuses it with "ee key too small".
// Keys under 1024 bits stay refused unless `ciphers` asks for '@SECLEVEL=0'.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');
var tls = require('tls');
var crypto = require('crypto');

var keys = path.join(common.fixturesDir, 'keys');
var key = fs.readFileSync(path.join(keys, 'rsa1024_private.pem'));
var cert = fs.readFileSync(path.join(keys, 'rsa1024_sha1_cert.pem'));

crypto.createCredentials({ key: key, cert: cert });   // no "ee key too small"
assert.throws(function() {
  crypto.createCredentials({ key: fs.readFileSync(path.join(keys, 'rsa768_private.pem')),
                             cert: fs.readFileSync(path.join(keys, 'rsa768_selfsigned_cert.pem')) });
}, /too small/);

var server = tls.createServer({ key: key, cert: cert }, function(s) {
  s.end('era');
});
server.listen(0, '127.0.0.1', common.mustCall(function() {
  var c = tls.connect(server.address().port, '127.0.0.1', { rejectUnauthorized: false },
                      common.mustCall(function() {
    var got = '';
    c.setEncoding('utf8');
    c.on('data', function(d) { got += d; });
    c.on('end', common.mustCall(function() {
      assert.strictEqual(got, 'era');
      server.close();
    }));
  }));
}));
