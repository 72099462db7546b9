// Several megabytes, random and compressible, go through every format in many chunks and come
// back intact; output arrives in many 'data' events no larger than chunkSize.
var common = require('../common');
var assert = require('assert');
var zlib = require('zlib');

// Random bytes from a fixed-seed generator (incompressible), then text-like compressible data.
var seed = 12345;
function random() {
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed;
}
var randomData = new Buffer(3 * 1024 * 1024 + 17);
for (var i = 0; i < randomData.length; i++) randomData[i] = random() >> 8;
var words = ['alpha ', 'beta ', 'gamma ', 'delta ', 'epsilon ', '\n'];
var parts = [];
var length = 0;
while (length < 5 * 1024 * 1024) {
  var w = words[random() % words.length];
  parts.push(w);
  length += w.length;
}
var compressible = new Buffer(parts.join(''));

function checksum(buffers) {
  var a = 1, b = 0, n = 0;
  buffers.forEach(function(buf) {
    for (var i = 0; i < buf.length; i++) {
      a = (a + buf[i]) % 65521;
      b = (b + a) % 65521;
    }
    n += buf.length;
  });
  return n + ':' + a + ':' + b;
}

function run(input, pair, chunkSize, writeSize, expectSmall) {
  var c = zlib['create' + pair[0]]({ chunkSize: chunkSize });
  var d = zlib['create' + pair[1]]({ chunkSize: chunkSize });
  var compressedBytes = 0;
  var compressedEvents = 0;
  var out = [];
  c.on('data', function(chunk) {
    assert.ok(chunk.length <= chunkSize);
    compressedBytes += chunk.length;
    compressedEvents++;
  });
  d.on('data', function(chunk) {
    assert.ok(chunk.length <= chunkSize);
    out.push(chunk);
  });
  d.on('end', common.mustCall(function() {
    assert.strictEqual(checksum(out), checksum([input]), pair.join('->'));
    assert.ok(out.length >= input.length / chunkSize, 'inflated in ' + out.length + ' events');
    assert.ok(compressedEvents > 1);
    if (expectSmall) {
      assert.ok(compressedBytes < input.length / 3, 'compressed to ' + compressedBytes);
    } else {
      assert.ok(compressedBytes > input.length * 0.99, 'random compressed to ' + compressedBytes);
    }
  }));
  c.pipe(d);
  for (var off = 0; off < input.length; off += writeSize) {
    c.write(input.slice(off, Math.min(off + writeSize, input.length)));
  }
  c.end();
}

run(randomData, ['Gzip', 'Gunzip'], 16 * 1024, 64 * 1024, false);
run(randomData, ['DeflateRaw', 'InflateRaw'], 4096, 1000 * 1000, false);
run(compressible, ['Deflate', 'Inflate'], 16 * 1024, 65536, true);
run(compressible, ['Gzip', 'Unzip'], 1024, 3 * 1024 * 1024, true);

// One huge write through the one-shot helpers.
zlib.gzip(compressible, common.mustCall(function(err, gz) {
  assert.ifError(err);
  zlib.gunzip(gz, common.mustCall(function(err, result) {
    assert.ifError(err);
    assert.strictEqual(checksum([result]), checksum([compressible]));
  }));
}));
