// Corrupt, truncated or mismatched input ends in an 'error' event carrying zlib's code, never a
// crash; the stream then closes and ignores further writes.
var common = require('../common');
var assert = require('assert');
var zlib = require('zlib');

var text = new Array(500).join('corrupt me please ');

zlib.deflate(text, common.mustCall(function(err, deflated) {
  assert.ifError(err);

  // Flipped bytes in the middle of the deflate data.
  var bad = new Buffer(deflated.length);
  deflated.copy(bad);
  for (var i = 10; i < 20; i++) bad[i] ^= 0x55;
  zlib.inflate(bad, common.mustCall(function(err, result) {
    assert.ok(err instanceof Error);
    assert.strictEqual(err.code, 'Z_DATA_ERROR');
    assert.strictEqual(err.errno, zlib.Z_DATA_ERROR);
    assert.strictEqual(result, undefined);
  }));

  // Truncated: the end of the input comes before the end of the stream.
  zlib.inflate(deflated.slice(0, deflated.length - 6), common.mustCall(function(err) {
    assert.ok(err instanceof Error);
    assert.strictEqual(err.code, 'Z_BUF_ERROR');
    assert.strictEqual(err.errno, zlib.Z_BUF_ERROR);
    assert.ok(/unexpected end of file/.test(err.message), err.message);
  }));

  // A zlib stream is not a gzip stream.
  zlib.gunzip(deflated, common.mustCall(function(err) {
    assert.strictEqual(err.code, 'Z_DATA_ERROR');
    assert.ok(/header/.test(err.message), err.message);
  }));

  // A bad checksum in the zlib trailer.
  var badSum = new Buffer(deflated.length);
  deflated.copy(badSum);
  badSum[badSum.length - 1] ^= 1;
  zlib.inflate(badSum, common.mustCall(function(err) {
    assert.strictEqual(err.code, 'Z_DATA_ERROR');
    assert.ok(/check/.test(err.message), err.message);
  }));
}));

zlib.gzip(text, common.mustCall(function(err, gz) {
  assert.ifError(err);
  // A bad CRC in the gzip trailer.
  var bad = new Buffer(gz.length);
  gz.copy(bad);
  bad[bad.length - 8] ^= 0xff;
  zlib.gunzip(bad, common.mustCall(function(err) {
    assert.strictEqual(err.code, 'Z_DATA_ERROR');
  }));
  zlib.unzip(bad, common.mustCall(function(err) {
    assert.strictEqual(err.code, 'Z_DATA_ERROR');
  }));
}));

// Plain garbage through each decompressor, as streams.
['createGunzip', 'createInflate', 'createUnzip', 'createInflateRaw'].forEach(function(name) {
  var stream = zlib[name]();
  var events = [];
  stream.on('data', function() { events.push('data'); });
  stream.on('end', function() { events.push('end'); });
  stream.on('error', common.mustCall(function(err) {
    events.push('error');
    assert.ok(err instanceof Error);
    assert.strictEqual(typeof err.errno, 'number');
    assert.ok(err.errno < 0);
    assert.ok(/^Z_/.test(err.code), err.code);
    assert.strictEqual(stream.readable, false);
    assert.strictEqual(stream.writable, false);
    // Further writes and end() after the error are ignored, not thrown.
    assert.strictEqual(stream.write('more'), false);
    stream.end('more');
  }));
  stream.on('close', common.mustCall(function() {
    assert.deepEqual(events, ['error']);
  }));
  var garbage = new Buffer(2048);
  for (var i = 0; i < garbage.length; i++) garbage[i] = (i * 131 + 7) & 0xff;
  garbage[0] = 0xff;  // not a gzip or zlib header; an invalid raw block type
  garbage[1] = 0xff;
  stream.write(garbage);
  stream.end();
});

// Empty input is not a complete stream either.
zlib.gunzip(new Buffer(0), common.mustCall(function(err) {
  assert.strictEqual(err.code, 'Z_BUF_ERROR');
}));

// Writing after end() is an error event.
var ended = zlib.createGzip();
ended.end();
ended.on('error', common.mustCall(function(err) {
  assert.ok(/after end/.test(err.message));
}));
ended.write('late');
