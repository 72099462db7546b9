// https.markdown example 3: a request with a client certificate through an explicit https.Agent.
// adaptation: host and port are a local https server (tests have no network), the keys are
// agent2-key.pem/agent2-cert.pem beside the case; require https; the elided callback body
// (...) records the status and closes the server.
// check: a local https server (agent2 keys beside the case) stands in for encrypted.google.com.
var assert = require('assert');
var fs = require('fs');
var server = require('https').createServer({
  key: fs.readFileSync(__dirname + '/agent2-key.pem'),
  cert: fs.readFileSync(__dirname + '/agent2-cert.pem')
}, function (req, res) { res.writeHead(200, { 'x-case': 'https' }); res.end('ok\n'); });
server.listen(0);
var status = null;
var https = require('https');
server.on('listening', function () {
var options = {
  host: 'localhost',  // adaptation: was 'encrypted.google.com'
  port: server.address().port,  // adaptation: was 443
  path: '/',
  method: 'GET',
  rejectUnauthorized: false,  // adaptation
  key: fs.readFileSync(__dirname + '/agent2-key.pem'),
  cert: fs.readFileSync(__dirname + '/agent2-cert.pem'),
};
options.agent = new https.Agent(options);

var req = https.request(options, function(res) {
  status = res.statusCode;  // adaptation: was ...
  res.resume && res.resume();
  res.on('end', function () { server.close(); });
});
req.end();  // adaptation
});
process.on('exit', function () { assert.strictEqual(status, 200); });
