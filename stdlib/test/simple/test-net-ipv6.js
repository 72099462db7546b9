var common = require('../common');
var assert = require('assert');
var net = require('net');

// A server on ::1 and a client connecting to ::1: addresses are reported as IPv6 ({ address, port }, as v0.6 documents).
var server = net.createServer(common.mustCall(function(socket) {
  assert.strictEqual(socket.remoteAddress, '::1');
  socket.end('v6');
}));
server.on('error', function(e) {
  // A host without IPv6 loopback cannot run this test; say so instead of failing silently.
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'EAFNOSUPPORT') {
    console.log('skipped: no IPv6 loopback (' + e.code + ')');
    process.exit(0);
  }
  throw e;
});
server.listen(0, '::1', common.mustCall(function() {
  var address = server.address();
  assert.strictEqual(address.address, '::1');
  assert.deepEqual(Object.keys(address).sort(), ['address', 'port']);
  var got = '';
  var client = net.connect(address.port, '::1');
  client.on('connect', common.mustCall(function() {
    assert.strictEqual(client.remoteAddress, '::1');
    assert.strictEqual(client.remotePort, address.port);
  }));
  client.on('data', function(d) { got += d; });
  client.on('end', common.mustCall(function() {
    assert.strictEqual(got, 'v6');
    server.close();
  }));
}));
