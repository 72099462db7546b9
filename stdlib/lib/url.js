// URL parsing, formatting and resolution with the behaviour of Node v0.6: lenient parsing that
// never rejects a string, lower-cased protocol and host, and browser-like relative resolution.
'use strict';

var punycode = require('punycode');
var querystring = require('querystring');

var protocolPattern = /^[a-z0-9.+-]+:/i;
var portPattern = /:[0-9]+$/;

// RFC 2396 delimiters. They can never be part of a URL, so parsing skips them at the start and
// stops at the first one after the host (that is how '<http://x/> text' parses as 'http://x/').
var leadingDelims = /^[<>"` \r\n\t]+/;
var delimPattern = /[<>"` \r\n\t]/;
// The first of these ends the host: path, query and fragment starters, plus the characters
// RFC 2396 calls unwise, the delimiters and the quote that is escaped everywhere.
var nonHostPattern = /[%\/?;#{}|\\^~\[\]`<>" \r\n\t']/;
// An '@' marks user info only when none of these comes before it.
var nonAuthPattern = /[\/@?#<>"` \r\n\t]/;
var nonAuthPatternGlobal = /[\/@?#<>"` \r\n\t]/g;

var hostnameMaxLength = 255;
var hostnameLabel = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;
var hostnameLabelPrefix = /^([a-zA-Z0-9][a-zA-Z0-9_-]{0,62})([\s\S]*)$/;

// A bare '//host' is only taken as a host when it carries user info; otherwise it is a path.
var slashedAuthority = /^\/\/[^@\/]+@[^@\/]+/;

// javascript: URLs have no host and keep their text verbatim.
var hostlessProtocol = { 'javascript:': true };
var unsafeProtocol = { 'javascript:': true };

// Protocols that are written with '//' and always have a path.
var slashedProtocol = {
  'http:': true,
  'https:': true,
  'ftp:': true,
  'gopher:': true,
  'file:': true
};

function isSlashedProtocol(protocol) {
  return typeof protocol === 'string' && slashedProtocol[protocol.toLowerCase()] === true;
}

// Checks the host name label by label. Characters beyond ASCII count as letters, because they
// are converted to Punycode afterwards. At the first bad label the host ends: the valid start of
// that label stays in the host and whatever follows moves to the front of the path.
function splitHostname(hostname) {
  var labels = hostname.split('.');
  for (var i = 0; i < labels.length; i++) {
    var label = labels[i];
    if (!label) continue;
    if (hostnameLabel.test(label.replace(/[^\x00-\x7f]/g, 'x'))) continue;
    var kept = labels.slice(0, i);
    var spilled = labels.slice(i + 1);
    var prefix = hostnameLabelPrefix.exec(label);
    if (prefix) {
      kept.push(prefix[1]);
      spilled.unshift(prefix[2]);
    }
    return { hostname: kept.join('.'), spilled: spilled };
  }
  return { hostname: hostname, spilled: [] };
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  // Already parsed: hand it back, as v0.6 did.
  if (url && typeof url === 'object' && url.href) return url;
  if (typeof url !== 'string') {
    throw new TypeError("Parameter 'url' must be a string, not " + typeof url);
  }

  var result = {};
  var rest = url.replace(leadingDelims, '');

  var protocol;
  var protocolMatch = protocolPattern.exec(rest);
  if (protocolMatch) {
    protocol = protocolMatch[0].toLowerCase();
    result.protocol = protocol;
    rest = rest.slice(protocolMatch[0].length);
  }

  // '//' after a protocol starts a host. Without a protocol it does only when the caller says so
  // (relative references) or when user info makes the intent plain.
  var slashes = false;
  if ((slashesDenoteHost || protocol || slashedAuthority.test(rest)) &&
      rest.slice(0, 2) === '//' && !hostlessProtocol[protocol]) {
    slashes = true;
    result.slashes = true;
    rest = rest.slice(2);
  }

  // Protocols like mailto: and xmpp: have a host even without slashes.
  if (!hostlessProtocol[protocol] &&
      (slashes || (protocol && !slashedProtocol[protocol]))) {
    var at = rest.indexOf('@');
    if (at !== -1 && rest.search(nonAuthPattern) === at) {
      result.auth = rest.slice(0, at);
      rest = rest.slice(at + 1);
    }

    var hostEnd = rest.search(nonHostPattern);
    if (hostEnd === -1) hostEnd = rest.length;
    var hostname = rest.slice(0, hostEnd);
    rest = rest.slice(hostEnd);

    var port = portPattern.exec(hostname);
    if (port) {
      result.port = port[0].slice(1);
      hostname = hostname.slice(0, hostname.length - port[0].length);
    }

    if (hostname.length > hostnameMaxLength) {
      hostname = '';
    } else {
      var split = splitHostname(hostname);
      hostname = split.hostname;
      if (split.spilled.length) rest = '/' + split.spilled.join('.') + rest;
    }

    // A host was announced, so it is present even when empty (file:///etc/passwd).
    result.hostname = punycode.toASCII(hostname.toLowerCase());
    result.host = result.hostname + (result.port ? ':' + result.port : '');
  }

  if (!unsafeProtocol[protocol]) {
    // A single quote is legal but invites injection into HTML attributes, so it is always escaped.
    rest = rest.split('\'').join('%27');
    var cut = rest.search(delimPattern);
    if (cut !== -1) rest = rest.slice(0, cut);
  }

  var hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    result.hash = rest.slice(hashAt);
    rest = rest.slice(0, hashAt);
  }
  var queryAt = rest.indexOf('?');
  if (queryAt !== -1) {
    result.search = rest.slice(queryAt);
    result.query = rest.slice(queryAt + 1);
    if (parseQueryString) result.query = querystring.parse(result.query);
    rest = rest.slice(0, queryAt);
  } else if (parseQueryString) {
    // Callers that asked for an object can use it without checking for its absence.
    result.search = '';
    result.query = {};
  }
  if (rest) result.pathname = rest;
  if (slashedProtocol[protocol] && result.hostname && !result.pathname) {
    result.pathname = '/';
  }

  // http.request takes the request target from this.
  if (result.pathname || result.search) {
    result.path = (result.pathname || '') + (result.search || '');
  }

  result.href = urlFormat(result);
  return result;
}

function encodeAuth(auth) {
  return auth.replace(nonAuthPatternGlobal, function(c) {
    return encodeURIComponent(c);
  });
}

function urlFormat(obj) {
  // A string is parsed first, which also tidies it up.
  if (typeof obj === 'string') obj = urlParse(obj);
  if (obj === null || obj === undefined) {
    throw new TypeError("Parameter 'urlObj' must be an object, not " + obj);
  }

  var auth = obj.auth ? encodeAuth(String(obj.auth)) + '@' : '';

  // host wins over hostname and port; false means the URL has no authority at all.
  var host = false;
  if (obj.host !== undefined) {
    host = auth + obj.host;
  } else if (obj.hostname !== undefined) {
    host = auth + obj.hostname + (obj.port ? ':' + obj.port : '');
  }

  var protocol = obj.protocol ? String(obj.protocol) : '';
  if (protocol && protocol.charAt(protocol.length - 1) !== ':') protocol += ':';

  var pathname = obj.pathname ? String(obj.pathname) : '';

  // search wins over query, and only a non-empty query object is serialised.
  var search = obj.search ? String(obj.search) : '';
  if (!search) {
    var query = obj.query;
    if (query && typeof query === 'object' && Object.keys(query).length) {
      var serialised = querystring.stringify(query);
      if (serialised) search = '?' + serialised;
    }
  }
  if (search && search.charAt(0) !== '?') search = '?' + search;

  var hash = obj.hash ? String(obj.hash) : '';
  if (hash && hash.charAt(0) !== '#') hash = '#' + hash;

  // Only the slashed protocols get '//', unless the URL had them to begin with (mailto: and
  // xmpp: do not).
  if (obj.slashes || ((!protocol || isSlashedProtocol(protocol)) && host !== false)) {
    host = '//' + (host || '');
    if (pathname && pathname.charAt(0) !== '/') pathname = '/' + pathname;
  } else if (!host) {
    host = '';
  }

  return protocol + host + pathname + search + hash;
}

function urlResolve(source, relative) {
  return urlFormat(urlResolveObject(source, relative));
}

function startsWithSlash(path) {
  return typeof path === 'string' && path.charAt(0) === '/';
}

// Drops keys left undefined by resolution and recomputes the derived path and href, so a
// resolved object looks like one url.parse would produce.
function finishResolved(url) {
  var keys = Object.keys(url);
  for (var i = 0; i < keys.length; i++) {
    if (url[keys[i]] === undefined || url[keys[i]] === null) delete url[keys[i]];
  }
  if (url.pathname === '') delete url.pathname;
  if (url.pathname || url.search) {
    url.path = (url.pathname || '') + (url.search || '');
  } else {
    delete url.path;
  }
  url.href = urlFormat(url);
  return url;
}

// Non-slashed protocols (mailto:, foo:) have no real authority: what parse called the host is
// the first path segment, so move it into the segment list for the dot handling.
function foldHostIntoPath(url, segments) {
  if (url.host) {
    if (segments[0] === '') segments[0] = url.host;
    else segments.unshift(url.host);
  }
  delete url.host;
  delete url.hostname;
  delete url.port;
}

// The reverse of foldHostIntoPath; user info that travelled inside the segment is split off.
function unfoldHost(url, segment) {
  var host = segment === undefined ? '' : segment;
  if (host.indexOf('@') > 0) {
    var parts = host.split('@');
    url.auth = parts[0];
    host = parts[1];
  }
  url.host = url.hostname = host;
}

// Removes '.' segments and lets each '..' cancel the nearest real segment before it. Returns the
// kept segments and how many '..' had nothing left to cancel.
function removeDotSegments(segments) {
  var kept = [];
  var up = 0;
  for (var i = segments.length - 1; i >= 0; i--) {
    var segment = segments[i];
    if (segment === '.') continue;
    if (segment === '..') {
      up++;
    } else if (up > 0) {
      up--;
    } else {
      kept.push(segment);
    }
  }
  kept.reverse();
  return { segments: kept, up: up };
}

function urlResolveObject(source, relative) {
  if (!source) return relative;

  var base = urlParse(urlFormat(source), false, true);
  var rel = urlParse(urlFormat(relative), false, true);

  // The fragment always comes from the reference, even when that means dropping it.
  base.hash = rel.hash;

  if (rel.href === '') return finishResolved(base);

  // '//host/path' keeps only the base's protocol.
  if (rel.slashes && !rel.protocol) {
    rel.protocol = base.protocol;
    if (slashedProtocol[rel.protocol] && rel.hostname && !rel.pathname) rel.pathname = '/';
    return finishResolved(rel);
  }

  if (rel.protocol && rel.protocol !== base.protocol) {
    // Another protocol makes the reference absolute. For the slashed protocols a missing host
    // is read from the path, the way browsers treat 'https:/example.com/x'.
    if (slashedProtocol[rel.protocol] && !rel.host) {
      var hostSegments = (rel.pathname || '').split('/');
      var newHost = '';
      while (hostSegments.length && !newHost) newHost = hostSegments.shift();
      if (hostSegments[0] !== '') hostSegments.unshift('');
      if (hostSegments.length < 2) hostSegments.unshift('');
      rel.host = rel.hostname = newHost;
      rel.pathname = hostSegments.join('/');
    }
    // format writes '//' for these protocols anyway; say so, as parse would.
    if (slashedProtocol[rel.protocol]) rel.slashes = true;
    return finishResolved(rel);
  }

  var baseSegments = base.pathname ? base.pathname.split('/') : [];
  var relSegments = rel.pathname ? rel.pathname.split('/') : [];
  var relIsAbsolute = rel.host !== undefined || startsWithSlash(rel.pathname);
  var mustEndAbsolute = relIsAbsolute || startsWithSlash(base.pathname) ||
      !!(base.host && rel.pathname);
  // An absolute result cannot climb above its root, so surplus '..' segments are dropped.
  var dropSurplusUps = mustEndAbsolute;
  var opaque = !!base.protocol && !slashedProtocol[base.protocol];

  // A reference naming another host does not inherit the base's credentials.
  if (rel.host !== undefined && rel.host !== base.host) delete base.auth;

  if (opaque) {
    foldHostIntoPath(base, baseSegments);
    if (rel.protocol) foldHostIntoPath(rel, relSegments);
    mustEndAbsolute = mustEndAbsolute && (relSegments[0] === '' || baseSegments[0] === '');
  }

  var segments;
  if (relIsAbsolute) {
    if (typeof rel.host === 'string') {
      base.host = rel.host;
      base.port = rel.port;
    }
    if (typeof rel.hostname === 'string') base.hostname = rel.hostname;
    base.search = rel.search;
    base.query = rel.query;
    segments = relSegments;
  } else if (relSegments.length) {
    // A relative path replaces the last segment of the base path.
    segments = baseSegments.slice(0, -1).concat(relSegments);
    base.search = rel.search;
    base.query = rel.query;
  } else if (rel.search !== undefined) {
    // Only a query: keep the base path.
    if (opaque) unfoldHost(base, baseSegments.shift());
    base.search = rel.search;
    base.query = rel.query;
    return finishResolved(base);
  } else {
    segments = baseSegments;
  }

  if (!segments.length) {
    delete base.pathname;
    return finishResolved(base);
  }

  // A path ending in '.' or '..' names a directory, so it keeps a trailing slash (an empty last
  // segment already is one). A lone '.' or '..' under an opaque protocol without a host names
  // nothing, as in 'foo:a' + '..' giving 'foo:'.
  var last = segments[segments.length - 1];
  var trailingSlash = last === '' ||
      (!!(base.host || rel.host || segments.length > 1) && (last === '.' || last === '..'));

  var cleaned = removeDotSegments(segments);
  segments = cleaned.segments;
  if (!mustEndAbsolute && !dropSurplusUps) {
    for (var u = 0; u < cleaned.up; u++) segments.unshift('..');
  }

  if (mustEndAbsolute && segments[0] !== '') segments.unshift('');
  if (trailingSlash) {
    var joined = segments.join('/');
    if (joined.charAt(joined.length - 1) !== '/') segments.push('');
  }

  var isAbsolute = segments[0] === '';
  if (opaque) unfoldHost(base, isAbsolute ? '' : segments.shift());

  if ((mustEndAbsolute || (base.host && segments.length)) && !isAbsolute) {
    segments.unshift('');
  }

  base.pathname = segments.join('/');
  base.auth = rel.auth || base.auth;
  base.slashes = base.slashes || rel.slashes;
  return finishResolved(base);
}

exports.parse = urlParse;
exports.format = urlFormat;
exports.resolve = urlResolve;
exports.resolveObject = urlResolveObject;
