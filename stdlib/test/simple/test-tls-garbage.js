// Peers that do not speak TLS: a server gets 'clientError' (plain HTTP, random bytes, a
// connection closed mid-handshake) and keeps serving; a client talking to a plain server that
// answers with garbage gets 'error'. Nothing crashes.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var net = require('net');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var clientErrors = [];
var server = tls.createServer({
  key: read('rsa_private.pem'),
  cert: read('localhost_cert.pem')
}, function(s) {
  s.end('good');
});
server.on('clientError', function(err) {
  assert.ok(err instanceof Error);
  clientErrors.push(err);
});

var garbage = [
  new Buffer('GET / HTTP/1.1\r\nHost: x\r\n\r\n'),
  crypto.randomBytes(5000),
  // A valid-looking record header announcing far too much data.
  new Buffer([0x16, 0x03, 0x01, 0xff, 0xff]).toString('binary') + new Array(300).join('x'),
  // The start of a real ClientHello, then the connection closes.
  new Buffer([0x16, 0x03, 0x01, 0x00, 0x40, 0x01, 0x00])
];

function sendGarbage(i) {
  if (i === garbage.length) return goodClient();
  var raw = net.createConnection(server.address().port, '127.0.0.1', function() {
    raw.end(garbage[i], typeof garbage[i] === 'string' ? 'binary' : undefined);
  });
  raw.on('error', function() {});  // The server may reset the connection.
  raw.on('data', function() {});   // An alert, perhaps.
  raw.on('close', function() { sendGarbage(i + 1); });
}

function goodClient() {
  var c = tls.connect(server.address().port, '127.0.0.1');
  var got = '';
  c.on('data', function(d) { got += d; });
  c.on('end', common.mustCall(function() {
    assert.strictEqual(got, 'good');
    server.close();
    plainServer();
  }));
}

// A client whose server answers with garbage.
function plainServer() {
  var plain = net.createServer(function(socket) {
    socket.on('error', function() {});
    socket.end(crypto.randomBytes(3000));
  });
  plain.listen(common.PORT, '127.0.0.1', function() {
    var c = tls.connect(plain.address().port, '127.0.0.1', function() {
      assert.fail('secureConnect from a server that speaks no TLS');
    });
    c.on('error', common.mustCall(function(err) {
      assert.ok(err instanceof Error);
    }));
    c.on('close', common.mustCall(function() { plain.close(); }));
  });
}

server.listen(common.PORT, '127.0.0.1', function() { sendGarbage(0); });

process.on('exit', function() {
  assert.strictEqual(clientErrors.length, garbage.length);
});
