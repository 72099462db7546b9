// dns.lookup('localhost') answers from the system resolver (/etc/hosts) with the loopback
// address and its family, asynchronously.
var common = require('../common');
var assert = require('assert');
var dns = require('dns');

function checkLoopback(address, family) {
  assert.ok(address === '127.0.0.1' && family === 4 || address === '::1' && family === 6,
            'unexpected answer ' + address + ' / ' + family);
}

var sync = true;
dns.lookup('localhost', common.mustCall(function(err, address, family) {
  assert.strictEqual(sync, false);
  assert.ifError(err);
  checkLoopback(address, family);
}));

// An explicit family: 4 must give an IPv4 address.
dns.lookup('localhost', 4, common.mustCall(function(err, address, family) {
  assert.strictEqual(sync, false);
  assert.ifError(err);
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 4);
}));

// A null family means any, as with no family.
dns.lookup('localhost', null, common.mustCall(function(err, address, family) {
  assert.ifError(err);
  checkLoopback(address, family);
}));
sync = false;
