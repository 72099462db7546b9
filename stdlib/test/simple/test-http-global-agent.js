// Requests without an agent option use http.globalAgent (maxSockets 5 by default), which
// tracks their sockets per host:port; agent: false uses a private connection with
// Connection: close instead.
var common = require('../common');
var assert = require('assert');
var http = require('http');

assert.ok(http.globalAgent instanceof http.Agent);
assert.equal(http.globalAgent.maxSockets, 5);
assert.equal(http.Agent.defaultMaxSockets, 5);

var server = http.createServer(function(req, res) {
  res.writeHead(200, {'Content-Length': req.headers.connection.length});
  res.end(req.headers.connection);
});

server.listen(common.PORT, function() {
  var port = server.address().port;
  var name = 'localhost:' + port;
  var req = http.get({port: port}, common.mustCall(function(res) {
    var body = '';
    res.on('data', function(d) { body += d; });
    res.on('end', function() {
      assert.equal(body, 'keep-alive');
      noAgent();
    });
  }));
  assert.strictEqual(req.agent, http.globalAgent);
  assert.equal(http.globalAgent.sockets[name].length, 1);

  function noAgent() {
    var before = (http.globalAgent.sockets[name] || []).length;
    var req = http.get({port: port, agent: false}, common.mustCall(function(res) {
      var body = '';
      res.on('data', function(d) { body += d; });
      res.on('end', function() {
        assert.equal(body, 'close');
        server.close();
      });
    }));
    assert.strictEqual(req.agent, false);
    assert.equal((http.globalAgent.sockets[name] || []).length, before);
  }
});
