// Many lookups and queries in flight at once: each callback runs exactly once. Most are answered
// locally (/etc/hosts, IP literals); only a few reach the DNS server, which may drop bursts and
// make the resolvers retry after seconds.
var common = require('../common');
var assert = require('assert');
var dns = require('dns');

var N = 50;
var i;
for (i = 0; i < N; i++) {
  dns.lookup('localhost', common.mustCall(function(err, address, family) {
    assert.ifError(err);
    assert.ok(family === 4 || family === 6);
  }));
  dns.lookup('127.0.0.' + (i + 1), common.mustCall(function(err, address, family) {
    assert.ifError(err);
    assert.strictEqual(family, 4);
  }));
  dns.reverse('127.0.0.1', common.mustCall(function(err, domains) {
    assert.ok(err ? typeof err.code === 'string' : Array.isArray(domains));
  }));
}

for (i = 0; i < 5; i++) {
  dns.lookup('nodus-concurrent-' + i + '.invalid', common.mustCall(function(err) {
    assert.strictEqual(err.code, 'ENOTFOUND');
  }));
  dns.resolve4('nodus-concurrent-' + i + '.invalid', common.mustCall(function(err, addresses) {
    assert.ok(err ? typeof err.code === 'string' : Array.isArray(addresses));
  }));
}

// Queries started from inside a callback work too.
dns.lookup('localhost', common.mustCall(function() {
  dns.resolve4('nodus-nested.invalid', common.mustCall(function() {
    dns.reverse('127.0.0.1', common.mustCall());
  }));
}));
