var common = require('../common');
var assert = require('assert');

var url = require('url');

// resolveObject gives the resolved URL as an object shaped like url.parse's result for the
// resolved href: [from, to, expected href].
var tests = [
  ['/foo/bar/baz', 'quux', '/foo/bar/quux'],
  ['/foo/bar/baz', '../quux/baz', '/foo/quux/baz'],
  ['/foo/bar/baz', '/bar', '/bar'],
  ['foo/bar', '../../../baz', '../../baz'],
  ['http://example.com/b//c//d;p?q#blarg', 'https:/p/a/t/h?s#hash2', 'https://p/a/t/h?s#hash2'],
  ['http://example.com/b//c//d;p?q#blarg', 'http:/p/a/t/h?s#hash2',
   'http://example.com/p/a/t/h?s#hash2'],
  ['http://example.com/b//c//d;p?q#blarg', 'https://u:p@h.com/p/a/t/h?s#hash2',
   'https://u:p@h.com/p/a/t/h?s#hash2'],
  ['http://a/b/c/d;p?q', '//g', 'http://g/'],
  ['http://a/b/c/d;p?q', '?y', 'http://a/b/c/d;p?y'],
  ['http://a/b/c/d;p?q', '#s', 'http://a/b/c/d;p?q#s'],
  ['http://a/b/c/d;p?q', '', 'http://a/b/c/d;p?q'],
  ['http://a/b/c/d;p?q', '../../g', 'http://a/g'],
  ['http://u:p@a:81/b', '../c?x=1', 'http://u:p@a:81/c?x=1'],
  ['mailto:local1@domain1?query1', 'local2@domain2', 'mailto:local2@domain2']
];

tests.forEach(function(test) {
  var actual = url.resolveObject(url.parse(test[0]), test[1]);
  var expected = url.parse(test[2]);
  var message = 'resolveObject(' + test[0] + ', ' + test[1] + ')';
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(),
                   message + ' has keys ' + JSON.stringify(Object.keys(actual).sort()));
  Object.keys(expected).forEach(function(key) {
    assert.strictEqual(actual[key], expected[key], message + '.' + key);
  });
  // A string base works the same as a parsed one.
  assert.strictEqual(url.resolveObject(test[0], test[1]).href, test[2]);
  assert.strictEqual(url.format(url.resolveObject(test[0], test[1])), test[2]);
});

// The base object is not modified.
var base = url.parse('http://a/b/c');
url.resolveObject(base, '../d?e#f');
assert.strictEqual(base.href, 'http://a/b/c');
assert.strictEqual(base.pathname, '/b/c');
assert.strictEqual(base.hash, undefined);

// With no base the reference comes back untouched.
var reference = { pathname: '/x' };
assert.strictEqual(url.resolveObject('', reference), reference);
assert.strictEqual(url.resolveObject(null, 'y'), 'y');
