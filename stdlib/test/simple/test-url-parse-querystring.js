var common = require('../common');
var assert = require('assert');

var url = require('url');

// With parseQueryString the query becomes an object, and is present (empty) even when the URL
// has no query at all.
var tests = {
  '/foo/bar?baz=quux#frag': {
    href: '/foo/bar?baz=quux#frag',
    hash: '#frag',
    search: '?baz=quux',
    query: { baz: 'quux' },
    pathname: '/foo/bar',
    path: '/foo/bar?baz=quux'
  },
  'http://example.com': {
    href: 'http://example.com/',
    protocol: 'http:',
    slashes: true,
    host: 'example.com',
    hostname: 'example.com',
    query: {},
    search: '',
    pathname: '/',
    path: '/'
  },
  'http://a.com/p?x=1&x=2&y=a+b&z=%C3%A9': {
    href: 'http://a.com/p?x=1&x=2&y=a+b&z=%C3%A9',
    protocol: 'http:',
    slashes: true,
    host: 'a.com',
    hostname: 'a.com',
    query: { x: ['1', '2'], y: 'a b', z: '\u00e9' },
    search: '?x=1&x=2&y=a+b&z=%C3%A9',
    pathname: '/p',
    path: '/p?x=1&x=2&y=a+b&z=%C3%A9'
  }
};

Object.keys(tests).forEach(function(input) {
  var actual = url.parse(input, true);
  var expected = tests[input];
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(),
                   'keys of url.parse(' + input + ', true)');
  Object.keys(expected).forEach(function(key) {
    assert.deepEqual(actual[key], expected[key], 'url.parse(' + input + ', true).' + key);
  });
});

// Without the flag the query stays a string.
assert.strictEqual(url.parse('/a?b=c').query, 'b=c');
assert.strictEqual(url.parse('/a?b=c', false).query, 'b=c');
// And a URL without a query has neither field.
assert.strictEqual('query' in url.parse('/a'), false);
assert.strictEqual('search' in url.parse('/a'), false);
