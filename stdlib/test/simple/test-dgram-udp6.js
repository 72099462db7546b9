// udp6 on ::1: send and receive, with an IPv6 rinfo. A host without IPv6 loopback skips.
var common = require('../common');
var assert = require('assert');
var dgram = require('dgram');

var server = dgram.createSocket('udp6');
assert.strictEqual(server.type, 'udp6');
server.on('error', function(err) {
  // No ::1 here (an IPv4-only sandbox): nothing to test.
  assert.ok(err.code === 'EADDRNOTAVAIL' || err.code === 'EAFNOSUPPORT', err.message);
  console.log('skipping: no IPv6 loopback (' + err.code + ')');
  server.close();
  skipped = true;
});
var skipped = false;
server.bind(0, '::1');
process.nextTick(function() {
  if (skipped) return;
  var port = server.address().port;
  assert.strictEqual(server.address().address, '::1');
  assert.strictEqual(server.address().family, 'IPv6');

  var client = dgram.createSocket('udp6');
  server.on('message', common.mustCall(function(msg, rinfo) {
    assert.strictEqual(msg.toString(), 'six');
    assert.strictEqual(rinfo.address, '::1');
    assert.strictEqual(rinfo.family, 'IPv6');
    assert.strictEqual(rinfo.size, 3);
    assert.strictEqual(rinfo.port, client.address().port);
    // Reply to the sender, which was bound implicitly by send().
    var reply = new Buffer('back');
    server.send(reply, 0, reply.length, rinfo.port, rinfo.address, common.mustCall(function(err) {
      assert.ifError(err);
      server.close();
    }));
  }));
  client.on('message', common.mustCall(function(msg, rinfo) {
    assert.strictEqual(msg.toString(), 'back');
    assert.strictEqual(rinfo.port, port);
    client.close();
  }));
  // Not bound: send() binds to [::]:random first.
  client.send(new Buffer('six'), 0, 3, port, '::1');
  assert.strictEqual(client.address().address, '::');
});
