// fs.ReadStream -> Gzip -> fs.WriteStream, then back through Gunzip (and Unzip, and the
// deflate pair), reproduces the file exactly.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');
var zlib = require('zlib');

var original = path.join(common.tmpDir, 'zlib-pipe-original.txt');
var data = new Buffer(1024 * 1024 + 11);
for (var i = 0; i < data.length; i++) {
  data[i] = i % 1000 < 900 ? 97 + (i % 7) : (i * 2654435761) >>> 24;
}
fs.writeFileSync(original, data);

function sameAsOriginal(file) {
  var copy = fs.readFileSync(file);
  assert.strictEqual(copy.length, data.length, file);
  for (var i = 0; i < data.length; i++) {
    if (copy[i] !== data[i]) assert.fail(copy[i], data[i], file + ': byte ' + i + ' differs');
  }
}

function chain(name, compress, decompress) {
  var packed = path.join(common.tmpDir, 'zlib-pipe-' + name + '.z');
  var unpacked = path.join(common.tmpDir, 'zlib-pipe-' + name + '.out');
  var out = fs.createWriteStream(packed);
  var z = compress();
  fs.createReadStream(original).pipe(z).pipe(out);
  z.on('end', common.mustCall());
  z.on('close', common.mustCall());
  out.on('close', common.mustCall(function() {
    var size = fs.statSync(packed).size;
    assert.ok(size > 0 && size < data.length / 2, name + ': compressed size ' + size);
    var back = fs.createWriteStream(unpacked);
    fs.createReadStream(packed, { bufferSize: 1000 }).pipe(decompress()).pipe(back);
    back.on('close', common.mustCall(function() { sameAsOriginal(unpacked); }));
  }));
}

chain('gzip', zlib.createGzip, zlib.createGunzip);
chain('gzip-unzip', function() { return zlib.createGzip({ level: 9 }); }, zlib.createUnzip);
chain('deflate', function() { return zlib.createDeflate({ chunkSize: 1024 }); },
      zlib.createInflate);
chain('raw', zlib.createDeflateRaw, function() { return zlib.createInflateRaw({ chunkSize: 64 }); });

// A pipe straight from compressor to decompressor, with an encoding on the end.
var g = zlib.createGzip();
var u = zlib.createGunzip();
var text = '';
u.setEncoding('utf8');
u.on('data', function(s) {
  assert.strictEqual(typeof s, 'string');
  text += s;
});
u.on('end', common.mustCall(function() {
  assert.strictEqual(text, '\u00e9t\u00e9 \u20ac100 '.repeat(5000));
}));
g.pipe(u);
// Multi-byte characters split across writes and output chunks.
var buf = new Buffer('\u00e9t\u00e9 \u20ac100 '.repeat(5000));
for (var off = 0; off < buf.length; off += 333) g.write(buf.slice(off, Math.min(off + 333, buf.length)));
g.end();
