// A host name that libuv refuses as invalid before asking the resolver (a label longer than 63
// bytes) fails with ENOTFOUND, as getaddrinfo's own answer did in v0.6.3.
var common = require('../common');
var assert = require('assert');
var dns = require('dns');
var net = require('net');

var name = new Array(301).join('a') + '.example';
dns.lookup(name, common.mustCall(function(err, address) {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.errno, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(address, undefined);
}));
net.connect(80, name).on('error', common.mustCall(function(err) {
  assert.strictEqual(err.code, 'ENOTFOUND');
}));
