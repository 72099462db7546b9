// An https server meets a client that sends plain HTTP (a TLS error) and one that sends bad HTTP
// over TLS (a parse error, answered with 400): 'clientError' each time, and it goes on serving.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var https = require('https');
var net = require('net');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
var server = https.createServer({
  key: fs.readFileSync(keys + 'rsa_private.pem'),
  cert: fs.readFileSync(keys + 'localhost_cert.pem')
}, function(req, res) {
  res.end('fine');
});
server.on('clientError', common.mustCall(function(err) {
  assert.ok(err instanceof Error);
}, 2));

server.listen(common.PORT, '127.0.0.1', function() {
  var raw = net.createConnection(server.address().port, '127.0.0.1', function() {
    raw.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
  });
  raw.on('data', function(d) {
    // Whatever comes back is a TLS alert, not an HTTP response.
    assert.ok(!/^HTTP/.test(d.toString('binary')));
  });
  raw.on('error', function() {});
  raw.on('close', common.mustCall(function() {
    var c = tls.connect(server.address().port, '127.0.0.1', function() {
      c.write('NOT HTTP AT ALL\r\n\r\n');
    });
    var reply = '';
    c.on('data', function(d) { reply += d; });
    c.on('close', common.mustCall(function() {
      assert.ok(/^HTTP\/1\.1 400 /.test(reply), reply);
      goodRequest();
    }));
  }));
});

function goodRequest() {
  https.get({ host: '127.0.0.1', port: server.address().port, path: '/' }, function(res) {
    var body = '';
    res.on('data', function(d) { body += d; });
    res.on('end', common.mustCall(function() {
      assert.strictEqual(body, 'fine');
      server.close();
    }));
  });
}
