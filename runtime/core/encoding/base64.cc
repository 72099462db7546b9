// Base64 (encoding.h). Encoding and decoding of the standard alphabet go 24 bytes at a time
// with AVX2 (W. Mula's pshufb method); the scalar code takes whole groups of four digits, and
// anything else (whitespace, padding, the URL-safe alphabet) a digit at a time.
#include <cstdint>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "runtime/core/encoding/encoding.h"
#include "runtime/core/encoding/internal.h"

namespace nodus {
namespace encoding {
namespace {

// Base64 digit values for both the standard and the URL-safe alphabet. Anything else is
// kBase64Skip (whitespace, line breaks and junk are ignored) except '=', kBase64End.
constexpr uint8_t kBase64Skip = 0x40;
constexpr uint8_t kBase64End = 0x80;

struct Base64Table {
  uint8_t value[256];
  constexpr Base64Table() : value() {
    for (int c = 0; c < 256; c++) value[c] = kBase64Skip;
    for (int c = 'A'; c <= 'Z'; c++) value[c] = static_cast<uint8_t>(c - 'A');
    for (int c = 'a'; c <= 'z'; c++) value[c] = static_cast<uint8_t>(c - 'a' + 26);
    for (int c = '0'; c <= '9'; c++) value[c] = static_cast<uint8_t>(c - '0' + 52);
    value[static_cast<int>('+')] = value[static_cast<int>('-')] = 62;
    value[static_cast<int>('/')] = value[static_cast<int>('_')] = 63;
    value[static_cast<int>('=')] = kBase64End;
  }
};
constexpr Base64Table kBase64Table;

template <typename Char>
inline uint8_t Base64Value(Char c) {
  return static_cast<uint32_t>(c) < 256 ? kBase64Table.value[static_cast<uint32_t>(c)]
                                        : kBase64Skip;
}

// Decoding is lenient, as v0.6 was: characters outside the alphabet (whitespace, line breaks)
// are skipped, padding is optional, and the first '=' ends the data. Counts the digits in
// chars[from, length) up to the end of the data; sets *ended if it saw the '='.
template <typename Char>
size_t Base64CountDigits(const Char* chars, size_t from, size_t length, bool* ended = nullptr) {
  size_t digits = 0;
  for (size_t i = from; i < length; i++) {
    uint8_t value = Base64Value(chars[i]);
    if (value == kBase64End) {
      if (ended != nullptr) *ended = true;
      break;
    }
    if (value < 64) digits++;
  }
  return digits;
}

#if defined(__x86_64__)
// W. Mula's pshufb base64 decoder, 32 standard-alphabet digits to 24 bytes at a time.
struct Base64Avx2Decoder {
  __m256i lut_lo, lut_hi, lut_roll, mask_2f, pack_shuffle, pack_permute, merge_a, merge_b;

  __attribute__((target("avx2"))) Base64Avx2Decoder() {
    lut_lo = _mm256_setr_epi8(0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x13,
                              0x1A, 0x1B, 0x1B, 0x1B, 0x1A, 0x15, 0x11, 0x11, 0x11, 0x11, 0x11,
                              0x11, 0x11, 0x11, 0x11, 0x13, 0x1A, 0x1B, 0x1B, 0x1B, 0x1A);
    lut_hi = _mm256_setr_epi8(0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10, 0x10, 0x10,
                              0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x01, 0x02, 0x04, 0x08,
                              0x04, 0x08, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10);
    lut_roll = _mm256_setr_epi8(0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16,
                                19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0);
    mask_2f = _mm256_set1_epi8(0x2f);
    pack_shuffle = _mm256_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1, 2, 1,
                                    0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    pack_permute = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 7, 7);
    merge_a = _mm256_set1_epi32(0x01400140);
    merge_b = _mm256_set1_epi32(0x00011000);
  }

