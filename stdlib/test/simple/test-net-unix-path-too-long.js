var common = require('../common');
var assert = require('assert');
var net = require('net');

// A Unix socket path longer than a sockaddr_un holds (107 bytes) is an ENAMETOOLONG error for
// listen and for connect, not a silently truncated path.
var longPath = '/tmp/' + new Array(120).join('x') + '.sock';

var server = net.createServer();
server.on('error', common.mustCall(function(e) {
  assert.strictEqual(e.code, 'ENAMETOOLONG');
  assert.strictEqual(e.syscall, 'bind');
}));
server.listen(longPath, function() { throw new Error('listened on a truncated path'); });

var client = net.connect(longPath, function() { throw new Error('connected'); });
client.on('error', common.mustCall(function(e) {
  assert.strictEqual(e.code, 'ENAMETOOLONG');
  assert.strictEqual(e.syscall, 'connect');
}));
client.on('close', common.mustCall(function(hadError) { assert.strictEqual(hadError, true); }));
