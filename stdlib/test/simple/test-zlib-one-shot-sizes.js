// The one-shot helpers (zlib.gzip(buf, cb) ...) take their output in pieces sized to the input
// (up to 256 KB) unless the options name a chunkSize. Whatever the piece size, the results are
// the same bytes, and maxOutputLength still lets a result of exactly that length through and
// stops one a byte longer.
var common = require('../common');
var assert = require('assert');
var zlib = require('zlib');

var seed = 777;
function random() {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed;
}
// Half random bytes, half repetitive text: about 2 MB that deflates to about 1 MB.
var data = new Buffer(2 * 1024 * 1024 + 3);
for (var i = 0; i < data.length; i++) {
  data[i] = i < data.length / 2 ? random() >> 8 : 97 + (i % 13);
}

var pairs = [['gzip', 'gunzip'], ['deflate', 'inflate'], ['deflateRaw', 'inflateRaw'],
             ['gzip', 'unzip']];

pairs.forEach(function(pair) {
  [undefined, { chunkSize: 1024 }, { level: 1 }].forEach(function(options) {
    var what = pair.join('/') + ' ' + JSON.stringify(options);
    zlib[pair[0]](data, options, common.mustCall(function(err, packed) {
      assert.ifError(err);
      assert.ok(packed.length < data.length, what);
      zlib[pair[1]](packed, options, common.mustCall(function(err, unpacked) {
        assert.ifError(err);
        assert.strictEqual(unpacked.length, data.length, what);
        assert.ok(unpacked.toString('hex') === data.toString('hex'), what + ': bytes differ');
      }));
    }));
  });
});

// Small inputs too, where the pieces stay at 16 KB.
zlib.deflate(new Buffer('hello hello hello'), common.mustCall(function(err, packed) {
  assert.ifError(err);
  zlib.inflate(packed, common.mustCall(function(err, unpacked) {
    assert.ifError(err);
    assert.strictEqual(unpacked.toString(), 'hello hello hello');
  }));
}));

zlib.gzip(data, common.mustCall(function(err, packed) {
  assert.ifError(err);
  zlib.gunzip(packed, { maxOutputLength: data.length }, common.mustCall(function(err, r) {
    assert.ifError(err);
    assert.strictEqual(r.length, data.length);
  }));
  zlib.gunzip(packed, { maxOutputLength: data.length - 1 }, common.mustCall(function(err, r) {
    assert.ok(err instanceof RangeError);
    assert.strictEqual(err.code, 'ERR_BUFFER_TOO_LARGE');
    assert.strictEqual(r, undefined);
  }));
}));
