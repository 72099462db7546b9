// Every format round-trips text and binary data at several levels, strategies and window sizes,
// through the streams and through the one-shot helpers; compressed output is really compressed.
var common = require('../common');
var assert = require('assert');
var zlib = require('zlib');

var text = new Array(200).join('The quick brown fox jumps over the lazy dog. ');
var binary = new Buffer(5000);
for (var i = 0; i < binary.length; i++) binary[i] = (i * 7919 + (i >> 3)) & 0xff;

var pairs = [
  ['Deflate', 'Inflate', 'deflate', 'inflate'],
  ['Gzip', 'Gunzip', 'gzip', 'gunzip'],
  ['DeflateRaw', 'InflateRaw', 'deflateRaw', 'inflateRaw'],
  ['Deflate', 'Unzip', 'deflate', 'unzip'],
  ['Gzip', 'Unzip', 'gzip', 'unzip']
];
var optionSets = [
  {}, { level: 0 }, { level: 1 }, { level: 6 }, { level: 9 }, { level: -1 },
  { level: 9, memLevel: 9, windowBits: 15 }, { memLevel: 1, windowBits: 8 },
  { windowBits: 9, chunkSize: 64 }, { strategy: zlib.Z_FILTERED },
  { strategy: zlib.Z_HUFFMAN_ONLY }, { strategy: zlib.Z_RLE }, { strategy: zlib.Z_FIXED }
];

function concat(list) {
  var total = 0;
  list.forEach(function(b) { total += b.length; });
  var out = new Buffer(total);
  var offset = 0;
  list.forEach(function(b) { b.copy(out, offset); offset += b.length; });
  return out;
}

function equalBuffers(a, b, what) {
  assert.strictEqual(a.length, b.length, what + ': length ' + a.length + ' != ' + b.length);
  for (var i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) assert.fail(a[i], b[i], what + ': byte ' + i + ' differs');
  }
}

var done = 0;
var expected = 0;

pairs.forEach(function(pair) {
  optionSets.forEach(function(opts) {
    [new Buffer(text), binary].forEach(function(input, which) {
      var what = pair[0] + '->' + pair[1] + ' ' + JSON.stringify(opts) + ' input ' + which;
      expected++;
      var compressor = zlib['create' + pair[0]](opts);
      var decompressor = new zlib[pair[1]](opts);
      assert.ok(compressor instanceof zlib[pair[0]]);
      assert.ok(compressor.readable && compressor.writable);
      var compressed = [];
      var output = [];
      compressor.on('data', function(c) {
        assert.ok(Buffer.isBuffer(c));
        compressed.push(c);
      });
      compressor.pipe(decompressor);
      decompressor.on('data', function(c) { output.push(c); });
      decompressor.on('end', function() {
        equalBuffers(concat(output), input, what);
        var size = concat(compressed).length;
        var matching = opts.strategy !== zlib.Z_HUFFMAN_ONLY && opts.strategy !== zlib.Z_RLE;
        if (which === 0 && opts.level !== 0 && matching) {
          assert.ok(size < input.length / 5, what + ': compressed to ' + size);
        }
        if (opts.level === 0) assert.ok(size > input.length, what + ': stored size ' + size);
        done++;
      });
      // Written in uneven pieces.
      for (var off = 0; off < input.length; off += 777) {
        compressor.write(input.slice(off, Math.min(off + 777, input.length)));
      }
      compressor.end();
    });
  });

  // The convenience functions, with a Buffer and with a string.
  expected += 2;
  zlib[pair[2]](binary, function(err, compressed) {
    assert.ifError(err);
    assert.ok(Buffer.isBuffer(compressed));
    zlib[pair[3]](compressed, function(err, result) {
      assert.ifError(err);
      equalBuffers(result, binary, pair[2] + '/' + pair[3]);
      done++;
    });
  });
  zlib[pair[2]]('h\u00e9llo w\u00f6rld', function(err, compressed) {
    assert.ifError(err);
    zlib[pair[3]](compressed, function(err, result) {
      assert.ifError(err);
      assert.strictEqual(result.toString('utf8'), 'h\u00e9llo w\u00f6rld');
      done++;
    });
  });
});

// Format markers: gzip starts with 1f 8b, zlib with 78, raw with neither.
zlib.gzip('x', common.mustCall(function(err, b) {
  assert.ifError(err);
  assert.strictEqual(b[0], 0x1f);
  assert.strictEqual(b[1], 0x8b);
}));
zlib.deflate('x', common.mustCall(function(err, b) {
  assert.ifError(err);
  assert.strictEqual(b[0], 0x78);
  assert.strictEqual((b[0] * 256 + b[1]) % 31, 0);
}));
// Empty input compresses to a valid empty stream.
zlib.gzip('', common.mustCall(function(err, b) {
  assert.ifError(err);
  assert.ok(b.length > 0);
  zlib.gunzip(b, common.mustCall(function(err, r) {
    assert.ifError(err);
    assert.strictEqual(r.length, 0);
  }));
}));

process.on('exit', function() {
  assert.strictEqual(done, expected);
});
