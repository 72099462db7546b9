// The agent removes a closed socket from its `sockets` array when that array holds an element it
// cannot delete, as v0.6.3 did (its splice passed over such an element; today's V8 throws).
// request 2.9's toJSON() pins one on each array it walks, the agent's included, whenever its
// random hex property name is all digits (test-events-remove-listener-pinned-index).
var common = require('../common');
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(req, res) {
  res.end('ok');
});

server.listen(common.PORT, function() {
  var port = server.address().port;
  var agent = new http.Agent({ maxSockets: 1 });
  var name = 'localhost:' + port;

  var first = http.get({ port: port, path: '/', agent: agent }, common.mustCall(function(res) {
    // What toJSON() does to the array while the response is read.
    Object.defineProperty(agent.sockets[name], '14408', {});
    res.on('data', function() {});
    res.on('end', common.mustCall(function() {
      // The socket is freed with nothing waiting for it: destroyed, then removed.
      first.socket.on('close', common.mustCall(function() {
        assert.strictEqual(agent.sockets[name].indexOf(first.socket), -1);
        server.close();
      }));
    }));
  }));
});
