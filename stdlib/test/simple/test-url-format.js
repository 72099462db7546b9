var common = require('../common');
var assert = require('assert');

var url = require('url');

// Each href is what url.format gives both for the object beside it and for the key string
// itself (which format parses first).
var formatTests = {
  'http://example.com?': {
    href: 'http://example.com/?',
    protocol: 'http:',
    slashes: true,
    host: 'example.com',
    hostname: 'example.com',
    search: '?',
    query: {},
    pathname: '/'
  },
  'http://example.com?foo=bar#frag': {
    href: 'http://example.com/?foo=bar#frag',
    protocol: 'http:',
    host: 'example.com',
    hostname: 'example.com',
    hash: '#frag',
    search: '?foo=bar',
    query: 'foo=bar',
    pathname: '/'
  },
  'http://example.com?foo=@bar#frag': {
    href: 'http://example.com/?foo=@bar#frag',
    protocol: 'http:',
    host: 'example.com',
    hostname: 'example.com',
    hash: '#frag',
    search: '?foo=@bar',
    query: 'foo=@bar',
    pathname: '/'
  },
  'http://example.com?foo=/bar/#frag': {
    href: 'http://example.com/?foo=/bar/#frag',
    protocol: 'http:',
    host: 'example.com',
    hostname: 'example.com',
    hash: '#frag',
    search: '?foo=/bar/',
    query: 'foo=/bar/',
    pathname: '/'
  },
  'http://example.com?foo=?bar/#frag': {
    href: 'http://example.com/?foo=?bar/#frag',
    protocol: 'http:',
    host: 'example.com',
    hostname: 'example.com',
    hash: '#frag',
    search: '?foo=?bar/',
    query: 'foo=?bar/',
    pathname: '/'
  },
  'http://example.com#frag=?bar/#frag': {
    href: 'http://example.com/#frag=?bar/#frag',
    protocol: 'http:',
    host: 'example.com',
    hostname: 'example.com',
    hash: '#frag=?bar/#frag',
    pathname: '/'
  },
  'http://google.com" onload="alert(42)/': {
    href: 'http://google.com/',
    protocol: 'http:',
    host: 'google.com',
    pathname: '/'
  },
  // Missing ':', '/', '?' and '#' are supplied.
  'http://a.com/a/b/c?s#h': {
    href: 'http://a.com/a/b/c?s#h',
    protocol: 'http',
    host: 'a.com',
    pathname: 'a/b/c',
    hash: 'h',
    search: 's'
  },
  'xmpp:isaacschlueter@jabber.org': {
    href: 'xmpp:isaacschlueter@jabber.org',
    protocol: 'xmpp:',
    host: 'jabber.org',
    auth: 'isaacschlueter',
    hostname: 'jabber.org'
  },
  // An '@' inside the user info has to be escaped.
  'http://atpass:foo%40bar@127.0.0.1/': {
    href: 'http://atpass:foo%40bar@127.0.0.1/',
    auth: 'atpass:foo@bar',
    hostname: '127.0.0.1',
    protocol: 'http:',
    pathname: '/'
  },
  'http://atslash%2F%40:%2F%40@foo/': {
    href: 'http://atslash%2F%40:%2F%40@foo/',
    auth: 'atslash/@:/@',
    hostname: 'foo',
    protocol: 'http:',
    pathname: '/'
  },
  'svn+ssh://foo/bar': {
    href: 'svn+ssh://foo/bar',
    hostname: 'foo',
    protocol: 'svn+ssh:',
    pathname: '/bar',
    slashes: true
  },
  'dash-test://foo/bar': {
    href: 'dash-test://foo/bar',
    hostname: 'foo',
    protocol: 'dash-test:',
    pathname: '/bar',
    slashes: true
  },
  'dash-test:foo/bar': {
    href: 'dash-test:foo/bar',
    hostname: 'foo',
    protocol: 'dash-test:',
    pathname: '/bar'
  },
  'dot.test://foo/bar': {
    href: 'dot.test://foo/bar',
    hostname: 'foo',
    protocol: 'dot.test:',
    pathname: '/bar',
    slashes: true
  },
  'dot.test:foo/bar': {
    href: 'dot.test:foo/bar',
    hostname: 'foo',
    protocol: 'dot.test:',
    pathname: '/bar'
  }
};

Object.keys(formatTests).forEach(function(input) {
  var expected = formatTests[input].href;
  var obj = {};
  Object.keys(formatTests[input]).forEach(function(key) {
    if (key !== 'href') obj[key] = formatTests[input][key];
  });
  assert.equal(url.format(input), expected, 'url.format(' + JSON.stringify(input) + ')');
  assert.equal(url.format(obj), expected, 'url.format(' + JSON.stringify(obj) + ')');
});

// The documented rules, one at a time.
// href is ignored.
assert.equal(url.format({ href: 'http://ignored/', protocol: 'http:', host: 'a.com' }),
             'http://a.com');
// Known protocols get '://', others only ':'.
['http', 'https', 'ftp', 'gopher', 'file'].forEach(function(protocol) {
  assert.equal(url.format({ protocol: protocol, host: 'h', pathname: '/p' }),
               protocol + '://h/p');
});
['mailto', 'xmpp', 'aim', 'sftp', 'foo'].forEach(function(protocol) {
  assert.equal(url.format({ protocol: protocol, host: 'h', pathname: '/p' }),
               protocol + ':h/p');
});
// host takes the place of hostname and port.
assert.equal(url.format({ protocol: 'http:', host: 'a.com:81', hostname: 'b.com', port: 82 }),
             'http://a.com:81');
assert.equal(url.format({ protocol: 'http:', hostname: 'b.com', port: 82 }), 'http://b.com:82');
// search takes the place of query; an object query is serialised with querystring.
assert.equal(url.format({ pathname: '/p', search: '?a=1', query: { b: 2 } }), '/p?a=1');
assert.equal(url.format({ pathname: '/p', query: { b: 2, c: ['x', 'y z'] } }),
             '/p?b=2&c=x&c=y%20z');
// A string query is not used; only search carries a string.
assert.equal(url.format({ pathname: '/p', query: 'b=2' }), '/p');
// Leading '#' and '?' and '/' are optional.
assert.equal(url.format({ protocol: 'http:', host: 'h', pathname: 'x', search: 'y', hash: 'z' }),
             'http://h/x?y#z');
assert.equal(url.format({ protocol: 'http:', host: 'h', pathname: '/x', search: '?y',
                          hash: '#z' }),
             'http://h/x?y#z');
// No protocol but a host still gets '//'.
assert.equal(url.format({ host: 'h', pathname: '/x' }), '//h/x');
assert.equal(url.format({ pathname: '/x' }), '/x');
assert.equal(url.format({}), '');

// parse then format gives back the canonical href.
['http://user:pass@host.com:8080/p/a/t/h?query=string#hash',
 'mailto:foo@bar.com?subject=hello',
 'file:///etc/passwd',
 '/just/a/path?q#h'].forEach(function(href) {
  assert.equal(url.format(url.parse(href)), href);
  assert.equal(url.format(url.parse(href, true)), href);
});
