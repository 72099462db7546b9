// Fixed work for one buffer case, for bench/buffer_cpu.sh: `buffer_work.js <case> <size> <n>`
// does n operations of <case> on <size>-byte data (KB or MB, as bench/buffer.js), after the
// same set-up for every case, and checks its results. The script measures the CPU time of the
// whole process (set-up is measured separately with n = 0 and subtracted). Runs unchanged under
// Nodus and node.
'use strict';
try {
  process.noDeprecation = true;
} catch (e) {}

var which = process.argv[2];
var size = process.argv[3] === 'MB' ? 1024 * 1024 : 1024;
var n = +process.argv[4];

var SAMPLE = 'The quick brown fox jumps over the lazy dog; caf\u00e9 \u00fcber ' +
    '\u20ac42 \u4e2d\u6587 \ud83d\ude00 0123456789. ';
var sampleBytes = Buffer.byteLength(SAMPLE, 'utf8');
var copies = Math.floor(size / sampleBytes);
var text = new Array(copies + 1).join(SAMPLE);
for (var i = 0; i < size - copies * sampleBytes; i++) text += String.fromCharCode(97 + i % 26);
var bytes = new Buffer(text, 'utf8');
if (bytes.length !== size) throw new Error('utf8 sample is ' + bytes.length + ' bytes');
var target = new Buffer(size);
var data = new Buffer(size);
var x = 12345;
for (i = 0; i < size; i++) {
  x = (x * 1103515245 + 12345) & 0x7fffffff;
  data[i] = x >>> 16 & 255;
}
var b64 = data.toString('base64');

var sink = 0;
var expect;
switch (which) {
  case 'utf8-encode':
    for (i = 0; i < n; i++) sink += new Buffer(text, 'utf8').length;
    expect = size;
    break;
  case 'utf8-write':
    for (i = 0; i < n; i++) sink += target.write(text, 0, 'utf8');
    expect = size;
    break;
  case 'utf8-decode':
    for (i = 0; i < n; i++) sink += bytes.toString('utf8').length;
    expect = text.length;
    break;
  case 'base64-encode':
    for (i = 0; i < n; i++) sink += data.toString('base64').length;
    expect = b64.length;
    break;
  case 'base64-decode':
    for (i = 0; i < n; i++) sink += new Buffer(b64, 'base64').length;
    expect = size;
    break;
  case 'alloc64':
    for (i = 0; i < n; i++) sink += new Buffer(64).length;
    expect = 64;
    break;
  default:
    throw new Error('unknown case ' + which);
}
if (sink !== expect * n) throw new Error(which + ': wrong results');
