// The dns module's functions and its error-code constants, as in v0.6.
var common = require('../common');
var assert = require('assert');
var dns = require('dns');

['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveMx', 'resolveTxt', 'resolveSrv',
 'resolveNs', 'resolveCname', 'reverse'].forEach(function(name) {
  assert.strictEqual(typeof dns[name], 'function', name);
});

var codes = ['NODATA', 'FORMERR', 'SERVFAIL', 'NOTFOUND', 'NOTIMP', 'REFUSED', 'BADQUERY',
             'BADNAME', 'BADFAMILY', 'BADRESP', 'CONNREFUSED', 'TIMEOUT', 'EOF', 'FILE',
             'NOMEM', 'DESTRUCTION', 'BADSTR', 'BADFLAGS', 'NONAME', 'BADHINTS',
             'NOTINITIALIZED', 'LOADIPHLPAPI', 'ADDRGETNETWORKPARAMS', 'CANCELLED'];
codes.forEach(function(name) {
  assert.strictEqual(dns[name], name === 'EOF' ? 'EOF' : 'E' + name, name);
});
// The docs' names.
assert.strictEqual(dns.NXDOMAIN, 'ENOTFOUND');
assert.strictEqual(dns.TEMPFAIL, 'ETIMEOUT');
assert.strictEqual(dns.PROTOCOL, 'EBADRESP');
assert.strictEqual(require('dns'), dns);