  // Decodes the 32 digits at `chars` into the low 24 bytes of *out; false (and *out untouched)
  // if any of them is not a standard-alphabet digit.
  __attribute__((target("avx2"))) inline bool Block(const uint8_t* chars, __m256i* out) const {
    __m256i str = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(chars));
    __m256i hi_nibbles = _mm256_and_si256(_mm256_srli_epi32(str, 4), mask_2f);
    __m256i lo_nibbles = _mm256_and_si256(str, mask_2f);
    __m256i lo = _mm256_shuffle_epi8(lut_lo, lo_nibbles);
    __m256i hi = _mm256_shuffle_epi8(lut_hi, hi_nibbles);
    if (!_mm256_testz_si256(lo, hi)) return false;
    __m256i eq_2f = _mm256_cmpeq_epi8(str, mask_2f);
    __m256i roll = _mm256_shuffle_epi8(lut_roll, _mm256_add_epi8(eq_2f, hi_nibbles));
    str = _mm256_add_epi8(str, roll);
    __m256i merged = _mm256_maddubs_epi16(str, merge_a);
    str = _mm256_madd_epi16(merged, merge_b);
    str = _mm256_shuffle_epi8(str, pack_shuffle);
    *out = _mm256_permutevar8x32_epi32(str, pack_permute);
    return true;
  }
};

// Outputs at least this big are written with non-temporal stores: they cannot stay in the L2
// cache anyway, and streaming them out spares reading every destination line in first (a fresh
// megabyte is cold, so those reads went to memory and were most of the decoder's time).
constexpr size_t kBase64StreamMin = 512 * 1024;

// Decodes groups of 128 digits (96 bytes) from chars[*in, length) to the 32-byte aligned
// dest + *out with non-temporal stores, as long as each whole group is standard-alphabet digits;
// true if any was decoded (the caller then fences).
__attribute__((target("avx2"))) inline bool Base64StreamGroups(const Base64Avx2Decoder& decoder,
                                                               const uint8_t* chars,
                                                               size_t length, size_t* in_io,
                                                               uint8_t* dest, size_t capacity,
                                                               size_t* out_io) {
  const __m256i r1_to_top = _mm256_setr_epi32(0, 0, 0, 0, 0, 0, 0, 1);
  const __m256i r1_mid = _mm256_setr_epi32(2, 3, 4, 5, 0, 0, 0, 0);
  const __m256i r2_low = _mm256_setr_epi32(0, 0, 0, 0, 0, 1, 2, 3);
  const __m256i r2_tail = _mm256_setr_epi32(4, 5, 0, 0, 0, 0, 0, 0);
  const __m256i r3_up = _mm256_setr_epi32(0, 0, 0, 1, 2, 3, 4, 5);
  size_t in = *in_io;
  size_t out = *out_io;
  __m256i r0, r1, r2, r3;
  while (length - in >= 128 && capacity - out >= 96 && decoder.Block(chars + in, &r0) &&
         decoder.Block(chars + in + 32, &r1) && decoder.Block(chars + in + 64, &r2) &&
         decoder.Block(chars + in + 96, &r3)) {
    // r0..r3 hold 6 dwords each: out0 = r0[0..5] r1[0..1], out1 = r1[2..5] r2[0..3],
    // out2 = r2[4..5] r3[0..5].
    __m256i o0 = _mm256_blend_epi32(r0, _mm256_permutevar8x32_epi32(r1, r1_to_top), 0xC0);
    __m256i o1 = _mm256_blend_epi32(_mm256_permutevar8x32_epi32(r1, r1_mid),
                                    _mm256_permutevar8x32_epi32(r2, r2_low), 0xF0);
    __m256i o2 = _mm256_blend_epi32(_mm256_permutevar8x32_epi32(r2, r2_tail),
                                    _mm256_permutevar8x32_epi32(r3, r3_up), 0xFC);
    __m256i* d = reinterpret_cast<__m256i*>(dest + out);
    _mm256_stream_si256(d, o0);
    _mm256_stream_si256(d + 1, o1);
    _mm256_stream_si256(d + 2, o2);
    internal::CountPath(internal::Path::kBase64StreamAvx2);
    in += 128;
    out += 96;
  }
  bool any = out != *out_io;
  *in_io = in;
  *out_io = out;
  return any;
}

// Decodes whole blocks of 32 standard-alphabet digits (24 bytes each) from chars[*i, length)
// into dest + *written while at least 32 bytes of room remain (each store writes 32); stops at
// the first block holding anything else (padding, whitespace, the URL-safe alphabet), which the
// scalar decoder then handles.
__attribute__((target("avx2"))) void Base64DecodeAvx2(const uint8_t* chars, size_t length,
                                                      size_t* i, uint8_t* dest, size_t capacity,
                                                      size_t* written) {
  const Base64Avx2Decoder decoder;
  size_t in = *i;
  size_t out = *written;
  __m256i v;
  // Each 32-byte store keeps 24 bytes; the 8 after them, as they were before the store.
  uint64_t tail = 0;
  size_t tail_at = SIZE_MAX;
  if (capacity >= kBase64StreamMin) {
    // Plain stores until dest + out is 32-byte aligned (out moves 24 at a time, so from an
    // 8-aligned start that takes at most 3 blocks), then 4 blocks (96 bytes) at a time, put
    // together in registers and streamed out as 3 aligned 32-byte non-temporal stores.
    while ((reinterpret_cast<uintptr_t>(dest + out) & 31) != 0 && length - in >= 32 &&
           capacity - out >= 32 && decoder.Block(chars + in, &v)) {
      memcpy(&tail, dest + out + 24, 8);
      tail_at = out + 24;
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(dest + out), v);
      internal::CountPath(internal::Path::kBase64DecodeAvx2);
      in += 32;
      out += 24;
    }
    if ((reinterpret_cast<uintptr_t>(dest + out) & 31) == 0 &&
        Base64StreamGroups(decoder, chars, length, &in, dest, capacity, &out)) {
      _mm_sfence();  // the streamed lines are visible before anything else touches them
    }
  }
  while (length - in >= 32 && capacity - out >= 32 && decoder.Block(chars + in, &v)) {
    // The store's last 8 bytes are junk that the next block (or the scalar decoder) may not
    // overwrite: what was there is kept, and put back after the last block.
    memcpy(&tail, dest + out + 24, 8);
    tail_at = out + 24;
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(dest + out), v);
    internal::CountPath(internal::Path::kBase64DecodeAvx2);
    in += 32;
    out += 24;
  }
  if (tail_at == out) memcpy(dest + out, &tail, 8);
  *i = in;
  *written = out;
}

