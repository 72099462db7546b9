// Hex, UCS-2 and one-byte helpers (encoding.h). Short loops: the compiler vectorises what is
// worth it, and none of these shows up in the benchmarks.
#include <cstdint>
#include <cstring>

#include "runtime/core/encoding/encoding.h"

namespace nodus {
namespace encoding {
namespace {

// The value of a hex digit, or -1.
template <typename Char>
inline int HexDigit(Char c) {
  uint32_t u = static_cast<uint32_t>(c);
  if (u >= '0' && u <= '9') return static_cast<int>(u - '0');
  if (u >= 'a' && u <= 'f') return static_cast<int>(u - 'a' + 10);
  if (u >= 'A' && u <= 'F') return static_cast<int>(u - 'A' + 10);
  return -1;
}

template <typename Char>
size_t HexDecodeImpl(const Char* chars, size_t pairs, uint8_t* dest) {
  size_t written = 0;
  for (; written < pairs; written++) {
    int high = HexDigit(chars[2 * written]);
    int low = HexDigit(chars[2 * written + 1]);
    if (high < 0 || low < 0) break;
    dest[written] = static_cast<uint8_t>(high * 16 + low);
  }
  return written;
}

}  // namespace

void HexEncode(const uint8_t* data, size_t length, uint8_t* out) {
  static const char kDigits[] = "0123456789abcdef";
  for (size_t i = 0; i < length; i++) {
    out[2 * i] = static_cast<uint8_t>(kDigits[data[i] >> 4]);
    out[2 * i + 1] = static_cast<uint8_t>(kDigits[data[i] & 15]);
  }
}

size_t HexDecode(const uint8_t* chars, size_t pairs, uint8_t* dest) {
  return HexDecodeImpl(chars, pairs, dest);
}

size_t HexDecode(const uint16_t* chars, size_t pairs, uint8_t* dest) {
  return HexDecodeImpl(chars, pairs, dest);
}

void Ucs2Encode(const uint16_t* units, size_t count, uint8_t* out) {
  for (size_t i = 0; i < count; i++) {
    out[2 * i] = static_cast<uint8_t>(units[i] & 0xFF);
    out[2 * i + 1] = static_cast<uint8_t>(units[i] >> 8);
  }
}

void Ucs2Decode(const uint8_t* in, size_t count, uint16_t* units) {
  for (size_t i = 0; i < count; i++) {
    units[i] = static_cast<uint16_t>(in[2 * i] | (in[2 * i + 1] << 8));
  }
}

void StripHighBit(const uint8_t* in, size_t count, uint8_t* out) {
  for (size_t i = 0; i < count; i++) out[i] = in[i] & 0x7F;
}

}  // namespace encoding
}  // namespace nodus
