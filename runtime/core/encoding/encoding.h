// The text codecs behind Buffer (UTF-8, base64, hex, UCS-2, latin1/ascii), free of V8 so that
// they can be tested byte for byte and used by code that has no isolate (the debugger).
//
// Every function here works on plain memory and never writes past the room it is given; the
// writers also never store a byte past the count they return (v0.6's Buffer.write left the rest
// of the buffer alone, and so must we; issue 14, item 4). The SIMD paths store whole vectors, so
// each one either keeps its stores inside the bytes it reports or puts back what it overwrote.
//
// Dispatch: the fast paths are picked at run time from what the CPU supports (SSE2, which every
// x86-64 has, SSE4.1 and AVX2). SetLevel() caps the level, so a test can run every path the
// machine supports against the same reference; normal code never calls it.
#ifndef NODUS_RUNTIME_CORE_ENCODING_ENCODING_H_
#define NODUS_RUNTIME_CORE_ENCODING_ENCODING_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace nodus {
namespace encoding {

// ---- Dispatch ----------------------------------------------------------------------------------

// Each level includes the ones before it.
enum class Level : int { kScalar = 0, kSse2 = 1, kSse41 = 2, kAvx2 = 3 };

const char* LevelName(Level level);
// The best level this CPU (and this build) supports.
Level MaxLevel();
// The level the codecs use now: MaxLevel() unless capped by SetLevel().
Level CurrentLevel();
// Caps the level (clamped to MaxLevel()); returns the previous one. Not for concurrent use with
// running codecs: tests call it between cases.
Level SetLevel(Level level);

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

// UTF-8 bytes of units[0, count), lone surrogates counted as U+FFFD.
size_t Utf8LengthOfUtf16(const uint16_t* units, size_t count);

// Decodes data[0, length) into out (room for `length` units) if it is well-formed UTF-8 (no
// overlong forms, no surrogates, nothing above U+10FFFF). Returns the UTF-16 units stored, or
// InvalidArgument naming the offset of the first malformed sequence. *max_unit is the OR of the
// units stored (below 0x100: the text fits Latin-1; 0 for ASCII).
absl::StatusOr<size_t> DecodeUtf8Strict(const uint8_t* data, size_t length, uint16_t* out,
                                        uint32_t* max_unit);

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
// Strict form for callers that want an error: the whole text, even length, hex digits only.
absl::StatusOr<std::string> HexDecodeStrict(std::string_view text);

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
