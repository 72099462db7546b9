// Buffer throughput: utf8 and base64 encode/decode on 1 KB and 1 MB buffers, and `new Buffer(64)`
// allocations. Runs unchanged under Nodus and under a current node; prints one JSON object
// {runtime, version, cases: {name: {ops, mbps, bytes}}} on stdout. bench/buffer.sh runs it under
// both and compares.
//
// Only APIs both runtimes share, through the same calls: new Buffer(n), new Buffer(str, enc),
// buf.toString(enc), buf.write(str, 0, enc). Each case is warmed up, then run in batches for a
// fixed wall-clock time (Date.now()); every result feeds a sink so no call can be optimized away.
// MB/s counts the bytes of the Buffer side of each operation (for base64 that is the decoded
// data, not the base64 text), with MB = 2^20 bytes.
'use strict';

// new Buffer() is deprecated in current node; the warning would go to stderr. Harmless on Nodus.
try {
  process.noDeprecation = true;
} catch (e) {}

var WARMUP_MS = +(process.env.BENCH_WARMUP_MS || 100);
var RUN_MS = +(process.env.BENCH_RUN_MS || 300);
var KB = 1024;
var MB = 1024 * 1024;

var sink = 0;

// Runs fn(n) (which must do n operations) for RUN_MS after a warm-up; returns operations/s.
function measure(fn) {
  // Warm-up, also finding a batch size that takes at least ~5 ms so Date.now() is precise.
  var batch = 1;
  var start = Date.now();
  for (;;) {
    var t0 = Date.now();
    fn(batch);
    var took = Date.now() - t0;
    if (took < 5) batch *= 2;
    if (Date.now() - start >= WARMUP_MS && took >= 5) break;
    if (Date.now() - start >= WARMUP_MS * 10) break;  // very slow operations
  }
  var ops = 0;
  start = Date.now();
  var elapsed;
  do {
    fn(batch);
    ops += batch;
    elapsed = Date.now() - start;
  } while (elapsed < RUN_MS);
  return ops * 1000 / elapsed;
}

// Mixed text: mostly ASCII with 2-byte (é, ü), 3-byte (€, 中文) and 4-byte (😀, a surrogate
// pair) UTF-8 sequences. Repeated and cut so the UTF-8 form is exactly `bytes` long.
var SAMPLE = 'The quick brown fox jumps over the lazy dog; caf\u00e9 \u00fcber ' +
    '\u20ac42 \u4e2d\u6587 \ud83d\ude00 0123456789. ';

function mixedText(bytes) {
  var sampleBytes = Buffer.byteLength(SAMPLE, 'utf8');
  var copies = Math.floor(bytes / sampleBytes);
  var text = new Array(copies + 1).join(SAMPLE);
  // Pad with ASCII to the exact length.
  var pad = bytes - copies * sampleBytes;
  for (var i = 0; i < pad; i++) text += String.fromCharCode(97 + i % 26);
  return text;
}

// Deterministic pseudo-random bytes (all 256 values), for base64.
function randomBytes(length) {
  var buffer = new Buffer(length);
  var x = 12345;
  for (var i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    buffer[i] = x >>> 16 & 255;
  }
  return buffer;
}

var results = {};

function record(name, bytes, fn) {
  var ops = measure(fn);
  results[name] = {
    ops: Math.round(ops),
    mbps: bytes > 0 ? Math.round(ops * bytes / MB * 10) / 10 : null,
    bytes: bytes
  };
}

function sizeName(bytes) {
  return bytes >= MB ? bytes / MB + 'MB' : bytes / KB + 'KB';
}

[KB, MB].forEach(function(size) {
  var label = sizeName(size);

  var text = mixedText(size);
  var bytes = new Buffer(text, 'utf8');
  if (bytes.length !== size) throw new Error('utf8 sample is ' + bytes.length + ' bytes');
  if (bytes.toString('utf8') !== text) throw new Error('utf8 round trip failed');
  var target = new Buffer(size);

  // string -> new Buffer
  record('utf8 encode ' + label, size, function(n) {
    for (var i = 0; i < n; i++) sink += new Buffer(text, 'utf8').length;
  });
  // string -> existing Buffer
  record('utf8 write ' + label, size, function(n) {
    for (var i = 0; i < n; i++) sink += target.write(text, 0, 'utf8');
  });
  // Buffer -> string
  record('utf8 decode ' + label, size, function(n) {
    for (var i = 0; i < n; i++) sink += bytes.toString('utf8').length;
  });

  var data = randomBytes(size);
  var b64 = data.toString('base64');
  var decoded = new Buffer(b64, 'base64');
  if (decoded.length !== size || decoded.toString('hex') !== data.toString('hex')) {
    throw new Error('base64 round trip failed');
  }

  // Buffer -> base64 string
  record('base64 encode ' + label, size, function(n) {
    for (var i = 0; i < n; i++) sink += data.toString('base64').length;
  });
  // base64 string -> new Buffer
  record('base64 decode ' + label, size, function(n) {
    for (var i = 0; i < n; i++) sink += new Buffer(b64, 'base64').length;
  });
});

record('new Buffer(64)', 64, function(n) {
  for (var i = 0; i < n; i++) sink += new Buffer(64).length;
});

console.log(JSON.stringify({
  runtime: typeof process.versions.nodus === 'string' ? 'nodus' : 'node',
  version: process.version,
  sink: sink > 0,
  cases: results
}));
