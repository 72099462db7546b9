// The c-ares queries (dns.resolve*, dns.reverse). The tests have no outside DNS, so each query
// for a .invalid name or 'localhost' must simply complete once, asynchronously, with either an
// answer of the documented shape or an error carrying one of the documented codes; and the
// process must then exit (no resolver handle keeps it alive).
var common = require('../common');
var assert = require('assert');
var dns = require('dns');

var CODES = ['ENODATA', 'EFORMERR', 'ESERVFAIL', 'ENOTFOUND', 'ENOTIMP', 'EREFUSED',
             'EBADQUERY', 'EBADNAME', 'EBADFAMILY', 'EBADRESP', 'ECONNREFUSED', 'ETIMEOUT',
             'EOF', 'EFILE', 'ENOMEM', 'EDESTRUCTION', 'EBADSTR', 'EBADFLAGS', 'ENONAME',
             'EBADHINTS', 'ENOTINITIALIZED', 'ELOADIPHLPAPI', 'EADDRGETNETWORKPARAMS',
             'ECANCELLED'];

// Every query completes within c-ares's own retries; this only stops a hang.
var outstanding = 0;
var guard = setTimeout(function() {
  assert.fail(outstanding + ' dns queries never called back');
}, 150000);

var sync = true;
function check(method, args, syscall, checkResult) {
  outstanding++;
  dns[method].apply(dns, args.concat(common.mustCall(function(err, result) {
    assert.strictEqual(sync, false, method + ' called back synchronously');
    if (--outstanding === 0) clearTimeout(guard);
    if (err) {
      assert.ok(err instanceof Error);
      assert.ok(CODES.indexOf(err.code) !== -1, method + ': undocumented code ' + err.code);
      assert.strictEqual(err.errno, err.code);
      assert.strictEqual(err.syscall, syscall);
      assert.strictEqual(err.message, syscall + ' ' + err.code);
      assert.strictEqual(result, undefined);
    } else {
      assert.ok(Array.isArray(result), method + ' result is not an array');
      result.forEach(checkResult);
    }
  })));
}

function isString(s) { assert.strictEqual(typeof s, 'string'); }
function isIPv4(s) { assert.ok(/^\d+\.\d+\.\d+\.\d+$/.test(s), s); }
function isIPv6(s) { assert.ok(s.indexOf(':') !== -1, s); }

var name = 'nodus-test-name.invalid';
check('resolve4', [name], 'queryA', isIPv4);
check('resolve4', ['localhost'], 'queryA', isIPv4);
check('resolve6', [name], 'queryAaaa', isIPv6);
check('resolveMx', [name], 'queryMx', function(mx) {
  assert.strictEqual(typeof mx.priority, 'number');
  assert.strictEqual(typeof mx.exchange, 'string');
});
check('resolveTxt', [name], 'queryTxt', isString);
check('resolveSrv', ['_http._tcp.' + name], 'querySrv', function(srv) {
  ['priority', 'weight', 'port'].forEach(function(k) {
    assert.strictEqual(typeof srv[k], 'number');
  });
  assert.strictEqual(typeof srv.name, 'string');
});
check('resolveNs', [name], 'queryNs', isString);
check('resolveCname', [name], 'queryCname', isString);
check('resolve', [name], 'queryA', isIPv4);
check('resolve', [name, 'AAAA'], 'queryAaaa', isIPv6);
check('resolve', [name, 'TXT'], 'queryTxt', isString);
// Reverse lookups consult /etc/hosts first, which c-ares answers at once: the callback must
// still come later.
check('reverse', ['127.0.0.1'], 'getHostByAddr', isString);
check('resolve', ['127.0.0.1', 'PTR'], 'getHostByAddr', isString);
check('reverse', ['::1'], 'getHostByAddr', isString);
check('reverse', ['192.0.2.1'], 'getHostByAddr', isString);
sync = false;
