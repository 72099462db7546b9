var common = require('../common');
var assert = require('assert');
var net = require('net');

// close() on a server that is not listening does not throw (the docs' EADDRINUSE retry calls
// it after a failed listen); a callback gets Error('Not running'). A closed server can listen
// again.
var server = net.createServer();
server.close();
server.close(common.mustCall(function(e) {
  assert.ok(e instanceof Error);
  assert.strictEqual(e.message, 'Not running');
  server.listen(0, common.mustCall(function() {
    server.close(common.mustCall(function(e) { assert.strictEqual(e, undefined); }));
  }));
}));
