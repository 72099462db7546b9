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


// Surrogates at the edges the encoder works in: groups of 8 units (its SIMD step), the 4096-unit
// chunks it copies the string out in, and the string's end; and every mix of 1-, 2- and 3-byte
// characters inside one group of 8.
var fillers = ['a', '\u00e9', '\u20ac'];
[7, 8, 9, 15, 16, 4094, 4095, 4096, 4097, 8191, 8192].forEach(function(at) {
  fillers.forEach(function(filler) {
    var head = new Array(at + 1).join(filler);
    ['\ud83d\ude00', '\ud83d', '\ude00', '\ude00\ud83d', '\ud83d\ud83d\ude00'].forEach(function(tail) {
      [head + tail, head + tail + 'xyz\u00e9\u20ac' + head].forEach(function(str) {
        var want = ref(str);
        var got = new Buffer(str, 'utf8');
        assert.strictEqual(got.length, want.length, 'length at ' + at);
        for (var k = 0; k < want.length; k++) assert.strictEqual(got[k], want[k], 'at ' + at);
        var room = new Buffer(want.length + 40);
        assert.strictEqual(room.write(str, 0, 'utf8'), want.length);
        assert.strictEqual(Buffer._charsWritten, str.length);
      });
    });
  });
});
for (var mix = 0; mix < 6561; mix += 7) {  // 3^8 patterns of 8 characters, sampled
  var str = '', m = mix;
  for (var j = 0; j < 8; j++, m = Math.floor(m / 3)) str += fillers[m % 3];
  str = str + str + '\ud83d\ude00' + str;
  var want = ref(str);
  var got = new Buffer(str, 'utf8');
  assert.strictEqual(got.length, want.length);
  for (var k = 0; k < want.length; k++) assert.strictEqual(got[k], want[k], 'mix ' + mix);
}
