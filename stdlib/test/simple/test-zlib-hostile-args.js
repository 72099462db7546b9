// process.binding('zlib') given junk: every call returns or throws an Error, the process
// survives, and the handles still work afterwards.
var common = require('../common');
var assert = require('assert');
var zlib = require('zlib');

var binding = process.binding('zlib');
var throwing = {
  toString: function() { throw new Error('toString'); },
  valueOf: function() { throw new Error('valueOf'); }
};
var hostile = [
  undefined, null, -1, 0, 1, 7, 8, 15, 16, NaN, Infinity, -Infinity, Math.pow(2, 32),
  Math.pow(2, 53), -Math.pow(2, 31), 1.5, '', '1', 'abc', true, {}, [], [1, 2], throwing,
  new Buffer(4), new Uint8Array(0), new Float64Array(2), new DataView(new ArrayBuffer(4)),
  new ArrayBuffer(8), function() {}
];
if (typeof Symbol === 'function') hostile.push(Symbol('s'));

var calls = 0;
function attempt(fn, self, args) {
  calls++;
  try {
    return fn.apply(self, args);
  } catch (e) {
    assert.ok(e instanceof Error, 'threw a non-Error: ' + String(e));
  }
}

// The constructor.
hostile.forEach(function(a) {
  attempt(function() { return new binding.Zlib(a); }, null, []);
  attempt(binding.Zlib, null, [a]);  // without new
});

// Methods on foreign receivers.
['init', 'write', 'reset', 'close'].forEach(function(name) {
  var method = binding.Zlib.prototype[name];
  hostile.forEach(function(a) {
    attempt(method, a, [1]);
    attempt(method, Object.create(binding.Zlib.prototype), [a]);
  });
});

// init() with junk in every position, on every mode.
var modes = [binding.DEFLATE, binding.INFLATE, binding.GZIP, binding.GUNZIP, binding.DEFLATERAW,
             binding.INFLATERAW, binding.UNZIP];
modes.forEach(function(mode) {
  var good = [15, 6, 8, 0, undefined];
  for (var pos = 0; pos < good.length; pos++) {
    hostile.forEach(function(a) {
      var h = new binding.Zlib(mode);
      var args = good.slice();
      args[pos] = a;
      attempt(h.init, h, args);
      h.close();
    });
  }
});

// write() with junk in every position, including ranges past the buffers' ends.
var input = new Buffer('hello hello hello hello');
var output = new Buffer(64);
var pendingWrites = 0;
function makeHandle(mode) {
  var h = new binding.Zlib(mode);
  h.init(15, 6, 8, 0);
  h.oncomplete = function() { pendingWrites--; };
  h.onerror = function() { pendingWrites--; };
  return h;
}
var goodWrite = [binding.Z_NO_FLUSH, input, 0, input.length, output, 0, output.length];
var extra = [input.length + 1, output.length + 1, -0.5, 1e10, 2147483648, 4294967296];
for (var pos = 0; pos < goodWrite.length; pos++) {
  hostile.concat(extra).forEach(function(a) {
    var h = makeHandle(pos % 2 ? binding.DEFLATE : binding.INFLATE);
    var args = goodWrite.slice();
    args[pos] = a;
    var before = pendingWrites;
    pendingWrites++;
    var threw = true;
    try {
      h.write.apply(h, args);
      threw = false;
    } catch (e) {
      assert.ok(e instanceof Error);
      pendingWrites = before;
    }
    if (!threw) {
      // A second write while one runs is refused.
      assert.throws(function() { h.write.apply(h, goodWrite); }, Error);
      assert.throws(function() { h.reset(); }, Error);
    }
  });
}
// Offsets and lengths that overrun are RangeErrors, checked before anything runs.
var h = makeHandle(binding.DEFLATE);
assert.throws(function() { h.write(0, input, 1, input.length, output, 0, 1); }, RangeError);
assert.throws(function() { h.write(0, input, 0, 1, output, 60, 5); }, RangeError);
assert.throws(function() { h.write(0, input, 0, 1, output, 65, 0); }, RangeError);
assert.throws(function() { h.write(7, input, 0, 1, output, 0, 1); }, RangeError);
assert.throws(function() { h.write(0, 'abc', 0, 1, output, 0, 1); }, TypeError);
assert.throws(function() { h.write(0, input, '0', 1, output, 0, 1); }, TypeError);
// A handle used before init(), or initialised twice.
var fresh = new binding.Zlib(binding.GZIP);
assert.throws(function() { fresh.write(0, input, 0, 1, output, 0, 1); }, Error);
assert.throws(function() { fresh.reset(); }, Error);
fresh.init(15, 6, 8, 0);
assert.throws(function() { fresh.init(15, 6, 8, 0); }, Error);
assert.throws(function() { new binding.Zlib(0); }, RangeError);
assert.throws(function() { new binding.Zlib(8); }, RangeError);
fresh.close();

// Buffers changed or dropped while a write runs: the memory stays valid.
var victim = makeHandle(binding.DEFLATE);
var scratchIn = new Buffer(1024 * 1024);
var scratchOut = new Buffer(1024);
pendingWrites++;
victim.write(binding.Z_FINISH, scratchIn, 0, scratchIn.length, scratchOut, 0, scratchOut.length);
scratchIn = scratchOut = null;
if (typeof gc === 'function') gc();

// Zero-length buffers.
var empty = makeHandle(binding.INFLATE);
pendingWrites++;
empty.write(binding.Z_FINISH, new Buffer(0), 0, 0, new Uint8Array(0), 0, 0);

assert.ok(calls > 1000);

// The module still works.
zlib.gzip('survived', common.mustCall(function(err, gz) {
  assert.ifError(err);
  zlib.gunzip(gz, common.mustCall(function(err, result) {
    assert.ifError(err);
    assert.strictEqual(result.toString(), 'survived');
  }));
}));
process.on('exit', function() { assert.strictEqual(pendingWrites, 0); });
