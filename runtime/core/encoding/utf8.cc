// UTF-8 (encoding.h): UTF-16 and Latin-1 to UTF-8 for Buffer writes, strict UTF-8 to UTF-16 for
// Buffer toString, and the small conversions the debugger needs.
//
// V8 10.2's String::WriteUtf8 walks a string a character at a time; the encoder here converts
// runs of ASCII 8 characters at a time (SSE2) and, with SSE4.1, whole groups of 8 units of up to
// 3 bytes each. Semantics are WriteUtf8's with REPLACE_INVALID_UTF8.
#include <cstdint>
#include <cstring>
#include <optional>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "runtime/core/encoding/encoding.h"
#include "runtime/core/encoding/internal.h"

namespace nodus {
namespace encoding {
namespace {

// DecodeUtf8Strict's result for a malformed sequence at `offset`.
inline std::optional<size_t> Malformed(size_t offset, size_t* error_at) {
  if (error_at != nullptr) *error_at = offset;
  return std::nullopt;
}

inline bool IsLeadSurrogate(uint16_t c) { return (c & 0xFC00) == 0xD800; }
inline bool IsTrailSurrogate(uint16_t c) { return (c & 0xFC00) == 0xDC00; }

// One character of UTF-16: the code point (U+FFFD for a lone surrogate), the units it takes and
// the bytes of its UTF-8. `pending` is set for a lead surrogate that is the last unit available,
// whose trail may still come (the code point is then U+FFFD, should no more come).
struct Utf16Char {
  uint32_t code_point;
  size_t units;
  size_t bytes;
  bool pending;
};

inline Utf16Char NextUtf16Char(const uint16_t* units, size_t i, size_t count) {
  uint32_t c = units[i];
  if (c < 0x80) return {c, 1, 1, false};
  if (c < 0x800) return {c, 1, 2, false};
  if ((c & 0xF800) != 0xD800) return {c, 1, 3, false};
  if (IsLeadSurrogate(static_cast<uint16_t>(c))) {
    if (i + 1 == count) return {0xFFFD, 1, 3, true};
    if (IsTrailSurrogate(units[i + 1])) {
      return {0x10000 + ((c - 0xD800) << 10) + (units[i + 1] - 0xDC00u), 2, 4, false};
    }
  }
  return {0xFFFD, 1, 3, false};
}

// Writes ch's UTF-8 (ch.bytes of them) at out.
inline void PutUtf8(const Utf16Char& ch, uint8_t* out) {
  uint32_t cp = ch.code_point;
  switch (ch.bytes) {
    case 1:
      out[0] = static_cast<uint8_t>(cp);
      break;
    case 2:
      out[0] = static_cast<uint8_t>(0xC0 | (cp >> 6));
      out[1] = static_cast<uint8_t>(0x80 | (cp & 0x3F));
      break;
    case 3:
      out[0] = static_cast<uint8_t>(0xE0 | (cp >> 12));
      out[1] = static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F));
      out[2] = static_cast<uint8_t>(0x80 | (cp & 0x3F));
      break;
    default:
      out[0] = static_cast<uint8_t>(0xF0 | (cp >> 18));
      out[1] = static_cast<uint8_t>(0x80 | ((cp >> 12) & 0x3F));
      out[2] = static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F));
      out[3] = static_cast<uint8_t>(0x80 | (cp & 0x3F));
  }
}

