// agent.sockets[name] stays as an empty array once created, as in v0.6.3.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(req, res) {
  res.writeHead(200, { 'Connection': 'close' });
  res.end('ok');
});
server.listen(0, function() {
  var agent = new http.Agent();
  var port = server.address().port;
  var name = 'localhost:' + port;
  var req = http.get({ port: port, path: '/', agent: agent }, function(res) {
    res.resume();
  });
  req.on('socket', function(socket) {
    socket.on('close', common.mustCall(function() {
      process.nextTick(function() {
        assert.ok(Array.isArray(agent.sockets[name]));
        assert.strictEqual(agent.sockets[name].length, 0);
        server.close();
      });
    }));
  });
});
