// process.binding('buffer'): the encoding hot paths behind stdlib/lib/buffer.js, plus the native
// SlowBuffer constructor that old code reaches for through process.binding('buffer').SlowBuffer.
//
// Buffers are Uint8Arrays, so every entry point receives an ArrayBufferView. JS callers are not
// trusted: each function checks its own arguments (view type, integer offsets inside the view,
// string type) and throws instead of touching memory it was not given.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "runtime/bindings/bindings.h"
#include "runtime/core/array_buffer_allocator.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace buffer {

using v8::ArrayBufferView;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::NewStringType;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

// The number of UTF-16 units consumed by the last utf8Write on this thread. v0.6 exposed this as
// Buffer._charsWritten; returning it beside the byte count would need an allocation per write.
// The slot also backs binding.charsWrittenSlot, a Float64Array JS reads it through without a call.
thread_local double last_chars_written = 0;

// The bytes a view covers. Views on a detached buffer cover nothing.
struct Bytes {
  uint8_t* data = nullptr;
  size_t length = 0;
};

bool GetBytes(const FunctionCallbackInfo<Value>& args, int index, Bytes* out) {
  Local<Value> value = args[index];
  if (!value->IsArrayBufferView()) {
    ThrowTypeError(args.GetIsolate(), "argument must be a Buffer");
    return false;
  }
  Local<ArrayBufferView> view = value.As<ArrayBufferView>();
  Local<v8::ArrayBuffer> backing = view->Buffer();
  out->length = view->ByteLength();
  out->data = out->length == 0 ? nullptr
                               : static_cast<uint8_t*>(backing->Data()) + view->ByteOffset();
  return true;
}

// An integer argument in [0, limit]. `undefined` means `fallback`.
bool GetIndex(const FunctionCallbackInfo<Value>& args, int index, const char* what, size_t limit,
              size_t fallback, size_t* out) {
  if (args[index]->IsUndefined()) {
    *out = fallback;
    return true;
  }
  int64_t value;
  if (!GetInt64Arg(args, index, what, &value)) return false;
  if (value < 0 || static_cast<uint64_t>(value) > limit) {
    std::string message = std::string(what) + " is out of bounds";
    ThrowRangeError(args.GetIsolate(), message.c_str());
    return false;
  }
  *out = static_cast<size_t>(value);
  return true;
}

// A length argument: any non-negative integer, clamped to `limit` (a byte count the caller may
// overstate, as write(string, offset, length) allows).
bool GetClampedLength(const FunctionCallbackInfo<Value>& args, int index, size_t limit,
                      size_t* out) {
  if (args[index]->IsUndefined()) {
    *out = limit;
    return true;
  }
  // Anything at least as large as the room left (even 2^53 or Infinity) means "all of it".
  if (args[index]->IsNumber() &&
      args[index].As<v8::Number>()->Value() >= static_cast<double>(limit)) {
    *out = limit;
    return true;
  }
  int64_t value;
  if (!GetInt64Arg(args, index, "length", &value)) return false;
  if (value < 0) {
    ThrowRangeError(args.GetIsolate(), "length must not be negative");
    return false;
  }
  *out = std::min(static_cast<uint64_t>(value), static_cast<uint64_t>(limit));
  return true;
}

bool GetString(const FunctionCallbackInfo<Value>& args, int index, Local<String>* out) {
  if (!args[index]->IsString()) {
    ThrowTypeError(args.GetIsolate(), "argument must be a string");
    return false;
  }
  *out = args[index].As<String>();
  return true;
}

// Common prologue of the write functions: (view, string, offset, maxLength). On success `dest`
// and `capacity` describe the writable window.
bool WriteArgs(const FunctionCallbackInfo<Value>& args, Local<String>* string, uint8_t** dest,
               size_t* capacity) {
  Bytes bytes;
  if (!GetBytes(args, 0, &bytes) || !GetString(args, 1, string)) return false;
  size_t offset;
  if (!GetIndex(args, 2, "offset", bytes.length, 0, &offset)) return false;
  if (!GetClampedLength(args, 3, bytes.length - offset, capacity)) return false;
  // V8's string writers take int sizes.
  *capacity = std::min(*capacity, static_cast<size_t>(INT_MAX));
  *dest = bytes.data == nullptr ? nullptr : bytes.data + offset;
  return true;
}

// Common prologue of the slice functions: (view, start, end), with start <= end.
bool SliceArgs(const FunctionCallbackInfo<Value>& args, const uint8_t** data, size_t* length) {
  Bytes bytes;
  if (!GetBytes(args, 0, &bytes)) return false;
  size_t start, end;
  if (!GetIndex(args, 1, "start", bytes.length, 0, &start) ||
      !GetIndex(args, 2, "end", bytes.length, bytes.length, &end)) {
    return false;
  }
  if (end < start) end = start;
  *data = bytes.data == nullptr ? nullptr : bytes.data + start;
  *length = end - start;
  return true;
}

