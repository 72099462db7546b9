// NODE_EXTRA_CA_CERTS adds a PEM file's certificates to the trusted roots, as in Node: a client
// given no `ca` trusts a server whose certificate the extra CA signed (npm behind a proxy whose CA
// the machine trusts). Without it the same server is not authorized; a file that cannot be read
// is reported on stderr and otherwise ignored. Each case runs in a child, since the roots are
// read once per process.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var tls = require('tls');
var spawn = require('child_process').spawn;

var keys = common.fixturesDir + '/keys/';

if (process.argv[2] === 'client') {
  var c = tls.connect(+process.argv[3], '127.0.0.1', { rejectUnauthorized: false }, function() {
    console.log(JSON.stringify({ authorized: c.authorized,
                                 error: String(c.authorizationError || '') }));
    c.end();
  });
  return;
}

var server = tls.createServer({
  key: fs.readFileSync(keys + 'rsa_private.pem'),
  cert: fs.readFileSync(keys + 'rsa_cert.pem')      // signed by ca_cert.pem
}, function(s) { s.end(); });

function runClient(extra, cb) {
  var env = {};
  for (var k in process.env) env[k] = process.env[k];
  delete env.NODE_EXTRA_CA_CERTS;
  if (extra !== null) env.NODE_EXTRA_CA_CERTS = extra;
  var child = spawn(process.execPath, [__filename, 'client', server.address().port], { env: env });
  var out = '', err = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', function(d) { out += d; });
  child.stderr.on('data', function(d) { err += d; });
  child.on('exit', function(code) {
    assert.strictEqual(code, 0, 'client failed: ' + err);
    cb(JSON.parse(out), err);
  });
}

server.listen(0, '127.0.0.1', common.mustCall(function() {
  runClient(keys + 'ca_cert.pem', common.mustCall(function(res, stderr) {
    assert.strictEqual(res.authorized, true, res.error);
    assert.strictEqual(stderr, '');
    runClient(null, common.mustCall(function(res) {
      assert.strictEqual(res.authorized, false);
      assert.ok(res.error.length > 0);
      runClient(keys + 'no-such-file.pem', common.mustCall(function(res, stderr) {
        assert.strictEqual(res.authorized, false);
        assert.ok(/Warning: Ignoring extra certs from `.*no-such-file\.pem`, load failed/.test(stderr),
                  stderr);
        server.close();
      }));
    }));
  }));
}));
