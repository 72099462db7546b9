// The dns module: lookup() asks the system resolver (getaddrinfo(3) on libuv's thread pool);
// resolve*() and reverse() send DNS queries through c-ares. Both live in
// process.binding('cares_wrap'), which calls a request's oncomplete(err, result) from the event
// loop with err a code string such as 'ENOTFOUND'; here it becomes an Error carrying that code
// as `code` and `errno`, and the binding method's name as `syscall`, as in v0.6.
var cares = process.binding('cares_wrap');

var errnoException = require('_errors').errnoException;

function checkCallback(callback) {
  if (typeof callback !== 'function') {
    throw new TypeError('callback must be a function');
  }
}

function checkName(name, what) {
  if (typeof name !== 'string') {
    throw new TypeError(what + ' must be a string');
  }
}

// The address family of an IP literal: 4, 6, or 0 for anything else.
function isIPv4(s) {
  var m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return false;
  for (var i = 1; i <= 4; i++) {
    if (Number(m[i]) > 255) return false;
  }
  return true;
}

function isIPv6(s) {
  if (typeof s !== 'string' || s.indexOf(':') === -1) return false;
  var halves = s.split('::');
  if (halves.length > 2) return false;
  var groups = 0;
  for (var h = 0; h < halves.length; h++) {
    if (halves[h] === '') continue;
    var parts = halves[h].split(':');
    for (var i = 0; i < parts.length; i++) {
      var last = h === halves.length - 1 && i === parts.length - 1;
      if (last && parts[i].indexOf('.') !== -1) {
        if (!isIPv4(parts[i])) return false;
        groups += 2;
      } else if (/^[0-9a-fA-F]{1,4}$/.test(parts[i])) {
        groups += 1;
      } else {
        return false;
      }
    }
  }
  return halves.length === 2 ? groups < 8 : groups === 8;
}

function isIP(s) {
  if (typeof s !== 'string') return 0;
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

// A request object: the binding calls its oncomplete(err, result).
function Req(oncomplete) {
  this.oncomplete = oncomplete;
}

// dns.lookup(domain, [family], callback): callback(err, address, family).
exports.lookup = function(domain, family, callback) {
  if (arguments.length === 2 || typeof family === 'function') {
    callback = family;
    family = 0;
  } else if (!family) {
    family = 0;
  } else {
    family = +family;
    if (family !== 4 && family !== 6) {
      throw new TypeError('invalid argument: `family` must be 4 or 6');
    }
  }
  checkCallback(callback);

  // v0.6 answers an empty domain with a null address.
  if (!domain) {
    process.nextTick(function() {
      callback(null, null, family === 6 ? 6 : 4);
    });
    return {};
  }
  checkName(domain, 'domain');

  var matchedFamily = isIP(domain);
  if (matchedFamily) {
    process.nextTick(function() {
      callback(null, domain, matchedFamily);
    });
    return {};
  }

  var req = new Req(function(err, addresses) {
    if (err) return callback(errnoException(err, 'getaddrinfo'));
    var address = addresses[0];
    callback(null, address, family || (address.indexOf(':') >= 0 ? 6 : 4));
  });
  cares.getaddrinfo(req, domain, family);
  return req;
};

function resolver(bindingName) {
  var query = cares[bindingName];
  return function(name, callback) {
    checkName(name, 'domain');
    checkCallback(callback);
    var req = new Req(function(err, result) {
      if (err) return callback(errnoException(err, bindingName));
      callback(null, result);
    });
    query(req, name);
    return req;
  };
}

var resolveMap = {};
exports.resolve4 = resolveMap.A = resolver('queryA');
exports.resolve6 = resolveMap.AAAA = resolver('queryAaaa');
exports.resolveMx = resolveMap.MX = resolver('queryMx');
exports.resolveNs = resolveMap.NS = resolver('queryNs');
exports.resolveTxt = resolveMap.TXT = resolver('queryTxt');
exports.resolveSrv = resolveMap.SRV = resolver('querySrv');
exports.resolveCname = resolveMap.CNAME = resolver('queryCname');

var getHostByAddr = resolver('getHostByAddr');
// dns.reverse(ip, callback): callback(err, domains).
exports.reverse = resolveMap.PTR = function(ip, callback) {
  checkName(ip, 'ip');
  checkCallback(callback);
  // Not an address: v0.6 threw an EINVAL error at once.
  if (!isIP(ip)) throw errnoException('EINVAL', 'getHostByAddr');
  return getHostByAddr(ip, callback);
};

// dns.resolve(domain, [rrtype='A'], callback).
exports.resolve = function(domain, type, callback) {
  if (typeof type !== 'string') {
    callback = type;
    type = 'A';
  }
  if (!Object.prototype.hasOwnProperty.call(resolveMap, type)) {
    throw new Error('Unknown type "' + type + '"');
  }
  return resolveMap[type](domain, callback);
};

// The error codes a callback's err.code can hold (v0.6's names).
exports.NODATA = 'ENODATA';
exports.FORMERR = 'EFORMERR';
exports.SERVFAIL = 'ESERVFAIL';
exports.NOTFOUND = 'ENOTFOUND';
exports.NOTIMP = 'ENOTIMP';
exports.REFUSED = 'EREFUSED';
exports.BADQUERY = 'EBADQUERY';
exports.BADNAME = 'EBADNAME';
exports.BADFAMILY = 'EBADFAMILY';
exports.BADRESP = 'EBADRESP';
exports.CONNREFUSED = 'ECONNREFUSED';
exports.TIMEOUT = 'ETIMEOUT';
exports.EOF = 'EOF';
exports.FILE = 'EFILE';
exports.NOMEM = 'ENOMEM';
exports.DESTRUCTION = 'EDESTRUCTION';
exports.BADSTR = 'EBADSTR';
exports.BADFLAGS = 'EBADFLAGS';
exports.NONAME = 'ENONAME';
exports.BADHINTS = 'EBADHINTS';
exports.NOTINITIALIZED = 'ENOTINITIALIZED';
exports.LOADIPHLPAPI = 'ELOADIPHLPAPI';
exports.ADDRGETNETWORKPARAMS = 'EADDRGETNETWORKPARAMS';
exports.CANCELLED = 'ECANCELLED';

// The v0.6.3 docs also name these three, which v0.6 itself left undefined; each is the code the
// described failure arrives with here.
exports.NXDOMAIN = exports.NOTFOUND;   // domain does not exist
exports.TEMPFAIL = exports.TIMEOUT;    // timeout (a SERVFAIL arrives as ESERVFAIL)
exports.PROTOCOL = exports.BADRESP;    // garbled reply
