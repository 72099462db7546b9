// Fuzzes the Buffer codecs (process.binding('buffer') through stdlib/lib/buffer.js): decoding
// bytes to strings and encoding strings to bytes in utf8, ucs2, ascii, binary, base64 and hex.
//
// Input: byte 0 picks the offset/length of the partial write, the rest is used both as bytes to
// decode and (read as Latin-1 and as UTF-8) as strings to encode. Checks:
// - bytes -> string -> bytes is exact for hex, base64, binary and (even lengths) ucs2; utf8 is
//   exact when the bytes are UTF-8, and a decoded string always encodes back to itself;
// - a write of any string in any encoding at any offset and length returns a count within the
//   room given, writes exactly the first `count` bytes of that string's full encoding there, and
//   leaves every other byte of the buffer alone (issue 14, item 4);
// - only TypeError and RangeError are thrown, and only for documented reasons.
#include <cstddef>
#include <cstdint>

#include "runtime/fuzz/js_harness.h"

namespace {

const char kFactory[] = R"JS(
(function (require, process, check, feature) {
  var Buffer = require('buffer').Buffer;
  var encodings = ['utf8', 'ucs2', 'ascii', 'binary', 'base64', 'hex'];

  function same(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function show(b) { return Array.prototype.slice.call(b, 0, 64).join(','); }

  function roundTrips(bytes) {
    var buf = new Buffer(bytes.length);
    for (var i = 0; i < bytes.length; i++) buf[i] = bytes[i];
    encodings.forEach(function (enc) {
      var s = buf.toString(enc);
      check(typeof s === 'string', enc + ' decodes to a string');
      var back = new Buffer(s, enc);
      var exact = enc === 'hex' || enc === 'base64' || enc === 'binary' ||
                  (enc === 'ucs2' && buf.length % 2 === 0);
      if (exact) check(same(back, buf), enc + ' round trip: ' + show(buf) + ' -> ' + show(back));
      if (enc === 'ucs2') check(back.length === buf.length - buf.length % 2, 'ucs2 length');
      if (enc === 'ascii') check(s.length === buf.length, 'ascii length');
      if (enc === 'utf8') {
        if (s.indexOf('\ufffd') === -1) check(same(back, buf), 'utf8 round trip: ' + show(buf));
        check(back.toString('utf8') === s, 'a decoded string encodes back to itself');
        check(Buffer.byteLength(s, 'utf8') === back.length, 'utf8 byteLength');
      }
      // Slices decode like copies.
      if (buf.length > 2) {
        check(buf.toString(enc, 1, buf.length - 1) === buf.slice(1, buf.length - 1).toString(enc),
              enc + ' toString(start, end) equals slice().toString()');
      }
    });
  }

  function writes(str, pick) {
    encodings.forEach(function (enc, k) {
      var full;
      try {
        full = new Buffer(str, enc);
      } catch (e) {
        check(e instanceof TypeError || e instanceof RangeError, enc + ' threw ' + e);
        return;
      }
      if (enc === 'ucs2') check(full.length === str.length * 2, 'ucs2 length');
      if (enc === 'binary' || enc === 'ascii') check(full.length === str.length, enc + ' length');
      if (enc !== 'base64' && enc !== 'hex') {
        check(Buffer.byteLength(str, enc) === full.length, enc + ' byteLength');
      }
      var size = 1 + ((pick * 7 + k) % 40);
      var offset = (pick + k) % size;
      var room = size - offset;
      var length = (pick >> 3) % (room + 2);  // sometimes more than the room
      var target = new Buffer(size);
      target.fill(0xa5);
      var written = target.write(str, offset, length, enc);
      check(written >= 0 && written <= Math.min(length, room) && written <= full.length,
            enc + ' write returned ' + written + ' for length ' + length + ', room ' + room);
      check(Buffer._charsWritten >= 0 && Buffer._charsWritten <= str.length, 'charsWritten');
      for (var i = 0; i < size; i++) {
        if (i >= offset && i < offset + written) {
          check(target[i] === full[i - offset], enc + ' write stored byte ' + (i - offset) +
                ' as ' + target[i] + ', the encoding has ' + full[i - offset]);
        } else {
          check(target[i] === 0xa5, enc + ' write of ' + written + ' bytes at ' + offset +
                ' changed byte ' + i + ' (length ' + length + ', buffer ' + size + ')');
        }
      }
    });
  }

  return function (input) {
    if (input.length < 1) return;
    var pick = input[0];
    var bytes = input.subarray(1);
    roundTrips(bytes);
    var latin1 = String.fromCharCode.apply(null, bytes);
    var buf = new Buffer(bytes.length);
    for (var i = 0; i < bytes.length; i++) buf[i] = bytes[i];
    writes(latin1, pick);
    writes(buf.toString('utf8'), pick);
    writes(buf.toString('ucs2'), pick);  // any UTF-16, lone surrogates included
  };
})
)JS";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  nodus::fuzz::RunInput(kFactory, data, size);
  return 0;
}
