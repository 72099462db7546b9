// Buffer.prototype.write stores exactly the bytes it reports: the bytes after the written
// range (inside the window it was given and beyond it) keep their old values, for every
// encoding, over many string sizes, offsets and lengths (the native encoders work in SIMD groups
// of 8 to 32 bytes, so sizes around those and the chunk sizes are covered).
require('../common');
var assert = require('assert');

var FILL = 0x2e;  // '.'

var seed = 7;
function rnd(n) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; }

var pieces = {
  utf8: ['a', 'b', '\u0101', '\u00e9', '\u20ac', '\ud83d\ude00', '\u07ff', '\ud800'],
  ucs2: ['a', '\u0101', '\u20ac'],
  ascii: ['a', 'z', '\u00e9'],
  binary: ['a', '\u00ff', '\u0101'],
  hex: null,
  base64: null
};

function makeString(encoding, n, kind) {
  var s = '';
  if (encoding === 'hex') {
    for (var i = 0; i < n; i++) s += '0123456789abcdef'[rnd(16)];
    return s;
  }
  if (encoding === 'base64') {
    var bytes = new Buffer(n);
    for (var j = 0; j < n; j++) bytes[j] = rnd(256);
    return bytes.toString('base64');
  }
  var p = pieces[encoding];
  for (var k = 0; k < n; k++) {
    // kind 0: all the first piece (ASCII); 1: ASCII with one other character at the end;
    // 2: random mix.
    if (kind === 0) s += p[0];
    else if (kind === 1) s += k === n - 1 ? p[1 + rnd(p.length - 1)] : p[0];
    else s += p[rnd(p.length)];
  }
  return s;
}

function check(encoding, string, size, offset, length) {
  var buf = new Buffer(size);
  buf.fill(FILL);
  var written = length === undefined ? buf.write(string, offset, encoding)
                                     : buf.write(string, offset, length, encoding);
  var limit = length === undefined ? size - offset : Math.min(length, size - offset);
  assert.ok(written >= 0 && written <= limit,
            encoding + ': wrote ' + written + ' with room for ' + limit);
  // The bytes written are the encoding's bytes.
  var expected = new Buffer(string, encoding);
  for (var i = 0; i < written; i++) {
    if (buf[offset + i] !== expected[i]) {
      assert.fail(buf[offset + i], expected[i], encoding + ' byte ' + i + ' of ' +
                  JSON.stringify(string.slice(0, 40)) + ' size ' + size + ' offset ' + offset);
    }
  }
  for (var b = 0; b < size; b++) {
    if (b >= offset && b < offset + written) continue;
    if (buf[b] !== FILL) {
      assert.fail(buf[b], FILL, encoding + ': byte ' + b + ' outside the ' + written +
                  ' written at ' + offset + ' was changed (string length ' + string.length +
                  ', buffer ' + size + ', length ' + length + ')');
    }
  }
}

// The case from the issue.
(function() {
  var b = new Buffer(40);
  b.fill(FILL);
  assert.strictEqual(b.write('abcdefg\u0101'), 9);
  for (var i = 9; i < 40; i++) assert.strictEqual(b[i], FILL, 'byte ' + i);
})();

var sizes = [];
for (var n = 0; n <= 72; n++) sizes.push(n);
sizes.push(95, 96, 97, 127, 128, 129, 200, 255, 256, 257, 1000, 4095, 4096, 4097, 9000);

Object.keys(pieces).forEach(function(encoding) {
  sizes.forEach(function(n) {
    for (var kind = 0; kind < 3; kind++) {
      var string = makeString(encoding, n, kind);
      if (string.length === 0) continue;
      var full = Buffer.byteLength(string, encoding);
      var offsets = [0, 1, 3, 7, 13];
      offsets.forEach(function(offset) {
        // Plenty of room, a little slack, exactly enough, and too little.
        var rooms = [full + 64, full + 33, full + 9, full + 1, full];
        if (full > 1) rooms.push(full - 1, full >> 1);
        rooms.forEach(function(room) {
          if (room <= 0) return;
          check(encoding, string, offset + room, offset);
          check(encoding, string, offset + room + 40, offset, room);
        });
      });
      if (encoding === 'base64' || encoding === 'hex') break;  // one kind only
    }
  });
});

// base64 with padding, whitespace and URL-safe digits in it: the scalar decoder takes over
// after a vector block.
(function() {
  for (var n = 20; n < 120; n++) {
    var bytes = new Buffer(n);
    for (var j = 0; j < n; j++) bytes[j] = rnd(256);
    var s = bytes.toString('base64');
    var variants = [s, s + '\n' + s, s.replace(/=+$/, '') + '====junk',
                    s.slice(0, 36) + ' ' + s.slice(36), s.replace(/\+/g, '-').replace(/\//g, '_')];
    variants.forEach(function(v) {
      var size = 3 * v.length + 64;
      var buf = new Buffer(size);
      buf.fill(FILL);
      var written = buf.write(v, 5, 'base64');
      for (var b = 0; b < size; b++) {
        if (b >= 5 && b < 5 + written) continue;
        assert.strictEqual(buf[b], FILL, 'base64 variant: byte ' + b + ' changed, wrote ' +
                           written + ' of ' + JSON.stringify(v));
      }
    });
  }
})();

// Big base64 writes (the decoder streams outputs of 512 KB and more), ending at every
// alignment: the bytes after the data are untouched.
(function() {
  var data = new Buffer(600 * 1024 + 37);
  for (var j = 0; j < data.length; j++) data[j] = (j * 31 + 7) & 0xff;
  [0, 1, 5, 8, 13, 31].forEach(function(offset) {
    [0, 1, 2, 24, 25, 47].forEach(function(cut) {
      var s = data.slice(0, data.length - cut).toString('base64');
      var size = offset + data.length + 64;
      var buf = new Buffer(size);
      buf.fill(FILL);
      var written = buf.write(s, offset, 'base64');
      assert.strictEqual(written, data.length - cut);
      for (var b = 0; b < size; b++) {
        if (b >= offset && b < offset + written) continue;
        assert.strictEqual(buf[b], FILL, 'big base64: byte ' + b + ' changed');
      }
      for (var k = 0; k < written; k += 4099) assert.strictEqual(buf[offset + k], data[k]);
    });
  });
})();
