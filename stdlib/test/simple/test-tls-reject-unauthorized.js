// A server with requestCert and rejectUnauthorized refuses clients without a certificate its CA
// signed (during the handshake: the client gets an error, the server 'clientError'), and lets
// a properly signed client in.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var secureConnections = 0;
var clientErrors = 0;
var server = tls.createServer({
  key: read('rsa_private.pem'),
  cert: read('localhost_cert.pem'),
  ca: read('ca_cert.pem'),
  requestCert: true,
  rejectUnauthorized: true
}, function(s) {
  secureConnections++;
  assert.strictEqual(s.authorized, true);
  s.end('welcome');
});
server.on('clientError', function(err) {
  clientErrors++;
  assert.ok(err instanceof Error);
});

function connectBad(options, next) {
  var c = tls.connect(server.address().port, '127.0.0.1', options, function() {
    // With TLS 1.3 the client may finish first; the server's refusal arrives after.
    c.on('data', function() { assert.fail('a refused client got data'); });
  });
  var failed = false;
  c.on('error', function(err) {
    failed = true;
    assert.ok(err instanceof Error);
  });
  c.on('close', common.mustCall(function() {
    assert.ok(failed, 'the refused client saw no error');
    next();
  }));
}

server.listen(common.PORT, '127.0.0.1', function() {
  connectBad({}, function() {
    connectBad({ key: read('ec_private.pem'), cert: read('ec_selfsigned_cert.pem') }, function() {
      var c = tls.connect(server.address().port, '127.0.0.1', {
        key: read('rsa_private.pem'), cert: read('rsa_cert.pem'), ca: read('ca_cert.pem'),
        rejectUnauthorized: true
      }, common.mustCall(function() {
        assert.strictEqual(c.authorized, true);
      }));
      var got = '';
      c.on('data', function(d) { got += d; });
      c.on('end', common.mustCall(function() {
        assert.strictEqual(got, 'welcome');
        server.close();
      }));
    });
  });
});

process.on('exit', function() {
  assert.strictEqual(secureConnections, 1);
  assert.strictEqual(clientErrors, 2);
});