void ReturnString(const FunctionCallbackInfo<Value>& args, MaybeLocal<String> maybe) {
  Local<String> result;
  if (maybe.ToLocal(&result)) args.GetReturnValue().Set(result);
}

bool CheckStringLength(Isolate* isolate, size_t length) {
  if (length > static_cast<size_t>(String::kMaxLength)) {
    ThrowRangeError(isolate, "string is too long");
    return false;
  }
  return true;
}

// ---- UTF-8 encoding ----------------------------------------------------------------------------
// V8 10.2's String::WriteUtf8 walks the string a character at a time. This encoder copies the
// string out in chunks (a memcpy for flat strings) and converts runs of ASCII 8 characters at a
// time. Semantics are WriteUtf8's with REPLACE_INVALID_UTF8: only whole characters are written,
// a lone surrogate becomes U+FFFD, and *units_read counts the UTF-16 units consumed.

constexpr int kEncodeChunk = 4096;

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
const bool kHaveSse41 = (__builtin_cpu_init(), __builtin_cpu_supports("sse4.1"));

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

// Encodes units[0, count) into out[0, capacity). Stops before a character that does not fit.
// Returns the bytes written; *consumed is the units encoded. A lead surrogate as the last unit
// is encoded as U+FFFD only if `last_chunk` (else the caller passes it again with its trail).
size_t EncodeUtf16Chunk(const uint16_t* units, size_t count, bool last_chunk, uint8_t* out,
                        size_t capacity, size_t* consumed) {
  size_t i = 0;
  size_t o = 0;
  while (i < count) {
#if defined(__x86_64__)
    // It returns only with fewer than 8 + kUtf8SimdTailUnits units or 32 bytes of room left
    // (or one lead surrogate that ends the chunk), so this runs it once; the rest goes below.
    if (kHaveSse41 && count - i >= 8 + kUtf8SimdTailUnits && capacity - o >= 32) {
      EncodeUtf16Sse41(units, count, &i, out, capacity, &o);
      if (i >= count) break;
    }
#endif
#if defined(__SSE2__)
    if (i + 8 <= count && o + 8 <= capacity) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(units + i));
      __m128i high = _mm_and_si128(v, _mm_set1_epi16(static_cast<short>(0xFF80)));
      int mask = _mm_movemask_epi8(_mm_cmpeq_epi16(high, _mm_setzero_si128()));
      if (mask == 0xFFFF) {
        _mm_storel_epi64(reinterpret_cast<__m128i*>(out + o), _mm_packus_epi16(v, v));
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

// Latin-1 bytes in[0, count) to UTF-8 (may be in place only when nothing expands, so the caller
// passes a copy). Same stopping rule as above.
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

// The index of the first byte >= 0x80 in data[0, length), or length.
size_t FirstNonAscii(const uint8_t* data, size_t length) {
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= length; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    if (_mm_movemask_epi8(v) != 0) break;
  }
#endif
  while (i < length && data[i] < 0x80) i++;
  return i;
}

// string as UTF-8 into dest[0, capacity); returns the bytes written.
size_t WriteUtf8(Isolate* isolate, Local<String> string, uint8_t* dest, size_t capacity,
                 int* units_read) {
  size_t length = static_cast<size_t>(string->Length());
  size_t pos = 0;  // units consumed
  size_t out = 0;  // bytes written
  if (string->IsOneByte()) {
    // Copy straight into the destination; only a non-ASCII byte needs the slow path.
    size_t direct = std::min(length, capacity);
    // The copy may put a raw byte one past where the UTF-8 output ends (when the output stops
    // at the end of the room, it is at least capacity - 1 >= direct - 1 long): kept to restore.
    uint8_t last_byte = direct > 0 ? dest[direct - 1] : 0;
    if (direct > 0) {
      string->WriteOneByte(isolate, dest, 0, static_cast<int>(direct),
                           String::NO_NULL_TERMINATION);
    }
    size_t ascii = FirstNonAscii(dest, direct);
    pos = out = ascii;
    uint8_t chunk[kEncodeChunk];
    while (pos < length && out < capacity) {
      size_t count = std::min(length - pos, static_cast<size_t>(kEncodeChunk));
      string->WriteOneByte(isolate, chunk, static_cast<int>(pos), static_cast<int>(count),
                           String::NO_NULL_TERMINATION);
      size_t consumed;
      out += EncodeLatin1Chunk(chunk, count, dest + out, capacity - out, &consumed);
      pos += consumed;
      if (consumed < count) break;
    }
    if (out < direct) dest[direct - 1] = last_byte;
  } else {
    uint16_t chunk[kEncodeChunk];
    while (pos < length && out < capacity) {
      size_t count = std::min(length - pos, static_cast<size_t>(kEncodeChunk));
      string->Write(isolate, chunk, static_cast<int>(pos), static_cast<int>(count),
                    String::NO_NULL_TERMINATION);
      size_t consumed;
      bool last = pos + count == length;
      out += EncodeUtf16Chunk(chunk, count, last, dest + out, capacity - out, &consumed);
      pos += consumed;
      if (consumed < count && (last || consumed + 1 < count)) break;  // full
      if (consumed == 0) break;
    }
  }
  if (units_read != nullptr) *units_read = static_cast<int>(pos);
  return out;
}

// ---- Writes ------------------------------------------------------------------------------------

void Utf8Write(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  uint8_t* dest;
  size_t capacity;
  if (!WriteArgs(args, &string, &dest, &capacity)) return;
  int chars = 0;
  int written = 0;
  if (capacity > 0) {
    written = static_cast<int>(WriteUtf8(isolate, string, dest, capacity, &chars));
  }
  last_chars_written = chars;
  args.GetReturnValue().Set(written);
}

// UTF-16LE. The destination may be at an odd address, so units go through an aligned buffer
// and are stored byte by byte, which also fixes the byte order on any host.
void Ucs2Write(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  uint8_t* dest;
  size_t capacity;
  if (!WriteArgs(args, &string, &dest, &capacity)) return;
  size_t units = std::min(capacity / 2, static_cast<size_t>(string->Length()));
  if (units == 0) return args.GetReturnValue().Set(0);
  std::vector<uint16_t> scratch(units);
  string->Write(isolate, scratch.data(), 0, static_cast<int>(units), String::NO_NULL_TERMINATION);
  for (size_t i = 0; i < units; i++) {
    dest[2 * i] = static_cast<uint8_t>(scratch[i] & 0xFF);
    dest[2 * i + 1] = static_cast<uint8_t>(scratch[i] >> 8);
  }
  args.GetReturnValue().Set(static_cast<double>(units * 2));
}

// 'ascii' and 'binary' both store the low byte of each UTF-16 unit.
void Latin1Write(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  uint8_t* dest;
  size_t capacity;
  if (!WriteArgs(args, &string, &dest, &capacity)) return;
  size_t units = std::min(capacity, static_cast<size_t>(string->Length()));
  if (units == 0) return args.GetReturnValue().Set(0);
  int written = string->WriteOneByte(isolate, dest, 0, static_cast<int>(units),
                                     String::NO_NULL_TERMINATION);
  args.GetReturnValue().Set(written);
}

// Temporary memory for the coders, reused across calls on this thread: a fresh heap block of a
// megabyte comes from mmap, and page-faulting it in on every call cost more than the coding.
// Blocks above kKeep are not kept. At most one Scratch may be live at a time.
class Scratch {
 public:
  explicit Scratch(size_t bytes) {
    static constexpr size_t kKeep = 16 * 1024 * 1024;
    if (bytes > kKeep) {
      owned_.reset(new uint8_t[bytes]);
      data_ = owned_.get();
      return;
    }
    if (kept_size_ < bytes) {
      kept_.reset(new uint8_t[bytes]);
      kept_size_ = bytes;
    }
    data_ = kept_.get();
  }
  uint8_t* data() const { return data_; }

 private:
  static thread_local std::unique_ptr<uint8_t[]> kept_;
  static thread_local size_t kept_size_;
  std::unique_ptr<uint8_t[]> owned_;
  uint8_t* data_ = nullptr;
};
thread_local std::unique_ptr<uint8_t[]> Scratch::kept_;
thread_local size_t Scratch::kept_size_ = 0;

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

size_t Base64BytesOfDigits(size_t digits) { return digits / 4 * 3 + (digits % 4) * 3 / 4; }

#if defined(__x86_64__)
// __builtin_cpu_init first: this may run before libgcc's own initializer.
const bool kHaveAvx2 = (__builtin_cpu_init(), __builtin_cpu_supports("avx2"));

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
    in = 24;
    pos += 32;
  }
  while (in >= 4 && length - in >= 28) {
    __m256i v =
        Base64EncodeBlock(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + in - 4)));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + pos), v);
    in += 24;
    pos += 32;
  }
  *i = in;
  *o = pos;
}
#endif

