// socket.setTimeout with a negative or NaN delay changes nothing and throws nothing, as in v0.6.3
// (request 2.9's timeout handling passes -1000): a timeout set before stays, no callback is added.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var server = net.createServer(function(s) { s.end(); });
server.listen(0, '127.0.0.1', common.mustCall(function() {
  var c = net.connect(server.address().port, '127.0.0.1');
  c.setTimeout(5000);
  var before = c._idleTimeout;
  c.setTimeout(-1000, function() { assert.fail('a negative timeout registered its callback'); });
  c.setTimeout(NaN);
  c.setTimeout('soon');
  assert.strictEqual(c._idleTimeout, before);
  assert.strictEqual(c.listeners('timeout').length, 0);
  c.setTimeout(0);
  c.on('close', common.mustCall(function() { server.close(); }));
  c.resume();
}));
