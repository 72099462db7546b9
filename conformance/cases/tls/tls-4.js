// tls.markdown example 4: a tls echo server asking for client certificates.
// adaptation: the keys/certs (self-signed) are beside the case; port 0; the check connects
// with the client cert, reads "welcome!" and the echo, then closes.
var assert = require('assert');
process.chdir(__dirname);
var tls = require('tls');
var fs = require('fs');

var options = {
  key: fs.readFileSync('server-key.pem'),
  cert: fs.readFileSync('server-cert.pem'),

  // This is necessary only if using the client certificate authentication.
  requestCert: true,

  // This is necessary only if the client uses the self-signed certificate.
  ca: [ fs.readFileSync('client-cert.pem') ]
};

var server = tls.createServer(options, function(cleartextStream) {
  console.log('server connected',
              cleartextStream.authorized ? 'authorized' : 'unauthorized');
  cleartextStream.write("welcome!\n");
  cleartextStream.setEncoding('utf8');
  cleartextStream.pipe(cleartextStream);
});
server.listen(0, function() {  // adaptation: was 8000
  console.log('server bound');
  var got = '';
  var c = tls.connect(server.address().port, { key: fs.readFileSync('client-key.pem'),
    cert: fs.readFileSync('client-cert.pem'), rejectUnauthorized: false }, function () {
    c.write('echo\n');
  });
  c.setEncoding('utf8');
  c.on('data', function (d) {
    got += d;
    if (got === 'welcome!\necho\n') { c.end(); server.close(); done = true; }
  });
});
var done = false;
process.on('exit', function () { assert.ok(done); });
