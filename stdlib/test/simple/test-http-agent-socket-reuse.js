// A keep-alive socket freed by a finished response is handed to the next queued request
// (one connection serves them all with maxSockets = 1); when nobody waits, the agent closes it
// and removes it from agent.sockets.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var agent = new http.Agent({maxSockets: 1});
var remotePorts = [];
var server = http.createServer(function(req, res) {
  assert.equal(req.headers.connection, 'keep-alive');
  remotePorts.push(req.connection.remotePort);
  res.writeHead(200, {'Content-Length': 2});
  res.end('ok');
});
server.on('connection', common.mustCall(function() {}, 1));

server.listen(common.PORT, function() {
  var port = server.address().port;
  var name = 'localhost:' + port;
  var done = 0;
  var sockets = [];
  for (var i = 0; i < 3; i++) {
    var req = http.get({port: port, agent: agent, path: '/' + i}, common.mustCall(function(res) {
      assert.equal(res.headers.connection, 'keep-alive');
      res.on('end', function() {
        if (++done === 3) {
          // The last socket is closed once it is free and no request waits for it.
          sockets[0].on('close', common.mustCall(function() {
            assert.strictEqual(agent.sockets[name].length, 0);  // v0.6.3 keeps the empty array
            assert.equal(remotePorts.length, 3);
            assert.equal(remotePorts[0], remotePorts[1]);
            assert.equal(remotePorts[1], remotePorts[2]);
            server.close();
          }));
        }
      });
    }));
    req.on('socket', function(socket) { sockets.push(socket); });
  }
  assert.equal(agent.requests[name].length, 2);
});
