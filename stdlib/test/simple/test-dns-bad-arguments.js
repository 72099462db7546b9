// Bad arguments to the dns module and to process.binding('cares_wrap') throw at once instead of
// crashing or calling back.
var common = require('../common');
var assert = require('assert');
var dns = require('dns');
var cares = process.binding('cares_wrap');

function noop() { assert.fail('callback must not run'); }

// dns module.
assert.throws(function() { dns.lookup(42, noop); }, TypeError);
assert.throws(function() { dns.lookup({}, noop); }, TypeError);
assert.throws(function() { dns.lookup('localhost'); }, TypeError);
assert.throws(function() { dns.lookup('localhost', 4); }, TypeError);
assert.throws(function() { dns.lookup('localhost', 5, noop); }, /family/);
assert.throws(function() { dns.lookup('localhost', 'x', noop); }, /family/);
assert.throws(function() { dns.resolve4(42, noop); }, TypeError);
assert.throws(function() { dns.resolve4('localhost'); }, TypeError);
assert.throws(function() { dns.resolve4('localhost', 'A'); }, TypeError);
assert.throws(function() { dns.resolveMx(null, noop); }, TypeError);
assert.throws(function() { dns.resolve('localhost', 'BOGUS', noop); }, /Unknown type "BOGUS"/);
assert.throws(function() { dns.resolve('localhost', 'toString', noop); }, /Unknown type/);
assert.throws(function() { dns.resolve('localhost', 'A'); }, TypeError);
assert.throws(function() { dns.reverse(127001, noop); }, TypeError);
assert.throws(function() { dns.reverse('127.0.0.1'); }, TypeError);
assert.throws(function() { dns.reverse('not-an-ip', noop); }, function(e) {
  return e.code === 'EINVAL' && e.syscall === 'getHostByAddr';
});
assert.throws(function() { dns.reverse('1.2.3.256', noop); }, /EINVAL/);

// The binding itself.
var req = { oncomplete: noop };
var queries = ['queryA', 'queryAaaa', 'queryMx', 'queryTxt', 'querySrv', 'queryNs',
               'queryCname', 'getHostByAddr'];
assert.throws(function() { cares.getaddrinfo(); }, TypeError);
assert.throws(function() { cares.getaddrinfo(null, 'localhost', 0); }, TypeError);
assert.throws(function() { cares.getaddrinfo('req', 'localhost', 0); }, TypeError);
assert.throws(function() { cares.getaddrinfo(req, 42, 0); }, TypeError);
assert.throws(function() { cares.getaddrinfo(req, 'local\u0000host', 0); }, TypeError);
assert.throws(function() { cares.getaddrinfo(req, 'localhost'); }, TypeError);
assert.throws(function() { cares.getaddrinfo(req, 'localhost', 5); }, TypeError);
assert.throws(function() { cares.getaddrinfo(req, 'localhost', '4'); }, TypeError);
assert.throws(function() { cares.getaddrinfo(req, 'localhost', 4.5); }, TypeError);
assert.throws(function() { new cares.getaddrinfo(req, 'localhost', 0); }, TypeError);
queries.forEach(function(name) {
  assert.throws(function() { cares[name](); }, TypeError, name);
  assert.throws(function() { cares[name](undefined, '127.0.0.1'); }, TypeError, name);
  assert.throws(function() { cares[name](req); }, TypeError, name);
  assert.throws(function() { cares[name](req, {}); }, TypeError, name);
  assert.throws(function() { cares[name](req, '127.0.0.1\u0000x'); }, TypeError, name);
});
assert.throws(function() { cares.getHostByAddr(req, 'localhost'); }, TypeError);
assert.throws(function() { cares.getHostByAddr(req, ''); }, TypeError);
