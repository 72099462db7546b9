// The text codecs behind Buffer (UTF-8, base64, hex, UCS-2, latin1/ascii), free of V8 so that
// they can be tested byte for byte and used by code that has no isolate (the debugger).
//
// Every function here works on plain memory and never writes past the room it is given; the
// writers also never store a byte past the count they return (v0.6's Buffer.write left the rest
// of the buffer alone, and so must we; issue 14, item 4). The SIMD paths store whole vectors, so
// each one either keeps its stores inside the bytes it reports or puts back what it overwrote.
//
// Dispatch: the fast paths are picked at run time from what the CPU supports (SSE2, which every
// x86-64 has, SSE4.1 and AVX2). The test build can cap the level (internal.h), so that every path
// the machine supports runs against the same reference.
#ifndef NODUS_RUNTIME_CORE_ENCODING_ENCODING_H_
#define NODUS_RUNTIME_CORE_ENCODING_ENCODING_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace nodus {
namespace encoding {

// ---- Dispatch ----------------------------------------------------------------------------------

// Each level includes the ones before it.
enum class Level : int { kScalar = 0, kSse2 = 1, kSse41 = 2, kAvx2 = 3 };

const char* LevelName(Level level);
// The best level this CPU (and this build) supports, found once at start-up; the codecs use it.
Level MaxLevel();

// ---- UTF-8 -------------------------------------------------------------------------------------
// Encoding follows V8's String::WriteUtf8 with REPLACE_INVALID_UTF8: only whole characters are
// written, and a lone surrogate becomes U+FFFD (3 bytes).

// Encodes units[0, count) into out[0, capacity), stopping before a character that does not fit.
// Returns the bytes written; *consumed is the units encoded. A lead surrogate as the last unit is
// encoded as U+FFFD only if `last_chunk`; otherwise it is left unconsumed (its trail may come in
// the caller's next chunk).
size_t EncodeUtf16Chunk(const uint16_t* units, size_t count, bool last_chunk, uint8_t* out,
                        size_t capacity, size_t* consumed);

// Latin-1 bytes in[0, count) to UTF-8 into out[0, capacity) (not in place); same stopping rule.
size_t EncodeLatin1Chunk(const uint8_t* in, size_t count, uint8_t* out, size_t capacity,
                         size_t* consumed);

// The index of the first byte >= 0x80 in data[0, length), or length.
size_t FirstNonAscii(const uint8_t* data, size_t length);

// Whole texts that are read a chunk at a time (a V8 string is copied out with String::Write):
// `read(start, count, into)` copies characters [start, start + count) of the text into `into`.
// The UTF-8 of the text goes into out[0, capacity), stopping before a character that does not
// fit; *consumed is the characters encoded, and nothing past the bytes returned is changed. The
// result is the same as one EncodeUtf16Chunk over the whole text, whatever kChunk is: a surrogate
// pair that a chunk edge splits is carried over to the next chunk.

// Two-byte (UTF-16) text; read takes a uint16_t*.
template <size_t kChunk = 4096, typename Read>
size_t EncodeUtf16Text(size_t length, const Read& read, uint8_t* out, size_t capacity,
                       size_t* consumed) {
  static_assert(kChunk >= 2, "a chunk must hold a surrogate pair");
  uint16_t chunk[kChunk];
  size_t pos = 0;
  size_t written = 0;
  while (pos < length && written < capacity) {
    size_t count = length - pos < kChunk ? length - pos : kChunk;
    read(pos, count, chunk);
    bool last = pos + count == length;
    size_t taken;
    written += EncodeUtf16Chunk(chunk, count, last, out + written, capacity - written, &taken);
    pos += taken;
    // Short of the chunk's end: full, unless only a lead surrogate whose trail is in the next
    // chunk was left.
    if (taken < count && (last || taken + 1 < count)) break;
    if (taken == 0) break;  // not even the first character fit
  }
  *consumed = pos;
  return written;
}

// One-byte (Latin-1) text; read takes a uint8_t*. The text is first copied straight into out,
// since for ASCII that is the UTF-8; only from the first other character on is it encoded.
template <size_t kChunk = 4096, typename Read>
size_t EncodeLatin1Text(size_t length, const Read& read, uint8_t* out, size_t capacity,
                        size_t* consumed) {
  size_t direct = length < capacity ? length : capacity;
  // The encoding overwrites the copy from its first non-ASCII byte on. The output ends at the
  // text's end (at least `direct` bytes) or at least at capacity - 1 (at most a 2-byte character
  // is refused), so the copy's last byte is the only one that may be left past the output: it
  // is put back as it was.
  uint8_t last_byte = direct > 0 ? out[direct - 1] : 0;
  if (direct > 0) read(0, direct, out);
  size_t pos = FirstNonAscii(out, direct);
  size_t written = pos;
  uint8_t chunk[kChunk];
  while (pos < length && written < capacity) {
    size_t count = length - pos < kChunk ? length - pos : kChunk;
    read(pos, count, chunk);
    size_t taken;
    written += EncodeLatin1Chunk(chunk, count, out + written, capacity - written, &taken);
    pos += taken;
    if (taken < count) break;
  }
  if (written < direct) out[direct - 1] = last_byte;
  *consumed = pos;
  return written;
}

// UTF-8 bytes of units[0, count), lone surrogates counted as U+FFFD.
size_t Utf8LengthOfUtf16(const uint16_t* units, size_t count);

// Decodes data[0, length) into out (room for `length` units) if it is well-formed UTF-8 (no
// overlong forms, no surrogates, nothing above U+10FFFF). Returns the UTF-16 units stored, or
// nullopt at the first malformed sequence, whose offset goes to *error_at if that is given.
// *max_unit is the OR of the units stored (below 0x100: the text fits Latin-1; 0 for ASCII).
std::optional<size_t> DecodeUtf8Strict(const uint8_t* data, size_t length, uint16_t* out,
                                       uint32_t* max_unit, size_t* error_at = nullptr);

// Whether data[0, length) is well-formed UTF-8, by DecodeUtf8Strict's rules, without decoding it
// (a WebSocket text frame must be). If not, the offset of the first malformed sequence goes to
// *error_at if that is given.
bool IsValidUtf8(const uint8_t* data, size_t length, size_t* error_at = nullptr);
inline bool IsValidUtf8(std::string_view text, size_t* error_at = nullptr) {
  return IsValidUtf8(reinterpret_cast<const uint8_t*>(text.data()), text.size(), error_at);
}

// Lenient decoding: each malformed sequence (as WHATWG's decoder splits them) becomes U+FFFD.
std::u16string Utf8ToUtf16(std::string_view text);

// Appends code point `cp` (< 0x110000) as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out);
// UTF-16 (lone surrogates become U+FFFD) and Latin-1 to a UTF-8 string.
std::string Utf16ToUtf8(const uint16_t* units, size_t count);
std::string Latin1ToUtf8(const uint8_t* bytes, size_t count);

// ---- Base64 ------------------------------------------------------------------------------------

// The length of the base64 of `bytes` bytes, padding included.
constexpr size_t Base64EncodedLength(size_t bytes) { return (bytes + 2) / 3 * 4; }
// The bytes that `digits` base64 digits hold.
constexpr size_t Base64BytesOfDigits(size_t digits) {
  return digits / 4 * 3 + (digits % 4) * 3 / 4;
}

// Writes the standard-alphabet base64 of data[0, length), with padding, to
// out[0, Base64EncodedLength(length)).
void Base64Encode(const uint8_t* data, size_t length, uint8_t* out);

// Lenient decoding, as v0.6's: characters outside both alphabets (standard and URL-safe) are
// skipped, padding is optional, and the first '=' ends the data. The text may come in pieces
// (of one-byte or two-byte characters); bytes go into dest[0, capacity) and, once that is full,
// the rest is only counted. Never stores past written().
class Base64Decoder {
 public:
  Base64Decoder(uint8_t* dest, size_t capacity) : dest_(dest), capacity_(capacity) {}
  void Feed(const uint8_t* chars, size_t length);
  void Feed(const uint16_t* chars, size_t length);
  // Saw the '=' that ends the data: more pieces change nothing.
  bool ended() const { return ended_; }
  // Bytes stored in dest.
  size_t written() const { return written_; }
  // Bytes the whole text holds (more than written() if dest ran out of room).
  size_t total() const { return full_ ? Base64BytesOfDigits(digits_) : written_; }