#if defined(__x86_64__)
// pshufb patterns that squeeze 8 units' UTF-8 out of their 16-bit lanes (1- and 2-byte forms),
// indexed by the mask of ASCII units (bit i: unit i is ASCII and keeps only its low byte); and
// out of 4 units' 32-bit lanes (1-, 2- and 3-byte forms), indexed by (units >= 0x80) | (units >=
// 0x800) << 4. length[] is the bytes each pattern keeps.
struct Utf8PackTables {
  uint8_t two[256][16];
  uint8_t two_length[256];
  uint8_t three[256][16];
  uint8_t three_length[256];
  constexpr Utf8PackTables() : two(), two_length(), three(), three_length() {
    for (int mask = 0; mask < 256; mask++) {
      int n = 0;
      for (int i = 0; i < 8; i++) {
        two[mask][n++] = static_cast<uint8_t>(2 * i);
        if (((mask >> i) & 1) == 0) two[mask][n++] = static_cast<uint8_t>(2 * i + 1);
      }
      two_length[mask] = static_cast<uint8_t>(n);
      for (int k = n; k < 16; k++) two[mask][k] = 0x80;
      // (Masks with a unit >= 0x800 but not >= 0x80 never occur; their entries go unused.)
      n = 0;
      for (int i = 0; i < 4; i++) {
        bool wide = ((mask >> i) & 1) != 0, wider = ((mask >> (i + 4)) & 1) != 0;
        int bytes = 1 + (wide ? 1 : 0) + (wider ? 1 : 0);
        for (int b = 0; b < bytes; b++) three[mask][n++] = static_cast<uint8_t>(4 * i + b);
      }
      three_length[mask] = static_cast<uint8_t>(n);
      for (int k = n; k < 16; k++) three[mask][k] = 0x80;
    }
  }
};
constexpr Utf8PackTables kUtf8Pack;

// UTF-8 of 4 units (no surrogates), zero-extended in the 32-bit lanes of `u`, into out; returns
// the bytes written (up to 12; 16 are stored).
__attribute__((target("sse4.1"))) inline size_t EncodeUtf8Quad(__m128i u, uint8_t* out) {
  __m128i wide = _mm_cmpgt_epi32(u, _mm_set1_epi32(0x7F));
  __m128i wider = _mm_cmpgt_epi32(u, _mm_set1_epi32(0x7FF));
  const __m128i six = _mm_set1_epi32(0x3F);
  __m128i low6 = _mm_or_si128(_mm_and_si128(u, six), _mm_set1_epi32(0x80));
  __m128i mid6 = _mm_or_si128(_mm_and_si128(_mm_srli_epi32(u, 6), six), _mm_set1_epi32(0x80));
  // Two bytes: lead 0xC0 | u >> 6, then low6. Three: 0xE0 | u >> 12, mid6, low6.
  __m128i two = _mm_or_si128(_mm_or_si128(_mm_srli_epi32(u, 6), _mm_set1_epi32(0xC0)),
                             _mm_slli_epi32(low6, 8));
  __m128i three = _mm_or_si128(
      _mm_or_si128(_mm_srli_epi32(u, 12), _mm_set1_epi32(0xE0)),
      _mm_or_si128(_mm_slli_epi32(mid6, 8), _mm_slli_epi32(low6, 16)));
  __m128i lanes = _mm_blendv_epi8(_mm_blendv_epi8(u, two, wide), three, wider);
  int index = _mm_movemask_ps(_mm_castsi128_ps(wide)) |
              (_mm_movemask_ps(_mm_castsi128_ps(wider)) << 4);
  __m128i pattern = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kUtf8Pack.three[index]));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_shuffle_epi8(lanes, pattern));
  return kUtf8Pack.three_length[index];
}

// Encodes 8 units at a time from units[*i, count) while at least 32 bytes of room remain:
// groups without surrogates in SIMD, the others a unit at a time. A SIMD store writes 16 bytes
// of which the group keeps 4 to 16, so it may put junk in up to 12 bytes past the group's
// output. Only bytes that later output overwrites may get junk: a group is encoded here only if
// at least kUtf8SimdTailUnits units follow it in the chunk (each is at least one byte, and the
// caller encodes every unit of a chunk unless the room runs out, which with 32 bytes of room
// here cannot happen within the next 16 bytes). The string's last units go the scalar way.
constexpr size_t kUtf8SimdTailUnits = 16;