// One block of Base64EncodeAvx2: 24 bytes at offsets 4..15 (low lane) and 0..11 (high lane).
__attribute__((target("avx2"))) inline __m256i Base64EncodeBlock(__m256i v) {
  const __m256i shuffle = _mm256_set_epi8(10, 11, 9, 10, 7, 8, 6, 7, 4, 5, 3, 4, 1, 2, 0, 1, 14,
                                          15, 13, 14, 11, 12, 10, 11, 8, 9, 7, 8, 5, 6, 4, 5);
  const __m256i shift_lut = _mm256_setr_epi8(
      'a' - 26, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52,
      '0' - 52, '0' - 52, '+' - 62, '/' - 63, 'A', 0, 0, 'a' - 26, '0' - 52, '0' - 52, '0' - 52,
      '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '0' - 52, '+' - 62, '/' - 63,
      'A', 0, 0);
  v = _mm256_shuffle_epi8(v, shuffle);
  __m256i t0 = _mm256_and_si256(v, _mm256_set1_epi32(0x0fc0fc00));
  __m256i t1 = _mm256_mulhi_epu16(t0, _mm256_set1_epi32(0x04000040));
  __m256i t2 = _mm256_and_si256(v, _mm256_set1_epi32(0x003f03f0));
  __m256i t3 = _mm256_mullo_epi16(t2, _mm256_set1_epi32(0x01000010));
  __m256i indices = _mm256_or_si256(t1, t3);
  __m256i result = _mm256_subs_epu8(indices, _mm256_set1_epi8(51));
  __m256i less = _mm256_cmpgt_epi8(_mm256_set1_epi8(26), indices);
  result = _mm256_or_si256(result, _mm256_and_si256(less, _mm256_set1_epi8(13)));
  result = _mm256_shuffle_epi8(shift_lut, result);
  return _mm256_add_epi8(result, indices);
}

__attribute__((target("avx2"))) void Base64EncodeAvx2(const uint8_t* data, size_t length,
                                                      size_t* i, uint8_t* out, size_t* o) {
  size_t in = *i;
  size_t pos = *o;
  // The first block has no 4 bytes before it: it goes through a copy.
  if (in == 0 && length >= 24) {
    uint8_t first[32] = {0};
    memcpy(first + 4, data, 24);
    __m256i v = Base64EncodeBlock(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(first)));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + pos), v);
    internal::CountPath(internal::Path::kBase64EncodeAvx2);
    in = 24;
    pos += 32;
  }
  while (in >= 4 && length - in >= 28) {
    __m256i v =
        Base64EncodeBlock(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + in - 4)));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + pos), v);
    internal::CountPath(internal::Path::kBase64EncodeAvx2);
    in += 24;
    pos += 32;
  }
  *i = in;
  *o = pos;
}
#endif

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "kBase64Pairs assumes little-endian");

