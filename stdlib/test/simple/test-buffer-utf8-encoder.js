// The native UTF-8 encoder (buffer.cc WriteUtf8) against a reference written in JS: random strings
// of ASCII, Latin-1, BMP, astral and lone-surrogate characters, with a room that is too small as
// often as not. Checks bytes, Buffer._charsWritten, that bytes past the written ones are left
// alone, and new Buffer(string).
var assert = require('assert');
// Compare against a reference encoder written in JS.
function ref(str) {
  var out = [];
  for (var i = 0; i < str.length; i++) {
    var c = str.charCodeAt(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < str.length) {
      var d = str.charCodeAt(i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        var cp = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        out.push(0xF0 | cp >> 18, 0x80 | cp >> 12 & 63, 0x80 | cp >> 6 & 63, 0x80 | cp & 63); i++; continue;
      }
    }
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    if (c < 0x80) out.push(c); else if (c < 0x800) out.push(0xC0 | c >> 6, 0x80 | c & 63);
    else out.push(0xE0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
  }
  return out;
}
var seed = 1;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
var alphabet = ['a', 'Z', '\u00e9', '\u00ff', '\u20ac', '\ud83d\ude00', '\ud83d', '\ude00', '\u0800', '\u07ff', '\uffff'];
for (var t = 0; t < 3000; t++) {
  var len = rnd(t < 2000 ? 40 : 9000);
  var s = '';
  var latin = rnd(2) === 0;
  for (var i = 0; i < len; i++) s += latin ? (rnd(4) ? 'x' : '\u00e9') : alphabet[rnd(alphabet.length)];
  var expect = ref(s);
  var cap = 1 + (rnd(3) === 0 ? rnd(expect.length + 3) : expect.length + 5);
  var buf = new Buffer(cap); buf.fill(0xAB);
  var n = buf.write(s, 0, cap, 'utf8');
  // Expected: the longest prefix of whole characters that fits.
  // Recompute by encoding char-by-char.
  var bytes = 0, units = 0;
  for (var i = 0; i < s.length; ) {
    var c = s.charCodeAt(i), step = 1, size;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length && s.charCodeAt(i+1) >= 0xDC00 && s.charCodeAt(i+1) <= 0xDFFF) { size = 4; step = 2; }
    else size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (bytes + size > cap) break;
    bytes += size; units += step; i += step;
  }
  assert.strictEqual(n, bytes, 'bytes t=' + t);
  assert.strictEqual(Buffer._charsWritten, units, 'units t=' + t);
  for (var k = 0; k < n; k++) assert.strictEqual(buf[k], expect[k], 'byte ' + k + ' t=' + t);
  for (var k = n; k < cap; k++) assert.strictEqual(buf[k], 0xAB, 'untouched ' + k + ' t=' + t + ' cap=' + cap);
  var b2 = new Buffer(s, 'utf8');
  assert.strictEqual(b2.length, expect.length);
  for (var k = 0; k < expect.length; k++) assert.strictEqual(b2[k], expect[k]);
}

