// Out-of-range options are a RangeError, wrongly typed ones a TypeError, thrown at construction;
// bad arguments to write() and the one-shot helpers throw TypeError.
var common = require('../common');
var assert = require('assert');
var zlib = require('zlib');

var ranges = {
  chunkSize: [63, -1, 1.5, Infinity, NaN],
  windowBits: [7, 16, 0, -15, 8.5, NaN],
  level: [-2, 10, 100, 0.5],
  memLevel: [0, 10, -1],
  strategy: [-1, 5, 1.1]
};
var classes = ['Gzip', 'Gunzip', 'Deflate', 'Inflate', 'DeflateRaw', 'InflateRaw', 'Unzip'];

Object.keys(ranges).forEach(function(name) {
  ranges[name].forEach(function(value) {
    classes.forEach(function(cls) {
      var opts = {};
      opts[name] = value;
      assert.throws(function() { zlib['create' + cls](opts); }, RangeError,
                    cls + ' ' + name + '=' + value);
      assert.throws(function() { new zlib[cls](opts); }, RangeError);
    });
  });
  ['1', true, {}, [], function() {}].forEach(function(value) {
    var opts = {};
    opts[name] = value;
    assert.throws(function() { zlib.createDeflate(opts); }, TypeError, name + '=' + value);
  });
});
assert.throws(function() { zlib.createGzip('fast'); }, TypeError);
assert.throws(function() { zlib.createGzip(9); }, TypeError);
assert.throws(function() { zlib.createDeflate({ dictionary: 'abc' }); }, TypeError);

// The bounds themselves are fine, and undefined/null mean the default.
zlib.createDeflate({ chunkSize: 64, windowBits: 8, level: -1, memLevel: 1, strategy: 0 }).destroy();
zlib.createDeflate({ windowBits: 15, level: 9, memLevel: 9, strategy: 4 }).destroy();
zlib.createGzip({ level: undefined, chunkSize: null }).destroy();
zlib.createGzip(null).destroy();

// write() takes strings and Buffers.
var gz = zlib.createGzip();
[42, {}, [1, 2], true].forEach(function(value) {
  assert.throws(function() { gz.write(value); }, TypeError);
});
gz.destroy();

// The one-shot helpers check their arguments synchronously.
['deflate', 'deflateRaw', 'gzip', 'gunzip', 'inflate', 'inflateRaw', 'unzip'].forEach(function(n) {
  assert.throws(function() { zlib[n]('abc'); }, TypeError, n);
  assert.throws(function() { zlib[n]('abc', 'not a function'); }, TypeError, n);
  assert.throws(function() { zlib[n](12, function() {}); }, TypeError, n);
  assert.throws(function() { zlib[n](undefined, function() {}); }, TypeError, n);
});

// Still works afterwards.
zlib.deflate('ok', common.mustCall(function(err, buf) {
  assert.ifError(err);
  zlib.inflate(buf, common.mustCall(function(err, res) {
    assert.ifError(err);
    assert.strictEqual(res.toString(), 'ok');
  }));
}));