// Pairs of base64 characters for every 12-bit value, the first in the low byte.
struct Base64PairTable {
  uint16_t pair[4096];
  constexpr Base64PairTable() : pair() {
    constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int v = 0; v < 4096; v++) {
      pair[v] = static_cast<uint16_t>(static_cast<uint8_t>(kAlphabet[v >> 6]) |
                                      (static_cast<uint8_t>(kAlphabet[v & 63]) << 8));
    }
  }
};
constexpr Base64PairTable kBase64Pairs;

}  // namespace

void Base64Encode(const uint8_t* data, size_t length, uint8_t* out) {
  static const uint8_t kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t i = 0;
  size_t o = 0;
#if defined(__x86_64__)
  if (internal::Allows(internal::Now(), Level::kAvx2)) Base64EncodeAvx2(data, length, &i, out, &o);
#endif
  uint8_t* p = out + o;
  for (; length - i >= 3; i += 3, p += 4) {
    uint32_t group = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    uint16_t first = kBase64Pairs.pair[group >> 12];
    uint16_t second = kBase64Pairs.pair[group & 0xFFF];
    memcpy(p, &first, 2);  // The table holds the pairs in little-endian order.
    memcpy(p + 2, &second, 2);
  }
  if (i < length) {
    uint32_t group = data[i] << 16;
    if (i + 1 < length) group |= data[i + 1] << 8;
    p[0] = kAlphabet[(group >> 18) & 63];
    p[1] = kAlphabet[(group >> 12) & 63];
    p[2] = i + 1 < length ? kAlphabet[(group >> 6) & 63] : '=';
    p[3] = '=';
  }
}


// Decodes chars[0, length), the next piece of the string, into dest (capacity bytes in all).
template <typename Char>
void Base64Decoder::FeedImpl(const Char* chars, size_t length) {
  uint8_t* const dest = dest_;
  const size_t capacity = capacity_;
  const bool avx2 = internal::Allows(internal::Now(), Level::kAvx2);
  (void)avx2;
  if (ended_) return;
  if (full_) {
    digits_ += Base64CountDigits(chars, 0, length, &ended_);
    return;
  }
  size_t i = 0;
  size_t written = written_;
  size_t digits = digits_;
  uint32_t accumulator = accumulator_;
  int bits = bits_;
  while (i < length) {
    if (bits == 0) {
#if defined(__x86_64__)
      if constexpr (sizeof(Char) == 1) {
        if (avx2 && length - i >= 32) {
          size_t before = i;
          Base64DecodeAvx2(reinterpret_cast<const uint8_t*>(chars), length, &i, dest, capacity,
                           &written);
          digits += i - before;
        }
      }
#endif
      // Whole groups of four digits, the common case, without per-character bookkeeping.
      while (length - i >= 4 && capacity - written >= 3) {
        uint32_t a = Base64Value(chars[i]), b = Base64Value(chars[i + 1]),
                 c = Base64Value(chars[i + 2]), d = Base64Value(chars[i + 3]);
        if ((a | b | c | d) >= 64) break;
        uint32_t group = (a << 18) | (b << 12) | (c << 6) | d;
        dest[written] = static_cast<uint8_t>(group >> 16);
        dest[written + 1] = static_cast<uint8_t>(group >> 8);
        dest[written + 2] = static_cast<uint8_t>(group);
        written += 3;
        digits += 4;
        i += 4;
      }
      if (i >= length) break;
    }
    if (written >= capacity) {
      full_ = true;
      digits += Base64CountDigits(chars, i, length, &ended_);
      break;
    }
    uint8_t value = Base64Value(chars[i]);
    if (value == kBase64End) {
      ended_ = true;
      break;
    }
    i++;
    if (value >= 64) continue;
    digits++;
    accumulator = ((accumulator << 6) | value) & 0xFFFFFF;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      dest[written++] = static_cast<uint8_t>((accumulator >> bits) & 0xFF);
    }
  }
  written_ = written;
  digits_ = digits;
  accumulator_ = accumulator;
  bits_ = bits;
}


void Base64Decoder::Feed(const uint8_t* chars, size_t length) { FeedImpl(chars, length); }
void Base64Decoder::Feed(const uint16_t* chars, size_t length) { FeedImpl(chars, length); }

}  // namespace encoding
}  // namespace nodus
