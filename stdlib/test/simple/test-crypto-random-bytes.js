// randomBytes: synchronous without a callback, on the thread pool with one; sizes and errors.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');

[0, 1, 16, 255, 1024, 65536, 1 << 20].forEach(function(size) {
  var buffer = crypto.randomBytes(size);
  assert.ok(Buffer.isBuffer(buffer));
  assert.strictEqual(buffer.length, size);
});

// Random means different each time, and not all zeros.
var a = crypto.randomBytes(32).toString('hex');
var b = crypto.randomBytes(32).toString('hex');
assert.notStrictEqual(a, b);
assert.notStrictEqual(a, new Array(65).join('0'));
// Every byte value turns up in a large sample.
var seen = {};
var big = crypto.randomBytes(65536);
for (var i = 0; i < big.length; i++) seen[big[i]] = true;
assert.strictEqual(Object.keys(seen).length, 256);

var synchronous = true;
[0, 1, 256, 100000].forEach(function(size) {
  crypto.randomBytes(size, common.mustCall(function(err, buffer) {
    assert.strictEqual(synchronous, false);
    assert.strictEqual(err, null);
    assert.ok(Buffer.isBuffer(buffer));
    assert.strictEqual(buffer.length, size);
  }));
});
var results = [];
for (var j = 0; j < 20; j++) {
  crypto.randomBytes(16, common.mustCall(function(err, buffer) {
    results.push(buffer.toString('hex'));
  }));
}
synchronous = false;
process.on('exit', function() {
  assert.strictEqual(results.length, 20);
  results.sort();
  for (var k = 1; k < results.length; k++) assert.notStrictEqual(results[k], results[k - 1]);
});

// Bad sizes and callbacks.
[-1, 1.5, NaN, Infinity, -Infinity, Math.pow(2, 31), Math.pow(2, 53)].forEach(function(size) {
  assert.throws(function() { crypto.randomBytes(size); }, RangeError, String(size));
  assert.throws(function() { crypto.randomBytes(size, function() {}); }, RangeError, String(size));
});
['1', null, undefined, {}, [], true].forEach(function(size) {
  assert.throws(function() { crypto.randomBytes(size); }, TypeError, String(size));
});
assert.throws(function() { crypto.randomBytes(1, 'callback'); }, TypeError);
assert.throws(function() { crypto.randomBytes(1, null); }, TypeError);
