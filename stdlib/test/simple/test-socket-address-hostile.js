// The socket address bindings with hostile arguments: getsockname/getpeername into an object
// that refuses or throws on a property (a Proxy, a frozen object) raise the exception or report
// failure, and never abort; bind/connect take the address as a string without null bytes and the
// port as an integer from 0 to 65535, with TypeError/RangeError otherwise.
var common = require('../common');
var assert = require('assert');
var TCP = process.binding('tcp_wrap').TCP;
var UDP = process.binding('udp_wrap').UDP;

var tcp = new TCP();
assert.strictEqual(tcp.bind('127.0.0.1', 0), 0);

var throwing = new Proxy({}, { defineProperty: function() { throw new Error('no defining'); } });
assert.throws(function() { tcp.getsockname(throwing); }, /no defining/);

var frozen = Object.freeze({});
assert.notStrictEqual(tcp.getsockname(frozen), 0);  // refused: an error code, no properties
assert.deepEqual(Object.keys(frozen), []);

var out = {};
assert.strictEqual(tcp.getsockname(out), 0);
assert.strictEqual(out.address, '127.0.0.1');
assert.strictEqual(out.family, 'IPv4');

var fresh = new TCP();
assert.throws(function() { fresh.bind('127.0.0.1\u0000evil', 0); }, TypeError);
assert.throws(function() { fresh.bind(42, 0); }, TypeError);
assert.throws(function() { fresh.bind('127.0.0.1', 65536); }, RangeError);
assert.throws(function() { fresh.bind('127.0.0.1', -1); }, RangeError);
assert.throws(function() { fresh.bind('127.0.0.1', 1.5); }, RangeError);
assert.throws(function() { fresh.bind('127.0.0.1', '80'); }, TypeError);

var udp = new UDP();
assert.strictEqual(udp.bind('127.0.0.1', 0, 0), 0);
assert.throws(function() { udp.getsockname(throwing); }, /no defining/);

tcp.close();
fresh.close();
udp.close();
