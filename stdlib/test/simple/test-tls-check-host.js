// A client with rejectUnauthorized checks that the server's certificate names the host: the
// `servername` option if given, else the host it connected to (DNS subjectAltNames, or the CN
// when there are none; IP subjectAltNames for an address). A mismatch is an 'error' with code
// ERR_TLS_CERT_ALTNAME_INVALID and the reason in its message, never 'secureConnect'. Without
// rejectUnauthorized nothing about the name is checked, and authorized/authorizationError
// keep v0.6's meaning (whether a CA vouches for the certificate).
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }
var ca = read('ca_cert.pem');

// rsa_cert.pem: CN=agent1.nodus.test, no subjectAltName.
var agentServer = tls.createServer({ key: read('rsa_private.pem'), cert: read('rsa_cert.pem') },
                                   function(s) { s.end('agent'); });
// localhost_cert.pem: DNS:localhost, IP:127.0.0.1.
var localServer = tls.createServer({ key: read('rsa_private.pem'),
                                     cert: read('localhost_cert.pem') },
                                   function(s) { s.end('local'); });
agentServer.on('clientError', function() {});
localServer.on('clientError', function() {});

var cases = [
  // [server, host, options, expected: 'ok' or a RegExp for the message]
  [agentServer, '127.0.0.1', { rejectUnauthorized: true }, /IP: 127\.0\.0\.1 is not in the cert's list/],
  [agentServer, '127.0.0.1', { rejectUnauthorized: true, servername: 'agent1.nodus.test' }, 'ok'],
  [agentServer, '127.0.0.1', { rejectUnauthorized: true, servername: 'AGENT1.Nodus.Test' }, 'ok'],
  [agentServer, '127.0.0.1', { rejectUnauthorized: true, servername: 'agent2.nodus.test' },
   /Host: agent2\.nodus\.test\. is not in the cert's altnames/],
  [agentServer, '127.0.0.1', { rejectUnauthorized: true, servername: 'nodus.test' },
   /does not match/],
  [agentServer, '127.0.0.1', { rejectUnauthorized: false }, 'ok'],
  [localServer, '127.0.0.1', { rejectUnauthorized: true }, 'ok'],
  [localServer, 'localhost', { rejectUnauthorized: true }, 'ok'],
  [localServer, '127.0.0.1', { rejectUnauthorized: true, servername: 'localhost' }, 'ok'],
  [localServer, '127.0.0.1', { rejectUnauthorized: true, servername: 'evil.example' },
   /Host: evil\.example\. is not in the cert's altnames: DNS:localhost/],
  [localServer, '127.0.0.1', { rejectUnauthorized: false, servername: 'evil.example' }, 'ok']
];

function run(i) {
  if (i === cases.length) {
    agentServer.close();
    localServer.close();
    return;
  }
  var server = cases[i][0], host = cases[i][1], expected = cases[i][3];
  var options = { ca: ca };
  for (var k in cases[i][2]) options[k] = cases[i][2][k];
  var what = 'case ' + i + ' (' + host + ' ' + JSON.stringify(cases[i][2]) + ')';
  var done = false;
  var c = tls.connect(server.address().port, host, options, function() {
    assert.strictEqual(expected, 'ok', what + ' connected');
    assert.strictEqual(c.authorized, true, what);
    assert.strictEqual(c.authorizationError, null, what);
    var data = '';
    c.on('data', function(d) { data += d; });
    c.on('end', function() {
      assert.ok(data === 'agent' || data === 'local', what);
      if (!done) { done = true; run(i + 1); }
    });
  });
  c.on('error', function(err) {
    assert.notStrictEqual(expected, 'ok', what + ': ' + err.message);
    assert.strictEqual(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID', what);
    assert.ok(/^Hostname\/IP does not match certificate's altnames: /.test(err.message), err.message);
    assert.ok(expected.test(err.message), what + ': ' + err.message);
    if (!done) { done = true; run(i + 1); }
  });
}

var listening = 0;
function onListening() {
  if (++listening === 2) run(0);
}
agentServer.listen(common.PORT, '127.0.0.1', onListening);
localServer.listen(common.PORT, '127.0.0.1', onListening);
process.on('exit', function() { assert.strictEqual(listening, 2); });
