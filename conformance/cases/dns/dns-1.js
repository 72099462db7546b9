// dns.markdown example 1: resolve4 a name, then reverse each address.
// adaptation: the tests have no outside DNS, so 'www.google.com' becomes 'localhost'. c-ares's
// resolve4 asks a DNS server (it does not read /etc/hosts), which may not know 'localhost' or be
// unreachable; in that case the documented error (`err.code` one of the dns codes) is checked
// and the example goes on with the loopback address 127.0.0.1, so the reverse lookups still run
// (c-ares answers those from /etc/hosts). `if (err) throw err;` is kept for any other error.
// adaptation: record console.log lines (still printed) so the check at the end can see them.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
var CODES = ['ENODATA', 'ESERVFAIL', 'ENOTFOUND', 'EREFUSED', 'ECONNREFUSED', 'ETIMEOUT',
             'EBADRESP', 'EFORMERR'];
var resolveError = null;

var dns = require('dns');

dns.resolve4('localhost', function (err, addresses) {
  // adaptation: no DNS answer for 'localhost' here: continue with the loopback address.
  if (err && CODES.indexOf(err.code) !== -1) {
    resolveError = err;
    err = null;
    addresses = ['127.0.0.1'];
  }
  if (err) throw err;

  console.log('addresses: ' + JSON.stringify(addresses));

  addresses.forEach(function (a) {
    dns.reverse(a, function (err, domains) {
      if (err) {
        console.log('reverse for ' + a + ' failed: ' +
          err.message);
      } else {
        console.log('reverse for ' + a + ': ' +
          JSON.stringify(domains));
      }
    });
  });
});

// check: one 'addresses: [...]' line of IPv4 addresses, then one reverse line per address,
// either its domains (a JSON array of names) or a failure naming a dns error code.
process.on('exit', function () {
  if (resolveError) {
    assert.strictEqual(resolveError.syscall, 'queryA');
    assert.strictEqual(resolveError.errno, resolveError.code);
  }
  assert.ok(logged.length >= 2, 'expected the addresses line and reverse lines');
  var m = /^addresses: (\[.*\])$/.exec(logged[0]);
  assert.ok(m, logged[0]);
  var addresses = JSON.parse(m[1]);
  assert.ok(addresses.length > 0);
  addresses.forEach(function (a) { assert.ok(/^\d+\.\d+\.\d+\.\d+$/.test(a), a); });
  assert.strictEqual(logged.length, 1 + addresses.length);
  logged.slice(1).forEach(function (line) {
    var r = /^reverse for (\S+)(: (\[.*\])| failed: getHostByAddr E[A-Z]+)$/.exec(line);
    assert.ok(r, line);
    assert.ok(addresses.indexOf(r[1]) !== -1, line);
    if (r[3]) JSON.parse(r[3]).forEach(function (d) { assert.strictEqual(typeof d, 'string'); });
  });
});
