var common = require('../common');
var assert = require('assert');

var url = require('url');

// Without the third argument '//foo/bar' is a path; with it, foo is the host.
var plain = url.parse('//foo/bar');
assert.strictEqual(plain.pathname, '//foo/bar');
assert.strictEqual(plain.host, undefined);
assert.strictEqual(plain.slashes, undefined);

var hosted = url.parse('//foo/bar', false, true);
assert.deepEqual(Object.keys(hosted).sort(),
                 ['host', 'hostname', 'href', 'path', 'pathname', 'slashes']);
assert.strictEqual(hosted.host, 'foo');
assert.strictEqual(hosted.hostname, 'foo');
assert.strictEqual(hosted.pathname, '/bar');
assert.strictEqual(hosted.path, '/bar');
assert.strictEqual(hosted.slashes, true);
assert.strictEqual(hosted.href, '//foo/bar');

// The host is lower-cased and a port split off, as with a protocol.
var withPort = url.parse('//User@Foo.COM:81/x?y#z', false, true);
assert.strictEqual(withPort.auth, 'User');
assert.strictEqual(withPort.host, 'foo.com:81');
assert.strictEqual(withPort.hostname, 'foo.com');
assert.strictEqual(withPort.port, '81');
assert.strictEqual(withPort.pathname, '/x');
assert.strictEqual(withPort.search, '?y');
assert.strictEqual(withPort.hash, '#z');
assert.strictEqual(withPort.href, '//User@foo.com:81/x?y#z');

// A single slash is still a path.
assert.strictEqual(url.parse('/foo/bar', false, true).host, undefined);
assert.strictEqual(url.parse('/foo/bar', false, true).pathname, '/foo/bar');
