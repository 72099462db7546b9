// A tls.Server drops a peer that connects and never finishes its handshake: after the server's
// handshakeTimeout (here a few ms; 120 s by default) the connection closes and the server emits
// 'clientError' with a 'TLS handshake timeout' error (code ECONNRESET). A peer that stops half
// way through its ClientHello is dropped the same way. A handshake that completes clears the
// timer (a second server with a long timeout: the process could not exit with it pending).
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var net = require('net');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

assert.throws(function() {
  tls.createServer({ key: read('rsa_private.pem'), cert: read('localhost_cert.pem'),
                     handshakeTimeout: 'soon' });
}, TypeError);
assert.strictEqual(tls.createServer({ key: read('rsa_private.pem'),
                                      cert: read('localhost_cert.pem') }).handshakeTimeout,
                   120000);

var server = tls.createServer({
  key: read('rsa_private.pem'),
  cert: read('localhost_cert.pem'),
  handshakeTimeout: 20
}, function(s) {
  s.end('hello');
});
var patientServer = tls.createServer({
  key: read('rsa_private.pem'),
  cert: read('localhost_cert.pem'),
  handshakeTimeout: 1000 * 1000
}, common.mustCall(function(s) {
  s.end('hello');
}));

var clientErrors = [];
server.on('clientError', function(err) {
  clientErrors.push(err);
});

patientServer.listen(common.PORT, '127.0.0.1', function() {
 server.listen(common.PORT, '127.0.0.1', function() {
  var port = server.address().port;
  // Silent: connects and sends nothing.
  var silent = net.connect(port, '127.0.0.1');
  silent.on('error', function() {});
  silent.on('close', common.mustCall(function() {
    // Half a ClientHello: a handshake record header promising more than it sends.
    var partial = net.connect(port, '127.0.0.1', function() {
      partial.write(new Buffer([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03]));
    });
    partial.on('error', function() {});
    partial.on('close', common.mustCall(function() {
      server.close();
      var c = tls.connect(patientServer.address().port, '127.0.0.1', function() {
        var data = '';
        c.setEncoding('utf8');
        c.on('data', function(d) { data += d; });
        c.on('end', common.mustCall(function() {
          assert.strictEqual(data, 'hello');
          patientServer.close();
        }));
      });
    }));
  }));
 });
});

process.on('exit', function() {
  assert.strictEqual(clientErrors.length, 2);
  clientErrors.forEach(function(err) {
    assert.ok(err instanceof Error);
    assert.strictEqual(err.message, 'TLS handshake timeout');
    assert.strictEqual(err.code, 'ECONNRESET');
  });
});
