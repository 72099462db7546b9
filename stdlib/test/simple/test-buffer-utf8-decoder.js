// The native UTF-8 decoder (buffer.cc Utf8Slice): random text of ASCII runs and 2-, 3- and 4-byte
// characters round-trips, and slices cut anywhere (malformed edges) decode as toString on a slice.
var assert = require('assert');
var seed = 7;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }
var pieces = ['a', 'Z', '~', '\u00e9', '\u07ff', '\u0800', '\u20ac', '\uffff', '\ud83d\ude00', '\udbff\udfff'];
for (var t = 0; t < 3000; t++) {
  var s = '';
  var len = rnd(t < 2000 ? 70 : 3000);
  for (var i = 0; i < len; i++) s += rnd(3) ? String.fromCharCode(32 + rnd(90)) : pieces[rnd(pieces.length)];
  var b = new Buffer(s, 'utf8');
  assert.strictEqual(b.toString('utf8'), s, 't=' + t);
  var start = rnd(b.length + 1), end = start + rnd(b.length - start + 1);
  var sub = b.slice(start, end).toString('utf8');
  assert.strictEqual(b.toString('utf8', start, end), sub);
}
