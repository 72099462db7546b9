// Clients that set no credential option (no key, cert, ca, crl, ciphers, protocol...) share one
// set of default credentials, made once (an OpenSSL context costs a tenth of a handshake); a
// client that sets any of them gets its own. Each connection still does its own handshake and
// its own certificate check: the shared one trusts only the system roots, so the test server's
// certificate is unauthorized there and authorized for the client given its CA.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var server = tls.createServer({
  key: read('rsa_private.pem'),
  cert: read('localhost_cert.pem')
}, function(s) {
  s.end('hi');
});

function connect(options, check, next) {
  var c = tls.connect(server.address().port, '127.0.0.1', options, common.mustCall(function() {
    check(c);
  }));
  var got = '';
  c.on('data', function(d) { got += d; });
  c.on('end', common.mustCall(function() {
    assert.strictEqual(got, 'hi');
    next(c);
  }));
}

server.listen(common.PORT, '127.0.0.1', function() {
  connect({}, function(first) {
    assert.strictEqual(first.authorized, false);
  }, function(first) {
    connect({ rejectUnauthorized: false, servername: 'localhost' }, function(second) {
      assert.strictEqual(second.authorized, false);
    }, function(second) {
      assert.strictEqual(second.pair.credentials, first.pair.credentials);
      connect({ ca: read('ca_cert.pem'), servername: 'localhost' }, function(third) {
        assert.strictEqual(third.authorized, true);
      }, function(third) {
        assert.notStrictEqual(third.pair.credentials, first.pair.credentials);
        // The default client again, after the one with its own CA: still not authorized.
        connect({}, function(fourth) {
          assert.strictEqual(fourth.authorized, false);
          assert.strictEqual(fourth.pair.credentials, first.pair.credentials);
        }, function() {
          server.close();
        });
      });
    });
  });
});
