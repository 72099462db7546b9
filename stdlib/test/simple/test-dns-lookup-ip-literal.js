// dns.lookup() of an IP address answers with the address itself and its family, without a query,
// but still asynchronously; an empty domain gives a null address (v0.6).
var common = require('../common');
var assert = require('assert');
var dns = require('dns');

var sync = true;
function expect(domain, family, address, resultFamily) {
  var args = [domain];
  if (family !== undefined) args.push(family);
  args.push(common.mustCall(function(err, a, f) {
    assert.strictEqual(sync, false, 'callback for ' + domain + ' ran synchronously');
    assert.strictEqual(err, null);
    assert.strictEqual(a, address);
    assert.strictEqual(f, resultFamily);
  }));
  dns.lookup.apply(dns, args);
}

expect('127.0.0.1', undefined, '127.0.0.1', 4);
expect('10.20.30.40', 4, '10.20.30.40', 4);
expect('::1', undefined, '::1', 6);
expect('fe80::1:2', 6, 'fe80::1:2', 6);
expect('2001:db8:0:0:0:0:0:1', 0, '2001:db8:0:0:0:0:0:1', 6);
expect('::ffff:192.168.1.1', undefined, '::ffff:192.168.1.1', 6);
// The literal's own family wins over the one asked for, as in v0.6.
expect('192.168.0.1', 6, '192.168.0.1', 4);
expect('', undefined, null, 4);
expect('', 6, null, 6);
expect(null, undefined, null, 4);
sync = false;
