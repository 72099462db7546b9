var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');
var crypto = require('crypto');
var tls = require('tls');

// A deliberate difference from v0.6.3 (stdlib/README.md): OpenSSL 3 refuses keys under 1024
// bits. A user may opt in to them with `ciphers` ending in '@SECLEVEL=0'.
var keys = path.join(common.fixturesDir, 'keys');
var key = fs.readFileSync(path.join(keys, 'rsa768_private.pem'));
var cert = fs.readFileSync(path.join(keys, 'rsa768_selfsigned_cert.pem'));

assert.throws(function() {
  crypto.createCredentials({ key: key, cert: cert });
}, /too small/);
crypto.createCredentials({ key: key, cert: cert, ciphers: 'DEFAULT:@SECLEVEL=0' });

// And a TLS server with such a key talks to a client that opts in too.
var server = tls.createServer({ key: key, cert: cert, ciphers: 'DEFAULT:@SECLEVEL=0' },
                              function(socket) {
  socket.end('weak but asked for');
});
server.listen(0, '127.0.0.1', function() {
  var client = tls.connect(server.address().port, '127.0.0.1',
                           { ciphers: 'DEFAULT:@SECLEVEL=0' }, function() {
    var data = '';
    client.setEncoding('utf8');
    client.on('data', function(d) { data += d; });
    client.on('end', common.mustCall(function() {
      assert.equal(data, 'weak but asked for');
      server.close();
    }));
  });
});
