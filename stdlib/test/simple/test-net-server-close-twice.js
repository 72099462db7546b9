// close() on a server that was listening and is closed already throws Error('Not running'),
// as v0.6.3 did. One whose listen() failed still closes quietly (see
// test-net-server-close-not-running.js).
var common = require('../common');
var assert = require('assert');
var net = require('net');

var server = net.createServer();
server.listen(0, common.mustCall(function() {
  server.close();
  assert.throws(function() { server.close(); }, function(e) {
    return e instanceof Error && e.message === 'Not running';
  });
  // Listening again makes close() legal once more.
  server.listen(0, common.mustCall(function() {
    server.close();
  }));
}));
