// SNI: the client sends its host name (servername), the server picks the certificate of the
// first addContext pattern that matches it, or its own; cleartext.servername tells the name.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var seen = [];
var server = tls.createServer({
  key: read('rsa_private.pem'),
  cert: read('localhost_cert.pem')
}, function(s) {
  seen.push(s.servername);
  s.end();
});
server.addContext('*.nodus.test', { key: read('rsa_private.pem'), cert: read('rsa_cert.pem') });
server.addContext('selfsigned.nodus.test', {
  key: read('ec_private.pem'), cert: read('ec_selfsigned_cert.pem')
});
assert.throws(function() { server.addContext('', {}); }, TypeError);
assert.throws(function() { server.addContext('x', null); }, TypeError);
assert.throws(function() {
  process.binding('tls_wrap').Connection.prototype.addSNIContext.call({}, 'x', null);
}, TypeError);

var cases = [
  // [servername, CN of the certificate the client should see]
  ['agent1.nodus.test', 'agent1.nodus.test'],
  ['AGENT1.Nodus.Test', 'agent1.nodus.test'],
  ['selfsigned.nodus.test', 'agent1.nodus.test'],  // '*.nodus.test' came first.
  ['a.b.nodus.test', 'localhost'],                  // '*' stays within one label.
  ['localhost', 'localhost'],
  [undefined, 'localhost']                          // An IP address: no SNI at all.
];

server.listen(common.PORT, '127.0.0.1', function() {
  var i = 0;
  (function next() {
    if (i === cases.length) return server.close();
    var servername = cases[i][0], cn = cases[i][1];
    i++;
    var options = servername === undefined ? {} : { servername: servername };
    var c = tls.connect(server.address().port, '127.0.0.1', options, common.mustCall(function() {
      assert.strictEqual(c.getPeerCertificate().subject.CN, cn, servername);
    }));
    c.on('close', next);
  })();
});

process.on('exit', function() {
  // The server sees the name as the client sent it.
  assert.deepEqual(seen, cases.map(function(c) { return c[0]; }));
});
