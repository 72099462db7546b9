// https.markdown example 1: an https server.
// adaptation: the keys are agent2-key.pem/agent2-cert.pem beside the case (self-signed for
// localhost) instead of test/fixtures/keys/; port 0 instead of 8000 (tests never use fixed
// ports); the check fetches / (as `curl -k` would) once listening, and closes.
var assert = require('assert');
var server =  // adaptation: keep the server to close it
// curl -k https://localhost:8000/
(function () {
var https = require('https');
var fs = require('fs');

var options = {
  key: fs.readFileSync(__dirname + '/agent2-key.pem'),
  cert: fs.readFileSync(__dirname + '/agent2-cert.pem')
};

return https.createServer(options, function (req, res) {
  res.writeHead(200);
  res.end("hello world\n");
}).listen(0);  // adaptation: was 8000
})();

var body = '';
server.on('listening', function () {
require('https').get({ host: 'localhost', port: server.address().port, path: '/',
                       rejectUnauthorized: false, agent: false }, function (res) {
  res.setEncoding('utf8');
  res.on('data', function (d) { body += d; });
  res.on('end', function () { server.close(); });
});
});
process.on('exit', function () { assert.strictEqual(body, 'hello world\n'); });