__attribute__((target("sse4.1"))) void EncodeUtf16Sse41(const uint16_t* units, size_t count,
                                                        size_t* i_io, uint8_t* out,
                                                        size_t capacity, size_t* o_io) {
  size_t i = *i_io;
  size_t o = *o_io;
  const __m128i zero = _mm_setzero_si128();
  while (count - i >= 8 + kUtf8SimdTailUnits && capacity - o >= 32) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(units + i));
    // All ASCII: pack to bytes.
    if (_mm_testz_si128(v, _mm_set1_epi16(static_cast<short>(0xFF80)))) {
      _mm_storel_epi64(reinterpret_cast<__m128i*>(out + o), _mm_packus_epi16(v, v));
      i += 8;
      o += 8;
      continue;
    }
    // All below 0x800: 1 or 2 bytes each, squeezed out of the 16-bit lanes.
    if (_mm_testz_si128(v, _mm_set1_epi16(static_cast<short>(0xF800)))) {
      __m128i ascii = _mm_cmplt_epi16(v, _mm_set1_epi16(0x80));
      __m128i lead = _mm_or_si128(_mm_srli_epi16(v, 6), _mm_set1_epi16(0xC0));
      __m128i trail = _mm_or_si128(_mm_and_si128(v, _mm_set1_epi16(0x3F)), _mm_set1_epi16(0x80));
      __m128i two = _mm_or_si128(lead, _mm_slli_epi16(trail, 8));
      __m128i lanes = _mm_blendv_epi8(two, v, ascii);
      int mask = _mm_movemask_epi8(_mm_packs_epi16(ascii, zero)) & 0xFF;
      __m128i pattern = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kUtf8Pack.two[mask]));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + o), _mm_shuffle_epi8(lanes, pattern));
      o += kUtf8Pack.two_length[mask];
      i += 8;
      continue;
    }
    // No surrogates: 1 to 3 bytes each, 4 units at a time in 32-bit lanes.
    __m128i surrogate = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16(static_cast<short>(0xF800))),
                                        _mm_set1_epi16(static_cast<short>(0xD800)));
    if (_mm_testz_si128(surrogate, surrogate)) {
      o += EncodeUtf8Quad(_mm_unpacklo_epi16(v, zero), out + o);
      o += EncodeUtf8Quad(_mm_unpackhi_epi16(v, zero), out + o);
      i += 8;
      continue;
    }
    // Surrogates: these 8 units one at a time (a pair may take a ninth). At most 25 bytes, and
    // there are 32 of room. A lead surrogate with nothing after it in this chunk is left to the
    // caller, which knows whether the string ends there.
    size_t end = i + 8;
    while (i < end) {
      Utf16Char ch = NextUtf16Char(units, i, count);
      if (ch.pending) {
        *i_io = i;
        *o_io = o;
        return;
      }
      PutUtf8(ch, out + o);
      o += ch.bytes;
      i += ch.units;
    }
  }
  *i_io = i;
  *o_io = o;
}
#endif

}  // namespace

size_t EncodeUtf16Chunk(const uint16_t* units, size_t count, bool last_chunk, uint8_t* out,
                        size_t capacity, size_t* consumed) {
  const int level = internal::Now();
  const bool sse41 = internal::Allows(level, Level::kSse41);
  const bool sse2 = internal::Allows(level, Level::kSse2);
  (void)sse41;
  (void)sse2;
  size_t i = 0;
  size_t o = 0;
  while (i < count) {
#if defined(__x86_64__)
    // It returns only with fewer than 8 + kUtf8SimdTailUnits units or 32 bytes of room left
    // (or one lead surrogate that ends the chunk), so this runs it once; the rest goes below.
    if (sse41 && count - i >= 8 + kUtf8SimdTailUnits && capacity - o >= 32) {
      EncodeUtf16Sse41(units, count, &i, out, capacity, &o);
      internal::CountPath(internal::Path::kUtf16Sse41);
      if (i >= count) break;
    }
#endif
#if defined(__SSE2__)
    if (sse2 && i + 8 <= count && o + 8 <= capacity) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(units + i));
      __m128i high = _mm_and_si128(v, _mm_set1_epi16(static_cast<short>(0xFF80)));
      int mask = _mm_movemask_epi8(_mm_cmpeq_epi16(high, _mm_setzero_si128()));
      if (mask == 0xFFFF) {
        _mm_storel_epi64(reinterpret_cast<__m128i*>(out + o), _mm_packus_epi16(v, v));
        internal::CountPath(internal::Path::kUtf16AsciiSse2);
        i += 8;
        o += 8;
        continue;
      }
      // The ASCII units before the first other one, in one step (they fit: o + 8 <= capacity).
      int ascii = __builtin_ctz(static_cast<unsigned>(~mask & 0xFFFF)) >> 1;
      for (int k = 0; k < ascii; k++) out[o + k] = static_cast<uint8_t>(units[i + k]);
      i += ascii;
      o += ascii;
    }
