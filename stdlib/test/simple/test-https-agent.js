// An https server (http.Server semantics over tls) and the three ways of making requests:
// https.get through the global agent, https.request through an https.Agent that carries tls
// options (a CA, rejectUnauthorized, one socket for three queued requests), and agent: false.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var https = require('https');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var requests = 0;
var server = https.createServer({
  key: read('rsa_private.pem'),
  cert: read('localhost_cert.pem')
}, function(req, res) {
  requests++;
  // The request arrives over a CleartextStream, read through 'data' (no native handle).
  assert.ok(req.connection instanceof tls.CleartextStream);
  assert.ok(!req.connection._handle);
  var body = '';
  req.setEncoding('utf8');
  req.on('data', function(d) { body += d; });
  req.on('end', function() {
    res.writeHead(200, { 'content-type': 'text/plain', 'x-method': req.method });
    res.end(req.method + ' ' + req.url + ' ' + body.length);
  });
});
assert.ok(server instanceof https.Server);
assert.ok(server instanceof tls.Server);
assert.ok(https.globalAgent instanceof https.Agent);

function collect(res, cb) {
  var text = '';
  res.setEncoding('utf8');
  res.on('data', function(d) { text += d; });
  res.on('end', function() { cb(text); });
}

server.listen(common.PORT, '127.0.0.1', function() {
  var port = server.address().port;

  https.get({ host: '127.0.0.1', port: port, path: '/global' }, common.mustCall(function(res) {
    assert.strictEqual(res.statusCode, 200);
    assert.strictEqual(res.headers['x-method'], 'GET');
    collect(res, common.mustCall(function(text) {
      assert.strictEqual(text, 'GET /global 0');
      withAgent();
    }));
  }));

  function withAgent() {
    var agent = new https.Agent({ ca: read('ca_cert.pem'), rejectUnauthorized: true,
                                  maxSockets: 1 });
    assert.strictEqual(agent.defaultPort, 443);
    var done = 0;
    for (var i = 0; i < 3; i++) {
      (function(i) {
        var req = https.request({ host: 'localhost', port: port, path: '/agent/' + i,
                                  method: 'POST', agent: agent }, common.mustCall(function(res) {
          assert.ok(res.connection.authorized);
          collect(res, function(text) {
            assert.strictEqual(text, 'POST /agent/' + i + ' ' + (i + 1) * 1000);
            if (++done === 3) noAgent();
          });
        }));
        req.end(new Array((i + 1) * 1000 + 1).join('x'));
      })(i);
    }
  }

  function noAgent() {
    var big = new Buffer(2 * 1024 * 1024);
    big.fill(65);
    var req = https.request({ host: '127.0.0.1', port: port, path: '/big', method: 'PUT',
                              agent: false }, common.mustCall(function(res) {
      collect(res, function(text) {
        assert.strictEqual(text, 'PUT /big ' + big.length);
        rejected();
      });
    }));
    req.end(big);
  }

  // An Agent that insists on a trusted certificate refuses this server without a CA.
  function rejected() {
    var agent = new https.Agent({ rejectUnauthorized: true });
    var req = https.request({ host: '127.0.0.1', port: port, path: '/no', agent: agent },
                            function() { assert.fail('response from an untrusted server'); });
    req.on('error', common.mustCall(function(err) {
      assert.strictEqual(err.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      server.close();
    }));
    req.end();
  }
});

process.on('exit', function() {
  assert.strictEqual(requests, 5);
});
