// process.binding('tcp_wrap') checks its arguments as runtime/core/args.h words it: the types
// net.js always passes (booleans for setNoDelay and setKeepAlive, an integer delay, objects for
// the request and the address out-parameter), and nothing else, is taken.
var common = require('../common');
var assert = require('assert');
var TCP = process.binding('tcp_wrap').TCP;

var handle = new TCP();
assert.strictEqual(handle.setNoDelay(true), 0);
assert.strictEqual(handle.setNoDelay(false), 0);
assert.throws(function() { handle.setNoDelay(1); }, /^TypeError: noDelay must be a boolean$/);
assert.throws(function() { handle.setNoDelay(); }, TypeError);

assert.strictEqual(handle.setKeepAlive(false, 0), 0);
// net.js hands on ~~(initialDelay / 1000), negative for a negative initialDelay: no delay.
assert.strictEqual(handle.setKeepAlive(false, -5), 0);
assert.throws(function() { handle.setKeepAlive('yes', 1); },
              /^TypeError: enable must be a boolean$/);
assert.throws(function() { handle.setKeepAlive(true); }, /^TypeError: delay must be a number$/);
assert.throws(function() { handle.setKeepAlive(true, 1.5); },
              /^RangeError: delay must be an integer$/);

assert.throws(function() { handle.getsockname(); }, /^TypeError: out must be an object$/);
assert.throws(function() { handle.connect(null, '127.0.0.1', 1); },
              /^TypeError: req must be an object$/);
// A value whose valueOf would run is refused before anything coerces it.
var ran = false;
var hostile = { valueOf: function() { ran = true; return 1; } };
assert.throws(function() { handle.setKeepAlive(true, hostile); }, TypeError);
assert.strictEqual(ran, false);

handle.close();
