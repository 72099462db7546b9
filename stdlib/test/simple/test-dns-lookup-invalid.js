// A name under the reserved .invalid TLD never resolves: dns.lookup() calls back with an
// ENOTFOUND error from getaddrinfo.
var common = require('../common');
var assert = require('assert');
var dns = require('dns');

// A generous guard so a broken resolver fails the test instead of hanging it (not a timing
// test: the system resolver's own retries stay well within it).
var guard = setTimeout(function() {
  assert.fail('dns.lookup of a .invalid name never called back');
}, 120000);

var sync = true;
dns.lookup('nodus-test-name.invalid', common.mustCall(function(err, address, family) {
  clearTimeout(guard);
  assert.strictEqual(sync, false);
  assert.ok(err instanceof Error);
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.code, dns.NOTFOUND);
  assert.strictEqual(err.errno, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND');
  assert.strictEqual(address, undefined);
}));
sync = false;
