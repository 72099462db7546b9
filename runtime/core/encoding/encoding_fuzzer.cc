// Differential fuzz target for the codecs: every dispatch level this CPU supports must give the
// scalar level's result, byte for byte, on any input, and no writer may touch a byte past the
// count it returns. Round trips check the scalar level itself (base64, hex and UCS-2 are exact;
// UTF-8 is exact for text that decodes strictly).
//
// Input: byte 0 picks the room given to the writers (its low 7 bits, as a fraction of the full
// output) and where the text is cut into two pieces for the base64 decoder (the same value, as a
// fraction of the text); the rest is the data, read as bytes, as Latin-1 text and as UTF-16LE.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "runtime/core/encoding/encoding.h"
#include "runtime/core/encoding/internal.h"

namespace nodus {
namespace encoding {
namespace {

constexpr uint8_t kCanary = 0x5A;
constexpr size_t kGuard = 48;

void Check(bool ok, const char* what, Level level) {
  if (ok) return;
  std::fprintf(stderr, "encoding_fuzzer: %s (level %s)\n", what, LevelName(level));
  std::abort();
}

// One writer's output: the bytes it reports, the count of input it took, and whether the bytes
// after the reported ones (inside the room and past it) were left alone.
struct Written {
  std::vector<uint8_t> bytes;
  size_t consumed = 0;
  bool untouched = true;
  bool operator==(const Written& other) const {
    return bytes == other.bytes && consumed == other.consumed;
  }
};

// Runs write(dest, capacity, &consumed) -> bytes over a canary-filled destination.
template <typename Write>
Written Run(size_t capacity, const Write& write) {
  std::vector<uint8_t> dest(capacity + kGuard, kCanary);
  Written w;
  size_t n = write(dest.data(), capacity, &w.consumed);
  w.bytes.assign(dest.begin(), dest.begin() + static_cast<long>(n));
  for (size_t k = n; k < dest.size(); k++) w.untouched &= dest[k] == kCanary;
  return w;
}

// Everything the codecs give for one input at the current level.
struct Results {
  Written utf16_last, utf16_more, utf16_text_small, utf16_text, latin1_text;
  bool strict_ok = false;
  size_t strict_error_at = 0;
  std::vector<uint16_t> strict_units;
  std::vector<uint8_t> base64;
  Written base64_decoded;
  size_t base64_total = 0;
  std::vector<uint8_t> hex;
  size_t first_non_ascii = 0;
};

Results RunAll(const uint8_t* data, size_t size, uint8_t flags, Level level) {
  Results r;
  std::vector<uint16_t> units(size / 2);
  for (size_t k = 0; k < units.size(); k++) {
    units[k] = static_cast<uint16_t>(data[2 * k] | data[2 * k + 1] << 8);
  }
  auto room = [flags](size_t full) { return full * (flags & 0x7F) / 0x7F; };

  size_t full16 = Utf8LengthOfUtf16(units.data(), units.size());
  size_t cap16 = room(full16);
  r.utf16_last = Run(cap16, [&](uint8_t* out, size_t cap, size_t* consumed) {
    return EncodeUtf16Chunk(units.data(), units.size(), true, out, cap, consumed);
  });
  r.utf16_more = Run(cap16, [&](uint8_t* out, size_t cap, size_t* consumed) {
    return EncodeUtf16Chunk(units.data(), units.size(), false, out, cap, consumed);
  });
  auto read16 = [&](size_t start, size_t count, uint16_t* into) {
    std::memcpy(into, units.data() + start, count * sizeof(uint16_t));
  };
  r.utf16_text_small = Run(cap16, [&](uint8_t* out, size_t cap, size_t* consumed) {
    return EncodeUtf16Text<5>(units.size(), read16, out, cap, consumed);
  });
  r.utf16_text = Run(cap16, [&](uint8_t* out, size_t cap, size_t* consumed) {
    return EncodeUtf16Text(units.size(), read16, out, cap, consumed);
  });
  Check(r.utf16_text_small == r.utf16_last && r.utf16_text == r.utf16_last,
        "a chunked UTF-16 text encodes as one chunk", level);

  size_t full8 = Latin1ToUtf8(data, size).size();
  r.latin1_text = Run(room(full8), [&](uint8_t* out, size_t cap, size_t* consumed) {
    auto read = [&](size_t start, size_t count, uint8_t* into) {
      std::memcpy(into, data + start, count);
    };
    return EncodeLatin1Text<7>(size, read, out, cap, consumed);
  });
  r.first_non_ascii = FirstNonAscii(data, size);

  r.strict_units.assign(size + 1, 0xBEEF);
  uint32_t max_unit = 0;
  std::optional<size_t> decoded =
      DecodeUtf8Strict(data, size, r.strict_units.data(), &max_unit, &r.strict_error_at);
  if (decoded.has_value()) {
    Check(r.strict_units[*decoded] == 0xBEEF, "strict decoding stores past the units it reports",
          level);
  }
  r.strict_ok = decoded.has_value();
  size_t valid_error_at = SIZE_MAX;
  bool valid = IsValidUtf8(data, size, &valid_error_at);
  Check(valid == r.strict_ok && (valid || valid_error_at == r.strict_error_at),
        "IsValidUtf8 and the strict decoder disagree", level);
  r.strict_units.resize(decoded.value_or(0));
  if (r.strict_ok) {
    std::string back = Utf16ToUtf8(r.strict_units.data(), r.strict_units.size());
    Check(back.size() == size && std::memcmp(back.data(), data, size) == 0,
          "well-formed UTF-8 does not round-trip", level);
  }

  r.base64.assign(Base64EncodedLength(size), 0);
  Base64Encode(data, size, r.base64.data());
  {
    std::vector<uint8_t> back(size);
    Base64Decoder decoder(back.data(), size);
    decoder.Feed(r.base64.data(), r.base64.size());
    Check(decoder.written() == size && back == std::vector<uint8_t>(data, data + size),
          "base64 does not round-trip", level);
  }
  // The input as base64 text (mostly junk, skipped), in two pieces, into part of its room.
  size_t cut = size * (flags & 0x7F) / 0x7F;
  size_t full64 = Base64BytesOfDigits(size);
  r.base64_decoded = Run(room(full64), [&](uint8_t* out, size_t cap, size_t* consumed) {
    Base64Decoder decoder(out, cap);
    decoder.Feed(data, cut);
    decoder.Feed(data + cut, size - cut);
    *consumed = decoder.total();
    return decoder.written();
  });
  r.base64_total = r.base64_decoded.consumed;

  r.hex.assign(2 * size, 0);
  HexEncode(data, size, r.hex.data());
  std::vector<uint8_t> back(size);
  Check(HexDecode(r.hex.data(), size, back.data()) == size &&
            back == std::vector<uint8_t>(data, data + size),
        "hex does not round-trip", level);

  std::vector<uint8_t> ucs2(2 * units.size());
  Ucs2Encode(units.data(), units.size(), ucs2.data());
  Check(std::equal(ucs2.begin(), ucs2.end(), data), "UCS-2 does not round-trip", level);

  for (const Written* w : {&r.utf16_last, &r.utf16_more, &r.utf16_text_small, &r.utf16_text,
                           &r.latin1_text, &r.base64_decoded}) {
    Check(w->untouched, "a writer touched a byte past the count it returned", level);
  }
  return r;
}

void CheckSame(const Results& a, const Results& b, Level level) {
  Check(a.utf16_last == b.utf16_last && a.utf16_more == b.utf16_more, "UTF-16 to UTF-8", level);
  Check(a.latin1_text == b.latin1_text, "Latin-1 to UTF-8", level);
  Check(a.first_non_ascii == b.first_non_ascii, "FirstNonAscii", level);
  Check(a.strict_ok == b.strict_ok && a.strict_units == b.strict_units &&
            (a.strict_ok || a.strict_error_at == b.strict_error_at),
        "strict UTF-8 decoding", level);
  Check(a.base64 == b.base64, "base64 encoding", level);
  Check(a.base64_decoded == b.base64_decoded && a.base64_total == b.base64_total,
        "base64 decoding", level);
  Check(a.hex == b.hex, "hex encoding", level);
}

}  // namespace
}  // namespace encoding
}  // namespace nodus

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* input, size_t size) {
  using namespace nodus::encoding;
  if (size == 0) return 0;
  uint8_t flags = input[0];
  const uint8_t* data = input + 1;
  size--;
  Level before = internal::SetLevelForTesting(Level::kScalar);
  Results scalar = RunAll(data, size, flags, Level::kScalar);
  for (int l = 1; l <= static_cast<int>(MaxLevel()); l++) {
    Level level = static_cast<Level>(l);
    internal::SetLevelForTesting(level);
    CheckSame(scalar, RunAll(data, size, flags, level), level);
  }
  internal::SetLevelForTesting(before);
  return 0;
}
