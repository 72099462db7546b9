// The module exports zlib.h's constants, the option ranges, the classes and the factories.
var common = require('../common');
var assert = require('assert');
var zlib = require('zlib');

var expected = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0,
  Z_BINARY: 0, Z_TEXT: 1, Z_ASCII: 1, Z_UNKNOWN: 2, Z_DEFLATED: 8, Z_NULL: 0,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1
};
Object.keys(expected).forEach(function(name) {
  assert.strictEqual(zlib[name], expected[name], name);
});
assert.strictEqual(typeof zlib.ZLIB_VERNUM, 'number');
assert.ok(zlib.ZLIB_VERNUM >= 0x1200);
assert.strictEqual(zlib.codes.Z_DATA_ERROR, -3);
assert.strictEqual(zlib.codes['-3'], 'Z_DATA_ERROR');

['Gzip', 'Gunzip', 'Deflate', 'Inflate', 'DeflateRaw', 'InflateRaw', 'Unzip'].forEach(function(n) {
  assert.strictEqual(typeof zlib[n], 'function', n);
  assert.strictEqual(typeof zlib['create' + n], 'function', 'create' + n);
  var made = zlib['create' + n]();
  assert.ok(made instanceof zlib[n], n);
  assert.ok(made instanceof require('stream').Stream, n);
  assert.ok(made instanceof require('events').EventEmitter, n);
  // Without `new` too, as v0.6 allowed.
  var called = zlib[n]();
  assert.ok(called instanceof zlib[n], n);
  made.destroy();
  called.destroy();
  made.on('close', common.mustCall());
});
['deflate', 'deflateRaw', 'gzip', 'gunzip', 'inflate', 'inflateRaw', 'unzip'].forEach(function(n) {
  assert.strictEqual(typeof zlib[n], 'function', n);
});
