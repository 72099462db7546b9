// The cleartext stream of a tls connection names its encrypted side, as v0.6.3's pipe() set it,
// on the server and on the client: connect's session ('secure' cookies) and express's
// req.secure / req.protocol test `req.connection.encrypted` to tell HTTPS from HTTP. A plain
// http request's socket has none.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var http = require('http');
var https = require('https');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var server = https.createServer({
  key: read('rsa_private.pem'),
  cert: read('localhost_cert.pem')
}, common.mustCall(function(req, res) {
  assert.ok(req.connection instanceof tls.CleartextStream);
  assert.strictEqual(req.connection.encrypted, req.connection.pair.encrypted);
  assert.notStrictEqual(req.connection.encrypted, req.connection);
  res.end(req.connection.encrypted ? 'https' : 'http');
}));

server.listen(common.PORT, function() {
  var port = server.address().port;
  https.get({ port: port, path: '/', rejectUnauthorized: false }, function(res) {
    // The client's cleartext stream has one too.
    assert.strictEqual(res.connection.encrypted, res.connection.pair.encrypted);
    var text = '';
    res.setEncoding('utf8');
    res.on('data', function(d) { text += d; });
    res.on('end', common.mustCall(function() {
      assert.strictEqual(text, 'https');
      server.close();
      plain();
    }));
  });
});

function plain() {
  var s = http.createServer(common.mustCall(function(req, res) {
    assert.strictEqual(req.connection.encrypted, undefined);
    res.end('http');
    s.close();
  }));
  s.listen(common.PORT, function() {
    http.get({ port: s.address().port, path: '/' }, function(res) { res.on('data', function() {}); });
  });
}
