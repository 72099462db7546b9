// A keep-alive socket goes back to the agent only after the user's 'end' listeners ran, so a
// request made in 'end' reuses it (one connection for both requests).
var common = require('../common');
var assert = require('assert');
var http = require('http');

var connections = 0;
var server = http.createServer(function(req, res) {
  res.writeHead(200, { 'Content-Length': 2, 'Connection': 'keep-alive' });
  res.end('ok');
});
server.on('connection', function() { connections++; });
server.listen(0, function() {
  var agent = new http.Agent({ maxSockets: 1 });
  var options = { port: server.address().port, path: '/', agent: agent };
  var first = http.get(options, function(res) {
    // Paused and resumed: 'end' comes from a tick of its own, not from inside the parse.
    res.pause();
    setTimeout(function() { res.resume(); }, 1);
    res.on('data', function() {});
    res.on('end', common.mustCall(function() {
      var firstSocket = first.socket;
      var second = http.get(options, function(res2) {
        assert.strictEqual(second.socket, firstSocket);
        res2.on('data', function() {});
        res2.on('end', common.mustCall(function() {
          second.socket.destroy();
          server.close();
        }));
      });
    }));
  });
});
process.on('exit', function() {
  assert.strictEqual(connections, 1);
});