#endif
    Utf16Char ch = NextUtf16Char(units, i, count);
    if (ch.pending && !last_chunk) break;  // the trail may be in the next chunk
    if (o + ch.bytes > capacity) break;
    PutUtf8(ch, out + o);
    o += ch.bytes;
    i += ch.units;
  }
  *consumed = i;
  return o;
}

size_t EncodeLatin1Chunk(const uint8_t* in, size_t count, uint8_t* out, size_t capacity,
                         size_t* consumed) {
  size_t i = 0;
  size_t o = 0;
  while (i < count) {
    uint8_t c = in[i];
    if (c < 0x80) {
      if (o + 1 > capacity) break;
      out[o++] = c;
    } else {
      if (o + 2 > capacity) break;
      out[o++] = static_cast<uint8_t>(0xC0 | (c >> 6));
      out[o++] = static_cast<uint8_t>(0x80 | (c & 0x3F));
    }
    i++;
  }
  *consumed = i;
  return o;
}


size_t FirstNonAscii(const uint8_t* data, size_t length) {
  size_t i = 0;
#if defined(__SSE2__)
  if (internal::Allows(internal::Now(), Level::kSse2)) {
    for (; i + 16 <= length; i += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      if (_mm_movemask_epi8(v) != 0) break;
      internal::CountPath(internal::Path::kFirstNonAsciiSse2);
    }
  }
#endif
  while (i < length && data[i] < 0x80) i++;
  return i;
}