 private:
  template <typename Char>
  void FeedImpl(const Char* chars, size_t length);

  uint8_t* dest_;
  size_t capacity_;
  size_t written_ = 0;
  size_t digits_ = 0;  // digits seen, stored or (once full) only counted
  uint32_t accumulator_ = 0;
  int bits_ = 0;
  bool full_ = false;
  bool ended_ = false;
};

// ---- Hex ---------------------------------------------------------------------------------------

// Writes the lower-case hex of data[0, length) to out[0, 2 * length).
void HexEncode(const uint8_t* data, size_t length, uint8_t* out);
// Decodes whole pairs of hex digits from chars[0, 2 * pairs) into dest[0, pairs) up to the first
// pair that is not two hex digits; returns the bytes stored.
size_t HexDecode(const uint8_t* chars, size_t pairs, uint8_t* dest);
size_t HexDecode(const uint16_t* chars, size_t pairs, uint8_t* dest);

// ---- UCS-2 and one-byte ------------------------------------------------------------------------

// units[0, count) as UTF-16LE bytes into out[0, 2 * count) (out need not be aligned).
void Ucs2Encode(const uint16_t* units, size_t count, uint8_t* out);
// UTF-16LE bytes in[0, 2 * count) into units[0, count).
void Ucs2Decode(const uint8_t* in, size_t count, uint16_t* units);
// 'ascii' strings: each byte with its high bit cleared, in[0, count) to out (may be in place).
void StripHighBit(const uint8_t* in, size_t count, uint8_t* out);

}  // namespace encoding
}  // namespace nodus

#endif  // NODUS_RUNTIME_CORE_ENCODING_ENCODING_H_
