var common = require('../common');
var assert = require('assert');

var url = require('url');
var punycode = require('punycode');

// Host names are lower-cased, and labels with non-ASCII characters go through Punycode.
assert.strictEqual(url.parse('http://WWW.Example.COM/').hostname, 'www.example.com');
assert.strictEqual(url.parse('http://\u00dcber.example/').hostname,
                   punycode.toASCII('\u00fcber.example'));
assert.strictEqual(url.parse('http://\u00dcber.example/').hostname, 'xn--ber-goa.example');
assert.strictEqual(url.parse('http://\u65e5\u672c.jp:81/').host, 'xn--wgv71a.jp:81');

// Underscores and hyphens are fine after the first character of a label.
assert.strictEqual(url.parse('http://a_b-c.d/').hostname, 'a_b-c.d');

// A label longer than 63 characters ends the host; the excess moves to the path.
var label = new Array(64 + 1).join('a');
var long = url.parse('http://' + label + '.com/x');
assert.strictEqual(long.hostname, label.slice(0, 63));
assert.strictEqual(long.pathname, '/a.com/x');

// A host name longer than 255 characters is dropped.
var huge = url.parse('http://' + new Array(300).join('a.') + 'com/x');
assert.strictEqual(huge.hostname, '');
assert.strictEqual(huge.host, '');
assert.strictEqual(huge.pathname, '/x');

// Characters that cannot be in a host name end it.
[['http://a.b*c/d', 'a.b', '/*c/d'],
 ['http://a.b!c/d', 'a.b', '/!c/d'],
 ['http://a.b$c/d', 'a.b', '/$c/d'],
 ['http://a.b,c/d', 'a.b', '/,c/d'],
 ['http://a.b:c/d', 'a.b', '/:c/d']].forEach(function(test) {
  var parsed = url.parse(test[0]);
  assert.strictEqual(parsed.hostname, test[1], test[0] + ' hostname');
  assert.strictEqual(parsed.pathname, test[2], test[0] + ' pathname');
});

// These end the host before validation even starts.
[['http://a.b%2Fc/d', 'a.b', '%2Fc/d'],
 ['http://a.b;c/d', 'a.b', ';c/d'],
 ['http://a.b\\c/d', 'a.b', '\\c/d'],
 ['http://a.b~c/d', 'a.b', '~c/d'],
 ['http://a.b|c/d', 'a.b', '|c/d']].forEach(function(test) {
  var parsed = url.parse(test[0]);
  assert.strictEqual(parsed.hostname, test[1], test[0] + ' hostname');
  assert.strictEqual(parsed.pathname, test[2], test[0] + ' pathname');
});

// The port is only digits after the last colon.
var ported = url.parse('http://example.com:65535/');
assert.strictEqual(ported.port, '65535');
assert.strictEqual(ported.hostname, 'example.com');
assert.strictEqual(url.parse('http://example.com/').port, undefined);
