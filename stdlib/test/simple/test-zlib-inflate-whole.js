// zlib.gunzip/inflate/inflateRaw of a whole buffer go to libdeflate first
// (runtime/bindings/zlib.cc, inflateWhole) and to zlib for anything libdeflate does not take
// whole. Every answer must be the one the zlib stream gives: the same bytes, or the same error.
var assert = require('assert');
var zlib = require('zlib');
var binding = process.binding('zlib');

function concat(list) {
  var total = 0;
  list.forEach(function(b) { total += b.length; });
  var out = new Buffer(total), offset = 0;
  list.forEach(function(b) { b.copy(out, offset); offset += b.length; });
  return out;
}

// What the stream gives for `input`: {error: [message, code]} or {data: hex}.
function viaStream(Make, input, callback) {
  var stream = Make(), chunks = [], done = false;
  stream.on('data', function(c) { chunks.push(c); });
  stream.on('error', function(e) { if (!done) { done = true; callback({ error: [e.message, e.code] }); } });
  stream.on('end', function() { if (!done) { done = true; callback({ data: concat(chunks).toString('hex') }); } });
  stream.end(input);
}

function viaHelper(helper, input, callback) {
  helper(input, function(e, out) {
    callback(e ? { error: [e.message, e.code] } : { data: out.toString('hex') });
  });
}

// Data with runs and noise, so that every kind of block appears.
var seed = 7;
function noise(n) {
  var b = new Buffer(n);
  for (var i = 0; i < n; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; b[i] = seed >> 16; }
  return b;
}
var plain = [
  new Buffer(0),
  new Buffer('x'),
  new Buffer(new Array(5000).join('abcabcabd ')),
  noise(70000),
  concat([new Buffer(new Array(300000).join('z')), noise(1000)])
];

var cases = [];
var pending = plain.length * 3;
plain.forEach(function(data) {
  [['gunzip', zlib.gzip, zlib.gunzip, zlib.createGunzip],
   ['inflate', zlib.deflate, zlib.inflate, zlib.createInflate],
   ['inflateRaw', zlib.deflateRaw, zlib.inflateRaw, zlib.createInflateRaw]].forEach(function(k) {
    k[1](data, function(err, packed) {
      assert.ifError(err);
      var name = k[0] + ' of ' + data.length + ' bytes';
      cases.push([name, k[2], k[3], packed, data.toString('hex')]);
      cases.push([name + ', truncated', k[2], k[3], packed.slice(0, Math.max(0, packed.length - 5))]);
      var bad = new Buffer(packed);
      bad[bad.length >> 1] ^= 0x55;
      cases.push([name + ', a byte flipped', k[2], k[3], bad]);
      cases.push([name + ', bytes after it', k[2], k[3], concat([packed, new Buffer('garbage')])]);
      if (k[0] === 'gunzip') cases.push([name + ', two members', k[2], k[3], concat([packed, packed])]);
      if (--pending === 0) runCases();
    });
  });
});

function runCases() {
  var left = cases.length;
  cases.forEach(function(c) {
    viaStream(c[2], c[3], function(expected) {
      if (c[4] !== undefined) assert.deepEqual(expected, { data: c[4] }, c[0] + ': the stream');
      viaHelper(c[1], c[3], function(got) {
        assert.deepEqual(got, expected, c[0]);
        if (--left === 0) limits();
      });
    });
  });
}

// maxOutputLength: just enough works, one byte less is the stream's RangeError.
function limits() {
  var data = new Buffer(new Array(2000).join('limit '));
  zlib.gzip(data, function(err, gz) {
    assert.ifError(err);
    zlib.gunzip(gz, { maxOutputLength: data.length }, function(err, out) {
      assert.ifError(err);
      assert.strictEqual(out.toString(), data.toString());
      zlib.gunzip(gz, { maxOutputLength: data.length - 1 }, function(err, out) {
        assert.ok(err instanceof RangeError);
        assert.strictEqual(err.code, 'ERR_BUFFER_TOO_LARGE');
        direct(gz, data);
      });
    });
  });
}

// The binding itself: an ArrayBuffer and a length for a whole stream, null for the rest.
function direct(gz, data) {
  var queued = binding.inflateWhole(binding.GUNZIP, gz, 1 << 30, function(arrayBuffer, length) {
    assert.ok(arrayBuffer instanceof ArrayBuffer);
    assert.strictEqual(length, data.length);
    assert.strictEqual(new Buffer(new Uint8Array(arrayBuffer, 0, length)).toString(), data.toString());
    binding.inflateWhole(binding.INFLATE, gz, 1 << 30, function(arrayBuffer) {
      assert.strictEqual(arrayBuffer, null, 'a gzip stream is not a zlib one');
      console.log('ok');
    });
  });
  assert.strictEqual(queued, true, 'libdeflate is installed here (bazelw installs libdeflate-dev)');
  assert.throws(function() { binding.inflateWhole(binding.GZIP, gz, 1, function() {}); }, RangeError);
  assert.throws(function() { binding.inflateWhole(binding.GUNZIP, 'x', 1, function() {}); }, TypeError);
  assert.throws(function() { binding.inflateWhole(binding.GUNZIP, gz, 0, function() {}); }, RangeError);
  assert.throws(function() { binding.inflateWhole(binding.GUNZIP, gz, 1); }, TypeError);
}
