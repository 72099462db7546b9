// req.setTimeout(ms, cb): once the socket is connected, an idle period emits 'timeout' on the
// request (the callback is a 'timeout' listener); the request can then be aborted.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(req, res) {
  // Never answers.
  req.on('close', common.mustCall(function() { server.close(); }));
});

server.listen(common.PORT, function() {
  var req = http.get({port: server.address().port, agent: false}, function() {
    assert.fail('no response expected');
  });
  req.on('error', function() {});
  req.on('socket', common.mustCall(function(socket) {
    assert.ok(socket instanceof require('net').Socket);
  }));
  var timedOut = 0;
  req.setTimeout(50, common.mustCall(function() {
    timedOut++;
    req.abort();
  }));
  req.on('close', common.mustCall(function() {
    assert.equal(timedOut, 1);
  }));
});