namespace {

// DecodeUtf8Strict and IsValidUtf8: one walk over the bytes, so both accept exactly the same
// texts. With kStore false nothing is written (out may be null) and only the verdict is made.
template <bool kStore>
inline std::optional<size_t> DecodeStrict(const uint8_t* data, size_t length, uint16_t* out,
                                          uint32_t* max_unit, size_t* error_at) {
  const bool sse2 = internal::Allows(internal::Now(), Level::kSse2);
  (void)sse2;
  size_t i = 0;
  size_t o = 0;
  uint32_t seen = 0;
  while (i < length) {
#if defined(__SSE2__)
    // Runs of ASCII, sixteen bytes at a time, widened to UTF-16 with two stores; a block with a
    // non-ASCII byte still takes the ASCII bytes before it in one step.
    const __m128i zero = _mm_setzero_si128();
    while (sse2 && length - i >= 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      int mask = _mm_movemask_epi8(v);
      if (mask == 0) {
        if constexpr (kStore) {
          _mm_storeu_si128(reinterpret_cast<__m128i*>(out + o), _mm_unpacklo_epi8(v, zero));
          _mm_storeu_si128(reinterpret_cast<__m128i*>(out + o + 8), _mm_unpackhi_epi8(v, zero));
        }
        internal::CountPath(internal::Path::kUtf8DecodeSse2);
        i += 16;
        o += 16;
        continue;
      }
      int ascii = __builtin_ctz(static_cast<unsigned>(mask));
      if constexpr (kStore) {
        for (int k = 0; k < ascii; k++) out[o + k] = data[i + k];
      }
      i += ascii;
      o += ascii;
      break;
    }
#endif
    // Runs of ASCII, eight bytes at a time.
    while (length - i >= 8) {
      uint64_t word;
      memcpy(&word, data + i, 8);
      if (word & 0x8080808080808080ULL) break;
      if constexpr (kStore) {
        for (int k = 0; k < 8; k++) out[o + k] = data[i + k];
      }
      i += 8;
      o += 8;
    }
    if (i >= length) break;
    uint32_t c = data[i];
    if (c < 0x80) {
      if constexpr (kStore) out[o] = static_cast<uint16_t>(c);
      o++;
      i++;
      continue;
    }
    size_t left = length - i;
    if (c < 0xC2) return Malformed(i, error_at);
    if (c < 0xE0) {
      if (left < 2 || (data[i + 1] & 0xC0) != 0x80) return Malformed(i, error_at);
      uint32_t cp = ((c & 0x1F) << 6) | (data[i + 1] & 0x3F);
      if constexpr (kStore) out[o] = static_cast<uint16_t>(cp);
      o++;
      seen |= cp;
      i += 2;
      continue;
    }
    if (c < 0xF0) {
      if (left < 3) return Malformed(i, error_at);
      uint32_t c1 = data[i + 1], c2 = data[i + 2];
      if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return Malformed(i, error_at);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return Malformed(i, error_at);  // overlong, surrogate
      uint32_t cp = ((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
      if constexpr (kStore) out[o] = static_cast<uint16_t>(cp);
      o++;
      seen |= cp;
      i += 3;
      continue;
    }
    if (c < 0xF5) {
      if (left < 4) return Malformed(i, error_at);
      uint32_t c1 = data[i + 1], c2 = data[i + 2], c3 = data[i + 3];
      if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80) return Malformed(i, error_at);
      if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return Malformed(i, error_at);  // overlong, > U+10FFFF
      uint32_t cp = (((c & 0x07) << 18) | ((c1 & 0x3F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F)) -
                    0x10000;
      if constexpr (kStore) {
        out[o] = static_cast<uint16_t>(0xD800 | (cp >> 10));
        out[o + 1] = static_cast<uint16_t>(0xDC00 | (cp & 0x3FF));
      }
      o += 2;
      seen |= 0xFFFF;
      i += 4;
      continue;
    }
    return Malformed(i, error_at);
  }
  *max_unit = seen;
  return o;
}

}  // namespace

std::optional<size_t> DecodeUtf8Strict(const uint8_t* data, size_t length, uint16_t* out,
                                       uint32_t* max_unit, size_t* error_at) {
  return DecodeStrict<true>(data, length, out, max_unit, error_at);
}

bool IsValidUtf8(const uint8_t* data, size_t length, size_t* error_at) {
  uint32_t max_unit;
  return DecodeStrict<false>(data, length, nullptr, &max_unit, error_at).has_value();
}


size_t Utf8LengthOfUtf16(const uint16_t* units, size_t count) {
  size_t bytes = 0;
  for (size_t i = 0; i < count;) {
    Utf16Char ch = NextUtf16Char(units, i, count);
    bytes += ch.bytes;
    i += ch.units;
  }
  return bytes;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  uint8_t bytes[4];
  Utf16Char ch{cp, 1, cp < 0x80 ? 1u : cp < 0x800 ? 2u : cp < 0x10000 ? 3u : 4u, false};
  PutUtf8(ch, bytes);
  out->append(reinterpret_cast<const char*>(bytes), ch.bytes);
}

std::string Utf16ToUtf8(const uint16_t* units, size_t count) {
  std::string out(Utf8LengthOfUtf16(units, count), '\0');
  size_t consumed = 0;
  size_t n = EncodeUtf16Chunk(units, count, true, reinterpret_cast<uint8_t*>(&out[0]), out.size(),
                              &consumed);
  out.resize(n);
  return out;
}

std::string Latin1ToUtf8(const uint8_t* bytes, size_t count) {
  size_t ascii = FirstNonAscii(bytes, count);
  std::string out(reinterpret_cast<const char*>(bytes), ascii);
  out.resize(ascii + (count - ascii) * 2);
  size_t consumed = 0;
  size_t n = EncodeLatin1Chunk(bytes + ascii, count - ascii,
                               reinterpret_cast<uint8_t*>(&out[0]) + ascii, out.size() - ascii,
                               &consumed);
  out.resize(ascii + n);
  return out;
}

std::u16string Utf8ToUtf16(std::string_view text) {
  const uint8_t* s = reinterpret_cast<const uint8_t*>(text.data());
  size_t length = text.size();
  std::u16string out;
  out.reserve(length);
  size_t i = 0;
  while (i < length) {
    uint32_t c = s[i];
    if (c < 0x80) {
      out.push_back(static_cast<char16_t>(c));
      i++;
      continue;
    }
    // The sequence's length and the range its second byte must be in (which rules out overlong
    // forms, surrogates and code points above U+10FFFF); a sequence cut short by a byte outside
    // its range is one U+FFFD, and that byte starts over.
    size_t need;
    uint32_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      out.push_back(0xFFFD);
      i++;
      continue;
    }
    uint32_t cp = c & (0x3F >> need);
    size_t k = 1;
    for (; k <= need; k++) {
      if (i + k >= length) break;
      uint32_t b = s[i + k];
      if (b < lo || b > hi) break;
      lo = 0x80;
      hi = 0xBF;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (k <= need) {
      out.push_back(0xFFFD);
      i += k;
      continue;
    }
    i += k;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 | (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 | (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

}  // namespace encoding
}  // namespace nodus
