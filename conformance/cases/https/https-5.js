// https.markdown example 5: https.get of encrypted.google.com.
// adaptation: host and port are a local https server (tests have no network); the client does
// not verify its self-signed certificate (rejectUnauthorized: false).
// check: a local https server (agent2 keys beside the case) stands in for encrypted.google.com.
var assert = require('assert');
var fs = require('fs');
var server = require('https').createServer({
  key: fs.readFileSync(__dirname + '/agent2-key.pem'),
  cert: fs.readFileSync(__dirname + '/agent2-cert.pem')
}, function (req, res) { res.writeHead(200, { 'x-case': 'https' }); res.end('ok\n'); });
server.listen(0);
var status = null;
server.on('listening', function () {
var https = require('https');

https.get({ host: 'localhost', port: server.address().port, rejectUnauthorized: false,
            path: '/' }, function(res) {
  console.log("statusCode: ", res.statusCode);
  console.log("headers: ", res.headers);
  status = res.statusCode;  // adaptation

  res.on('data', function(d) {
    process.stdout.write(d);
  });
  res.on('end', function () { server.close(); });  // adaptation

}).on('error', function(e) {
  console.error(e);
});
});
process.on('exit', function () { assert.strictEqual(status, 200); });