// The state of a decode that goes through the string a piece at a time.
struct Base64State {
  size_t written = 0;  // bytes stored in dest
  size_t digits = 0;   // digits seen, stored or (once full) only counted
  uint32_t accumulator = 0;
  int bits = 0;
  bool full = false;   // dest ran out of room: only counting from here on
  bool ended = false;  // saw the '=' that ends the data
};

// Decodes chars[0, length), the next piece of the string, into dest (capacity bytes in all).
template <typename Char>
void Base64DecodePiece(const Char* chars, size_t length, uint8_t* dest, size_t capacity,
                       Base64State* st) {
  if (st->ended) return;
  if (st->full) {
    st->digits += Base64CountDigits(chars, 0, length, &st->ended);
    return;
  }
  size_t i = 0;
  size_t written = st->written;
  size_t digits = st->digits;
  uint32_t accumulator = st->accumulator;
  int bits = st->bits;
  while (i < length) {
    if (bits == 0) {
#if defined(__x86_64__)
      if constexpr (sizeof(Char) == 1) {
        if (kHaveAvx2 && length - i >= 32) {
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
      st->full = true;
      digits += Base64CountDigits(chars, i, length, &st->ended);
      break;
    }
    uint8_t value = Base64Value(chars[i]);
    if (value == kBase64End) {
      st->ended = true;
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
  st->written = written;
  st->digits = digits;
  st->accumulator = accumulator;
  st->bits = bits;
}

// Characters per piece when a string is copied out of V8 to be decoded: small enough to stay
// in the L1/L2 cache between the copy and the decode.
constexpr size_t kPieceChars = 8 * 1024;

// Decodes the base64 in `string` into dest[0, capacity); returns the bytes stored. *total is
// what decoding the whole string would give, so the caller can tell whether all of it fit.
size_t Base64DecodeString(Isolate* isolate, Local<String> string, uint8_t* dest, size_t capacity,
                          size_t* total) {
  size_t length = static_cast<size_t>(string->Length());
  Base64State st;
  if (string->IsExternalOneByte()) {
    const char* chars = string->GetExternalOneByteStringResource()->data();
    Base64DecodePiece(reinterpret_cast<const uint8_t*>(chars), length, dest, capacity, &st);
  } else if (string->IsOneByte()) {
    uint8_t piece[kPieceChars];
    for (size_t start = 0; start < length && !st.ended; start += kPieceChars) {
      size_t n = std::min(kPieceChars, length - start);
      string->WriteOneByte(isolate, piece, static_cast<int>(start), static_cast<int>(n),
                           String::NO_NULL_TERMINATION);
      Base64DecodePiece(piece, n, dest, capacity, &st);
    }
  } else {
    uint16_t piece[kPieceChars];
    for (size_t start = 0; start < length && !st.ended; start += kPieceChars) {
      size_t n = std::min(kPieceChars, length - start);
      string->Write(isolate, piece, static_cast<int>(start), static_cast<int>(n),
                    String::NO_NULL_TERMINATION);
      Base64DecodePiece(piece, n, dest, capacity, &st);
    }
  }
  *total = st.full ? Base64BytesOfDigits(st.digits) : st.written;
  return st.written;
}

void Base64Write(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  uint8_t* dest;
  size_t capacity;
  if (!WriteArgs(args, &string, &dest, &capacity)) return;
  size_t length = static_cast<size_t>(string->Length());
  size_t total = 0;
  // With no room, the decoder only counts what the string holds.
  size_t written = length > 0 ? Base64DecodeString(isolate, string, dest, capacity, &total) : 0;
  // Buffer._charsWritten: the whole string when all of its data fit, else the characters that
  // the bytes written came from.
  last_chars_written = written == total ? static_cast<double>(length)
                                        : static_cast<double>((written * 4 + 2) / 3);
  args.GetReturnValue().Set(static_cast<double>(written));
}

int HexDigit(uint16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Writes whole pairs until the first pair that is not two hex digits; an odd last digit is
// ignored.
void HexWrite(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  uint8_t* dest;
  size_t capacity;
  if (!WriteArgs(args, &string, &dest, &capacity)) return;
  size_t pairs = std::min(capacity, static_cast<size_t>(string->Length()) / 2);
  if (pairs == 0) return args.GetReturnValue().Set(0);
  std::vector<uint16_t> units(pairs * 2);
  string->Write(isolate, units.data(), 0, static_cast<int>(units.size()),
                String::NO_NULL_TERMINATION);
  size_t written = 0;
  for (; written < pairs; written++) {
    int high = HexDigit(units[2 * written]);
    int low = HexDigit(units[2 * written + 1]);
    if (high < 0 || low < 0) break;
    dest[written] = static_cast<uint8_t>(high * 16 + low);
  }
  args.GetReturnValue().Set(static_cast<double>(written));
}

void CharsWritten(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(last_chars_written));
}

// ---- Slices ------------------------------------------------------------------------------------

// Decodes data[0, length) into out (room for `length` units) if it is well-formed UTF-8; returns
// the UTF-16 units stored, or -1 at the first malformed sequence (the caller then leaves the
// decoding, with its U+FFFD replacements, to V8). *max_unit is the largest unit stored.
ptrdiff_t DecodeWellFormedUtf8(const uint8_t* data, size_t length, uint16_t* out,
                               uint32_t* max_unit) {
  size_t i = 0;
  size_t o = 0;
  uint32_t seen = 0;
  while (i < length) {
#if defined(__SSE2__)
    // Runs of ASCII, sixteen bytes at a time, widened to UTF-16 with two stores; a block with a
    // non-ASCII byte still takes the ASCII bytes before it in one step.
    const __m128i zero = _mm_setzero_si128();
    while (length - i >= 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      int mask = _mm_movemask_epi8(v);
      if (mask == 0) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + o), _mm_unpacklo_epi8(v, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + o + 8), _mm_unpackhi_epi8(v, zero));
        i += 16;
        o += 16;
        continue;
      }
      int ascii = __builtin_ctz(static_cast<unsigned>(mask));
      for (int k = 0; k < ascii; k++) out[o + k] = data[i + k];
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
      for (int k = 0; k < 8; k++) out[o + k] = data[i + k];
      i += 8;
      o += 8;
    }
    if (i >= length) break;
    uint32_t c = data[i];
    if (c < 0x80) {
      out[o++] = static_cast<uint16_t>(c);
      i++;
      continue;
    }
    size_t left = length - i;
    if (c < 0xC2) return -1;
    if (c < 0xE0) {
      if (left < 2 || (data[i + 1] & 0xC0) != 0x80) return -1;
      uint32_t cp = ((c & 0x1F) << 6) | (data[i + 1] & 0x3F);
      out[o++] = static_cast<uint16_t>(cp);
      seen |= cp;
      i += 2;
      continue;
    }
    if (c < 0xF0) {
      if (left < 3) return -1;
      uint32_t c1 = data[i + 1], c2 = data[i + 2];
      if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return -1;
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return -1;  // overlong, surrogate
      uint32_t cp = ((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
      out[o++] = static_cast<uint16_t>(cp);
      seen |= cp;
      i += 3;
      continue;
    }
    if (c < 0xF5) {
      if (left < 4) return -1;
      uint32_t c1 = data[i + 1], c2 = data[i + 2], c3 = data[i + 3];
      if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80 || (c3 & 0xC0) != 0x80) return -1;
      if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return -1;  // overlong, > U+10FFFF
      uint32_t cp = (((c & 0x07) << 18) | ((c1 & 0x3F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F)) -
                    0x10000;
      out[o++] = static_cast<uint16_t>(0xD800 | (cp >> 10));
      out[o++] = static_cast<uint16_t>(0xDC00 | (cp & 0x3FF));
      seen |= 0xFFFF;
      i += 4;
      continue;
    }
    return -1;
  }
  *max_unit = seen;
  return static_cast<ptrdiff_t>(o);
}

// Results at most this long are decoded here; longer ones go to V8, which writes them straight
// into the string rather than through scratch memory.
constexpr size_t kUtf8DecodeMax = 4 * 1024 * 1024;

void Utf8Slice(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  if (length == 0) return args.GetReturnValue().SetEmptyString();
  if (length <= kUtf8DecodeMax) {
    Scratch scratch(length * sizeof(uint16_t));
    uint16_t* units = reinterpret_cast<uint16_t*>(scratch.data());
    uint32_t max_unit = 0;
    ptrdiff_t count = DecodeWellFormedUtf8(data, length, units, &max_unit);
    if (count >= 0) {
      if (static_cast<size_t>(count) == length) {  // all ASCII: the bytes are the string
        return ReturnString(args, String::NewFromOneByte(isolate, data, NewStringType::kNormal,
                                                         static_cast<int>(length)));
      }
      if (max_unit < 0x100) {
        uint8_t* narrow = reinterpret_cast<uint8_t*>(units);
        for (ptrdiff_t k = 0; k < count; k++) narrow[k] = static_cast<uint8_t>(units[k]);
        return ReturnString(args, String::NewFromOneByte(isolate, narrow, NewStringType::kNormal,
                                                         static_cast<int>(count)));
      }
      return ReturnString(args, String::NewFromTwoByte(isolate, units, NewStringType::kNormal,
                                                       static_cast<int>(count)));
    }
  }
  // Utf8String checks the length; V8 replaces malformed sequences with U+FFFD.
  ReturnString(args, Utf8String(isolate, reinterpret_cast<const char*>(data), length));
}

void Ucs2Slice(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  size_t units = length / 2;  // An odd last byte is not a character.
  if (units == 0) return args.GetReturnValue().SetEmptyString();
  if (!CheckStringLength(isolate, units)) return;
  std::vector<uint16_t> scratch(units);
  for (size_t i = 0; i < units; i++) {
    scratch[i] = static_cast<uint16_t>(data[2 * i] | (data[2 * i + 1] << 8));
  }
  ReturnString(args, String::NewFromTwoByte(isolate, scratch.data(), NewStringType::kNormal,
                                            static_cast<int>(units)));
}

void OneByteSlice(const FunctionCallbackInfo<Value>& args, bool strip_high_bit) {
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  if (length == 0) return args.GetReturnValue().SetEmptyString();
  if (!CheckStringLength(isolate, length)) return;
  if (!strip_high_bit) {
    return ReturnString(args, String::NewFromOneByte(isolate, data, NewStringType::kNormal,
                                                     static_cast<int>(length)));
  }
  std::vector<uint8_t> scratch(data, data + length);
  for (uint8_t& byte : scratch) byte &= 0x7F;
  ReturnString(args, String::NewFromOneByte(isolate, scratch.data(), NewStringType::kNormal,
                                            static_cast<int>(length)));
}

// The documented 'ascii' contract: 7-bit data, the high bit is stripped.
void AsciiSlice(const FunctionCallbackInfo<Value>& args) { OneByteSlice(args, true); }
void BinarySlice(const FunctionCallbackInfo<Value>& args) { OneByteSlice(args, false); }

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

// Writes the base64 of data[0, length) to out, (length + 2) / 3 * 4 characters.
void Base64Encode(const uint8_t* data, size_t length, uint8_t* out) {
  static const uint8_t kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t i = 0;
  size_t o = 0;
#if defined(__x86_64__)
  if (kHaveAvx2) Base64EncodeAvx2(data, length, &i, out, &o);
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

// A one-byte string whose characters live in malloc'ed memory that V8 frees (through Dispose)
// when the string dies. Big results are returned this way: V8 would otherwise copy them into a
// fresh large-object page, and faulting those pages in cost more than the encoding.
class ExternalOneByte : public String::ExternalOneByteStringResource {
 public:
  ExternalOneByte(Isolate* isolate, char* data, size_t length, size_t capacity)
      : isolate_(isolate), data_(data), length_(length), capacity_(capacity) {
    isolate_->AdjustAmountOfExternalAllocatedMemory(static_cast<int64_t>(length_));
  }
  ~ExternalOneByte() override {
    isolate_->AdjustAmountOfExternalAllocatedMemory(-static_cast<int64_t>(length_));
    BlockCache::Get()->Give(data_, capacity_);
  }
  const char* data() const override { return data_; }
  size_t length() const override { return length_; }

 private:
  Isolate* isolate_;
  char* data_;
  size_t length_;
  size_t capacity_;
};

// Results at least this long become external strings.
constexpr size_t kExternalMinLength = 256 * 1024;

void Base64Slice(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  if (length == 0) return args.GetReturnValue().SetEmptyString();
  size_t out_length = (length + 2) / 3 * 4;
  if (!CheckStringLength(isolate, out_length)) return;
  if (out_length >= kExternalMinLength) {
    size_t capacity;
    char* out = static_cast<char*>(BlockCache::Get()->Take(out_length, &capacity));
    if (out == nullptr) return ThrowRangeError(isolate, "out of memory");
    Base64Encode(data, length, reinterpret_cast<uint8_t*>(out));
    auto* resource = new ExternalOneByte(isolate, out, out_length, capacity);
    Local<String> result;
    if (!String::NewExternalOneByte(isolate, resource).ToLocal(&result)) {
      delete resource;  // Not adopted by V8; an exception is pending.
      return;
    }
    return args.GetReturnValue().Set(result);
  }
  Scratch out(out_length);
  Base64Encode(data, length, out.data());
  ReturnString(args, String::NewFromOneByte(isolate, out.data(), NewStringType::kNormal,
                                            static_cast<int>(out_length)));
}

void HexSlice(const FunctionCallbackInfo<Value>& args) {
  static const char kDigits[] = "0123456789abcdef";
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  if (length == 0) return args.GetReturnValue().SetEmptyString();
  if (length > static_cast<size_t>(String::kMaxLength) / 2) {
    return ThrowRangeError(isolate, "string is too long");
  }
  std::string out(length * 2, '\0');
  for (size_t i = 0; i < length; i++) {
    out[2 * i] = kDigits[data[i] >> 4];
    out[2 * i + 1] = kDigits[data[i] & 15];
  }
  ReturnString(args, String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(out.data()),
                                            NewStringType::kNormal, static_cast<int>(out.size())));
}

// ---- Byte lengths ------------------------------------------------------------------------------

void ByteLengthUtf8(const FunctionCallbackInfo<Value>& args) {
  Local<String> string;
  if (!GetString(args, 0, &string)) return;
  // Lone surrogates count as the 3 bytes of U+FFFD, which is what utf8Write stores for them.
  args.GetReturnValue().Set(string->Utf8Length(args.GetIsolate()));
}

void ByteLengthBase64(const FunctionCallbackInfo<Value>& args) {
  Local<String> string;
  if (!GetString(args, 0, &string)) return;
  // With no room at all the decoder only counts.
  size_t total = 0;
  Base64DecodeString(args.GetIsolate(), string, nullptr, 0, &total);
  args.GetReturnValue().Set(static_cast<double>(total));
}

// ---- New Buffers from strings ------------------------------------------------------------------

constexpr int kEncodingUtf8 = 0;
constexpr int kEncodingBase64 = 1;
// Above this many bytes of worst case, utf8 sizes the string first rather than over-allocate.
constexpr size_t kUtf8GuessMax = 64 * 1024 * 1024;

// deleter_data is the block's capacity.
void FreeBackingStore(void* data, size_t, void* capacity) {
  BlockCache::Get()->Give(data, reinterpret_cast<uintptr_t>(capacity));
}

// fromString(string, encoding): a new SlowBuffer (prototype: the callback's data) holding the
// string encoded as utf8 (encoding 0) or decoded from base64 (1). The bytes are written once into
// uninitialized memory sized for the worst case, which is then trimmed: nothing is read from JS
// before every byte of the result has been written.
void FromString(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Local<String> string;
  if (!GetString(args, 0, &string)) return;
  if (!args[1]->IsInt32()) return ThrowTypeError(isolate, "encoding must be an integer");
  int encoding = args[1].As<v8::Int32>()->Value();
  if (encoding != kEncodingUtf8 && encoding != kEncodingBase64) {
    return ThrowRangeError(isolate, "unknown encoding");
  }
  size_t length = static_cast<size_t>(string->Length());
  size_t max;
  if (encoding == kEncodingBase64) {
    max = Base64BytesOfDigits(length);
  } else {
    max = length * 3;
    if (max > kUtf8GuessMax) max = static_cast<size_t>(string->Utf8Length(isolate));
  }
  if (max > static_cast<size_t>(INT_MAX)) {
    return ThrowRangeError(isolate, "Buffer size must not exceed 0x3fffffff bytes");
  }
  std::unique_ptr<v8::BackingStore> store;
  size_t size = 0;
  if (encoding == kEncodingBase64) {
    // Base64's worst case is the size within a few bytes, so the store comes from V8 (which
    // reclaims big dead ones promptly) and is not trimmed. Decoding runs no JS, and the bytes
    // past what was decoded are cleared: nothing uninitialized is reachable through .buffer.
    {
      ArrayBufferAllocator::NoZeroFillScope no_zero_fill;
      store = v8::ArrayBuffer::NewBackingStore(isolate, max);
    }
    uint8_t* data = static_cast<uint8_t*>(store->Data());
    size_t total;
    if (max > 0) size = Base64DecodeString(isolate, string, data, max, &total);
    if (size < max) std::memset(data + size, 0, max - size);
  } else {
    // UTF-8 is written into a block sized for 3 bytes a character, then trimmed.
    size_t capacity;
    uint8_t* data = static_cast<uint8_t*>(BlockCache::Get()->Take(max, &capacity));
    if (data == nullptr) return ThrowRangeError(isolate, "out of memory");
    int chars = 0;
    if (max > 0) size = WriteUtf8(isolate, string, data, max, &chars);
    if (size > 0x3FFFFFFF) {
      BlockCache::Get()->Give(data, capacity);
      return ThrowRangeError(isolate, "Buffer size must not exceed 0x3fffffff bytes");
    }
    if (size < capacity / 2 && capacity >= BlockCache::kMinSize) {
      // Much smaller than the worst case (utf8 of ASCII): trim, in place, rather than hold 3x.
      void* smaller = realloc(data, size == 0 ? 1 : size);
      if (smaller != nullptr) {
        data = static_cast<uint8_t*>(smaller);
        capacity = size == 0 ? 1 : size;
      }
    }
    store = v8::ArrayBuffer::NewBackingStore(
        data, size, FreeBackingStore, reinterpret_cast<void*>(static_cast<uintptr_t>(capacity)));
  }
  Local<v8::ArrayBuffer> array_buffer = v8::ArrayBuffer::New(isolate, std::move(store));
  Local<v8::Uint8Array> array = v8::Uint8Array::New(array_buffer, 0, size);
  if (args.Data()->IsObject() && array->SetPrototype(context, args.Data()).IsNothing()) return;
  args.GetReturnValue().Set(array);
}

// ---- SlowBuffer --------------------------------------------------------------------------------

// new SlowBuffer(length): a zero-filled Uint8Array whose prototype is SlowBuffer.prototype (the
// callback's data). The memory comes from the JS Uint8Array constructor so that a failed
// allocation is a RangeError rather than a fatal out-of-memory.
void SlowBufferNew(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  // v0.6 also refused anything but a number here.
  if (!args[0]->IsNumber()) return ThrowTypeError(isolate, "Bad argument");
  double length = args[0].As<v8::Number>()->Value();
  if (!(length >= 0) || length > 0x3FFFFFFF || length != std::trunc(length)) {
    return ThrowRangeError(isolate, "SlowBuffer length must be an integer in [0, 2^30)");
  }
  Local<Value> ctor_value;
  if (!context->Global()->Get(context, OneByteString(isolate, "Uint8Array")).ToLocal(&ctor_value) ||
      !ctor_value->IsFunction()) {
    return ThrowError(isolate, "Uint8Array is not available");
  }
  Local<Value> argv[] = {v8::Number::New(isolate, length)};
  Local<Object> array;
  if (!ctor_value.As<Function>()->NewInstance(context, 1, argv).ToLocal(&array)) return;
  if (args.Data()->IsObject() && array->SetPrototype(context, args.Data()).IsNothing()) return;
  args.GetReturnValue().Set(array);
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Local<Context> context = env->context();
  Isolate* isolate = context->GetIsolate();
  SetMethod(context, target, "utf8Write", Utf8Write);
  SetMethod(context, target, "ucs2Write", Ucs2Write);
  SetMethod(context, target, "asciiWrite", Latin1Write);
  SetMethod(context, target, "binaryWrite", Latin1Write);
  SetMethod(context, target, "base64Write", Base64Write);
  SetMethod(context, target, "hexWrite", HexWrite);
  SetMethod(context, target, "charsWritten", CharsWritten);
  SetMethod(context, target, "utf8Slice", Utf8Slice);
  SetMethod(context, target, "ucs2Slice", Ucs2Slice);
  SetMethod(context, target, "asciiSlice", AsciiSlice);
  SetMethod(context, target, "binarySlice", BinarySlice);
  SetMethod(context, target, "base64Slice", Base64Slice);
  SetMethod(context, target, "hexSlice", HexSlice);
  SetMethod(context, target, "byteLengthUtf8", ByteLengthUtf8);
  SetMethod(context, target, "byteLengthBase64", ByteLengthBase64);
  SetConstant(context, target, "kMaxLength", 0x3FFFFFFF);
  {
    // A view of last_chars_written. The memory is this thread's, so V8 must not free it.
    std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        &last_chars_written, sizeof(last_chars_written), [](void*, size_t, void*) {}, nullptr);
    Local<v8::ArrayBuffer> slot = v8::ArrayBuffer::New(isolate, std::move(store));
    target->Set(context, OneByteString(isolate, "charsWrittenSlot"),
                v8::Float64Array::New(slot, 0, 1)).Check();
  }

  // SlowBuffer.prototype starts out inheriting from Uint8Array.prototype; buffer.js re-parents
  // it under Buffer.prototype so SlowBuffers get every Buffer method.
  Local<Object> prototype = Object::New(isolate);
  Local<Value> uint8array;
  if (context->Global()->Get(context, OneByteString(isolate, "Uint8Array")).ToLocal(&uint8array) &&
      uint8array->IsFunction()) {
    Local<Value> uint8_proto;
    if (uint8array.As<Function>()
            ->Get(context, OneByteString(isolate, "prototype"))
            .ToLocal(&uint8_proto)) {
      prototype->SetPrototype(context, uint8_proto).Check();
    }
  }
  Local<FunctionTemplate> tmpl = FunctionTemplate::New(isolate, SlowBufferNew, prototype);
  Local<String> name = OneByteString(isolate, "SlowBuffer");
  tmpl->SetClassName(name);
  Local<Function> slow_buffer = tmpl->GetFunction(context).ToLocalChecked();
  slow_buffer->Set(context, OneByteString(isolate, "prototype"), prototype).Check();
  prototype->Set(context, OneByteString(isolate, "constructor"), slow_buffer).Check();
  target->Set(context, name, slow_buffer).Check();
  Local<Function> from_string =
      FunctionTemplate::New(isolate, FromString, prototype)->GetFunction(context).ToLocalChecked();
  target->Set(context, OneByteString(isolate, "fromString"), from_string).Check();
}

}  // namespace buffer
}  // namespace binding
}  // namespace nodus
