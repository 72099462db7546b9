// The codecs at every dispatch level this CPU supports, each against a scalar reference written
// here from the definitions (not from the code under test), at the SIMD group edges (8 and 16
// units, 24 and 32 bytes), at the chunk sizes callers use, and at string ends: lengths 0..~300,
// malformed input, and every capacity that cuts the output short. Each writer must also leave
// every byte past the count it returns untouched (canaries after the reported end).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "runtime/core/encoding/encoding.h"
#include "runtime/core/encoding/internal.h"

namespace nodus {
namespace encoding {
namespace {

constexpr uint8_t kCanary = 0xA5;
constexpr size_t kGuard = 64;  // canary bytes past the room given

using internal::Path;

// Why `level` cannot run here ("" if it can).
std::string Unavailable(Level level) {
  if (static_cast<int>(level) <= static_cast<int>(MaxLevel())) return "";
#if defined(__x86_64__)
  return absl::StrCat("this CPU lacks ", level == Level::kAvx2 ? "AVX2" : "SSE4.1",
                      " (best level here: ", LevelName(MaxLevel()), ")");
#else
  return "the SIMD paths are x86-64 only";
#endif
}

// Each level runs with the codecs capped to it. The build under test counts every SIMD path it
// takes (internal.h), so each test also checks that the paths of its level really ran and that
// those of higher levels never did: a cap that did not hold, or a fast path that the inputs
// never reached, fails the test instead of passing on the scalar code.
class LevelTest : public ::testing::TestWithParam<Level> {
 protected:
  void SetUp() override {
    previous_ = internal::CurrentLevelForTesting();
    std::string why = Unavailable(GetParam());
    if (!why.empty()) GTEST_SKIP() << LevelName(GetParam()) << " not run: " << why;
    internal::SetLevelForTesting(GetParam());
    for (auto& count : internal::path_counts) count.store(0);
  }
  void TearDown() override { internal::SetLevelForTesting(previous_); }

  static uint64_t Count(Path path) { return internal::path_counts[static_cast<int>(path)].load(); }

  // Every path above the level under test ran zero times; each of `wanted` at or below it ran.
  void ExpectPaths(std::initializer_list<Path> wanted) {
    const int level = static_cast<int>(GetParam());
    for (int p = 0; p < static_cast<int>(Path::kCount); p++) {
      Path path = static_cast<Path>(p);
      if (static_cast<int>(internal::PathLevel(path)) > level) {
        EXPECT_EQ(Count(path), 0u) << "path " << p << " ran although capped at "
                                   << LevelName(GetParam());
      }
    }
    for (Path path : wanted) {
      if (static_cast<int>(internal::PathLevel(path)) <= level) {
        EXPECT_GT(Count(path), 0u) << "path " << static_cast<int>(path) << " never ran at "
                                   << LevelName(GetParam());
      }
    }
  }

  Level previous_ = Level::kScalar;
};

std::string LevelParamName(const ::testing::TestParamInfo<Level>& info) {
  std::string name = LevelName(info.param);
  name.erase(std::remove(name.begin(), name.end(), '.'), name.end());
  return name;
}

// Lengths around every block size the SIMD paths use, plus every length up to 300.
std::vector<size_t> EdgeLengths(size_t max = 300) {
  std::vector<size_t> lengths;
  for (size_t n = 0; n <= max; n++) lengths.push_back(n);
  return lengths;
}

// ---- Reference implementations -------------------------------------------------------------

void RefPut(uint32_t cp, std::vector<uint8_t>* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<uint8_t>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<uint8_t>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<uint8_t>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<uint8_t>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<uint8_t>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<uint8_t>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<uint8_t>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<uint8_t>(0x80 | (cp & 0x3F)));
  }
}

// WriteUtf8 with REPLACE_INVALID_UTF8, character by character, with no limit on room: the
// bytes, and after each character the units and bytes up to its end.
struct RefUtf8 {
  std::vector<uint8_t> bytes;
  std::vector<size_t> units_after;
  std::vector<size_t> bytes_after;
};
RefUtf8 RefEncodeAll(const std::vector<uint16_t>& units, bool last_chunk) {
  RefUtf8 ref;
  size_t i = 0;
  while (i < units.size()) {
    uint32_t c = units[i];
    size_t take = 1;
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 1 == units.size()) {
        if (!last_chunk) break;
        c = 0xFFFD;
      } else if (units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (units[i + 1] - 0xDC00);
        take = 2;
      } else {
        c = 0xFFFD;
      }
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    RefPut(c, &ref.bytes);
    i += take;
    ref.units_after.push_back(i);
    ref.bytes_after.push_back(ref.bytes.size());
  }
  return ref;
}

// The reference's result in `capacity` bytes of room: the whole characters that fit. Returns
// their bytes; *consumed is their units.
size_t RefCut(const RefUtf8& ref, size_t capacity, size_t* consumed) {
  // The characters that fit are those whose end is within the room.
  size_t chars = static_cast<size_t>(
      std::upper_bound(ref.bytes_after.begin(), ref.bytes_after.end(), capacity) -
      ref.bytes_after.begin());
  *consumed = chars == 0 ? 0 : ref.units_after[chars - 1];
  return chars == 0 ? 0 : ref.bytes_after[chars - 1];
}

std::vector<uint8_t> RefEncodeUtf16(const std::vector<uint16_t>& units, bool last_chunk,
                                    size_t capacity, size_t* consumed) {
  RefUtf8 ref = RefEncodeAll(units, last_chunk);
  size_t n = RefCut(ref, capacity, consumed);
  return std::vector<uint8_t>(ref.bytes.begin(), ref.bytes.begin() + static_cast<long>(n));
}

// True if out[0, got) is the reference's first `want` bytes.
bool SamePrefix(const RefUtf8& ref, size_t want, const uint8_t* out, size_t got) {
  return got == want && std::equal(ref.bytes.begin(), ref.bytes.begin() + static_cast<long>(want), out);
}

// Strict UTF-8 decoding: the units, or the offset of the first malformed sequence.
struct RefDecoded {
  std::optional<size_t> error_at;
  std::vector<uint16_t> units;
};
RefDecoded RefDecodeStrict(const std::vector<uint8_t>& s) {
  RefDecoded r;
  size_t i = 0;
  while (i < s.size()) {
    uint32_t b = s[i];
    size_t n;
    uint32_t cp, min;
    if (b < 0x80) {
      n = 1, cp = b, min = 0;
    } else if ((b & 0xE0) == 0xC0) {
      n = 2, cp = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
      n = 3, cp = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
      n = 4, cp = b & 0x07, min = 0x10000;
    } else {
      r.error_at = i;
      return r;
    }
    if (i + n > s.size()) {
      r.error_at = i;
      return r;
    }
    for (size_t k = 1; k < n; k++) {
      if ((s[i + k] & 0xC0) != 0x80) {
        r.error_at = i;
        return r;
      }
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      r.error_at = i;
      return r;
    }
    if (cp >= 0x10000) {
      r.units.push_back(static_cast<uint16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      r.units.push_back(static_cast<uint16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      r.units.push_back(static_cast<uint16_t>(cp));
    }
    i += n;
  }
  return r;
}

const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string RefBase64Encode(const std::vector<uint8_t>& data) {
  std::string out;
  for (size_t i = 0; i < data.size(); i += 3) {
    uint32_t v = data[i] << 16;
    size_t n = std::min<size_t>(3, data.size() - i);
    if (n > 1) v |= data[i + 1] << 8;
    if (n > 2) v |= data[i + 2];
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += n > 1 ? kAlphabet[(v >> 6) & 63] : '=';
    out += n > 2 ? kAlphabet[v & 63] : '=';
  }
  return out;
}

// v0.6's lenient decoding: digits of either alphabet, everything else skipped, '=' ends it.
// Returns all the bytes the text holds (the caller cuts at the capacity).
template <typename Char>
std::vector<uint8_t> RefBase64Decode(const std::vector<Char>& text) {
  std::vector<uint8_t> out;
  uint32_t acc = 0;
  int bits = 0;
  for (Char ch : text) {
    uint32_t c = static_cast<uint32_t>(ch);
    int v;
    if (c >= 'A' && c <= 'Z') {
      v = static_cast<int>(c - 'A');
    } else if (c >= 'a' && c <= 'z') {
      v = static_cast<int>(c - 'a' + 26);
    } else if (c >= '0' && c <= '9') {
      v = static_cast<int>(c - '0' + 52);
    } else if (c == '+' || c == '-') {
      v = 62;
    } else if (c == '/' || c == '_') {
      v = 63;
    } else if (c == '=') {
      break;
    } else {
      continue;
    }
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<uint8_t>(acc >> bits));
    }
  }
  return out;
}

// ---- Helpers -------------------------------------------------------------------------------

std::mt19937& Rng() {
  static std::mt19937 rng(20261202);
  return rng;
}

uint32_t Uniform(uint32_t lo, uint32_t hi) {
  return std::uniform_int_distribution<uint32_t>(lo, hi)(Rng());
}

// A destination of `capacity` bytes followed by kGuard canaries, all canaries at first.
struct Dest {
  explicit Dest(size_t capacity) : bytes(capacity + kGuard, kCanary), capacity(capacity) {}
  uint8_t* data() { return bytes.data(); }
  // True if every byte from `written` on (past the reported end, room and guard alike) is
  // still a canary.
  ::testing::AssertionResult UntouchedFrom(size_t written) const {
    for (size_t k = written; k < bytes.size(); k++) {
      if (bytes[k] != kCanary) {
        return ::testing::AssertionFailure()
               << "byte " << k << " past the " << written << " reported (room " << capacity
               << ") was overwritten";
      }
    }
    return ::testing::AssertionSuccess();
  }
  std::vector<uint8_t> bytes;
  size_t capacity;
};

// UTF-16 texts of `n` units in several mixes.
enum class Mix { kAscii, kTwoByte, kThreeByte, kPairs, kLoneSurrogates, kAll };
std::vector<uint16_t> MakeUtf16(size_t n, Mix mix) {
  std::vector<uint16_t> units;
  while (units.size() < n) {
    uint32_t pick = Uniform(0, 9);
    switch (mix) {
      case Mix::kAscii:
        units.push_back(static_cast<uint16_t>(Uniform(0, 0x7F)));
        break;
      case Mix::kTwoByte:
        units.push_back(static_cast<uint16_t>(pick < 6 ? Uniform(0x20, 0x7E) : Uniform(0x80, 0x7FF)));
        break;
      case Mix::kThreeByte:
        units.push_back(static_cast<uint16_t>(pick < 3   ? Uniform(0x20, 0x7E)
                                              : pick < 6 ? Uniform(0x80, 0x7FF)
                                                         : Uniform(0xE000, 0xFFFF)));
        break;
      case Mix::kPairs:
        if (pick < 4 && units.size() + 2 <= n) {
          units.push_back(static_cast<uint16_t>(Uniform(0xD800, 0xDBFF)));
          units.push_back(static_cast<uint16_t>(Uniform(0xDC00, 0xDFFF)));
        } else {
          units.push_back(static_cast<uint16_t>(Uniform(0x20, 0x7E)));
        }
        break;
      case Mix::kLoneSurrogates:
        units.push_back(static_cast<uint16_t>(pick < 7 ? Uniform(0x20, 0x7E) : Uniform(0xD800, 0xDFFF)));
        break;
      case Mix::kAll:
        units.push_back(static_cast<uint16_t>(Uniform(0, 0xFFFF)));
        break;
    }
  }
  return units;
}

// Room sizes to try for an output of `full` bytes: every size up to 40, those around the full
// size and the SIMD paths' 32-byte margin, and a few at random.
std::vector<size_t> Capacities(size_t full) {
  std::vector<size_t> caps;
  for (size_t c = 0; c <= std::min<size_t>(full, 40); c++) caps.push_back(c);
  for (size_t d = 0; d <= 36; d++) {
    if (full >= d) caps.push_back(full - d);
  }
  caps.push_back(full + 1);
  caps.push_back(full + 40);
  for (int k = 0; k < 6 && full > 0; k++) caps.push_back(Uniform(0, static_cast<uint32_t>(full)));
  std::sort(caps.begin(), caps.end());
  caps.erase(std::unique(caps.begin(), caps.end()), caps.end());
  return caps;
}

// ---- UTF-8 encoding ------------------------------------------------------------------------

TEST_P(LevelTest, Utf16ToUtf8MatchesReferenceAtEveryLengthAndRoom) {
  for (Mix mix : {Mix::kAscii, Mix::kTwoByte, Mix::kThreeByte, Mix::kPairs, Mix::kLoneSurrogates,
                  Mix::kAll}) {
    for (size_t n : EdgeLengths()) {
      std::vector<uint16_t> units = MakeUtf16(n, mix);
      // A lead surrogate at the very end, sometimes: the chunk edge case.
      if (n > 0 && Uniform(0, 3) == 0) units[n - 1] = 0xD83D;
      for (bool last : {true, false}) {
        RefUtf8 ref = RefEncodeAll(units, last);
        for (size_t cap : Capacities(ref.bytes.size())) {
          size_t want_consumed;
          size_t want = RefCut(ref, cap, &want_consumed);
          Dest dest(cap);
          size_t consumed = 12345;
          size_t got = EncodeUtf16Chunk(units.data(), units.size(), last, dest.data(), cap,
                                        &consumed);
          ASSERT_TRUE(SamePrefix(ref, want, dest.data(), got) && consumed == want_consumed)
              << "mix " << static_cast<int>(mix) << " n " << n << " last " << last << " room "
              << cap << ": " << got << " bytes for " << consumed << " units, want " << want
              << " for " << want_consumed;
          ASSERT_TRUE(dest.UntouchedFrom(got));
        }
      }
    }
  }
  ExpectPaths({Path::kUtf16AsciiSse2, Path::kUtf16Sse41});
}

// The callers' chunk size (4096 units) and a long text with every kind of unit, whole.
TEST_P(LevelTest, Utf16ToUtf8LongTexts) {
  for (size_t n : {size_t{4095}, size_t{4096}, size_t{4097}, size_t{100000}}) {
    for (Mix mix : {Mix::kThreeByte, Mix::kPairs, Mix::kAll}) {
      std::vector<uint16_t> units = MakeUtf16(n, mix);
      size_t want_consumed;
      std::vector<uint8_t> want = RefEncodeUtf16(units, true, SIZE_MAX, &want_consumed);
      for (size_t cap : {want.size(), want.size() / 2, want.size() - 1}) {
        size_t ref_consumed;
        std::vector<uint8_t> ref = RefEncodeUtf16(units, true, cap, &ref_consumed);
        Dest dest(cap);
        size_t consumed;
        size_t got = EncodeUtf16Chunk(units.data(), n, true, dest.data(), cap, &consumed);
        ASSERT_EQ(got, ref.size()) << n;
        ASSERT_EQ(consumed, ref_consumed);
        ASSERT_TRUE(std::equal(ref.begin(), ref.end(), dest.bytes.begin()));
        ASSERT_TRUE(dest.UntouchedFrom(got));
      }
      EXPECT_EQ(Utf8LengthOfUtf16(units.data(), n), want.size());
      std::string whole = Utf16ToUtf8(units.data(), n);
      EXPECT_EQ(whole, std::string(want.begin(), want.end()));
    }
  }
  ExpectPaths({Path::kUtf16Sse41});
}

TEST_P(LevelTest, Latin1ToUtf8MatchesReference) {
  for (size_t n : EdgeLengths()) {
    std::vector<uint8_t> in(n);
    std::vector<uint16_t> as_units(n);
    for (size_t k = 0; k < n; k++) {
      in[k] = static_cast<uint8_t>(Uniform(0, 3) == 0 ? Uniform(0x80, 0xFF) : Uniform(0, 0x7F));
      as_units[k] = in[k];
    }
    RefUtf8 ref = RefEncodeAll(as_units, true);
    size_t full = ref.bytes.size();
    for (size_t cap : Capacities(full)) {
      size_t want_consumed;
      size_t want = RefCut(ref, cap, &want_consumed);
      Dest dest(cap);
      size_t consumed;
      size_t got = EncodeLatin1Chunk(in.data(), n, dest.data(), cap, &consumed);
      ASSERT_TRUE(SamePrefix(ref, want, dest.data(), got) && consumed == want_consumed)
          << n << " " << cap;
      ASSERT_TRUE(dest.UntouchedFrom(got));
    }
    std::string whole = Latin1ToUtf8(in.data(), n);
    ASSERT_EQ(whole.size(), full);
    // FirstNonAscii, with the first high byte at every position.
    size_t first = 0;
    while (first < n && in[first] < 0x80) first++;
    ASSERT_EQ(FirstNonAscii(in.data(), n), first);
  }
  for (size_t n = 0; n <= 100; n++) {
    for (size_t at = 0; at <= n; at++) {
      std::vector<uint8_t> in(n, 'a');
      if (at < n) in[at] = 0x80;
      ASSERT_EQ(FirstNonAscii(in.data(), n), at);
    }
  }
  ExpectPaths({Path::kFirstNonAsciiSse2});
}

// Whole texts read a chunk at a time, as buffer.cc reads V8 strings, with chunk sizes that put
// the chunk edges inside SIMD groups and between the halves of surrogate pairs. The result must
// be the reference's for the whole text (last chunk or not, a pair split by an edge is one
// character) at every room, with nothing past the reported bytes touched; for one-byte texts
// that covers the raw copy EncodeLatin1Text makes first.
template <size_t kChunk>
void CheckUtf16Text(const std::vector<uint16_t>& units) {
  RefUtf8 ref = RefEncodeAll(units, true);
  size_t reads_past_end = 0;
  auto read = [&](size_t start, size_t count, uint16_t* into) {
    if (start + count > units.size()) reads_past_end++;
    std::copy(units.begin() + static_cast<long>(start),
              units.begin() + static_cast<long>(start + count), into);
  };
  for (size_t cap : Capacities(ref.bytes.size())) {
    size_t want_consumed;
    size_t want = RefCut(ref, cap, &want_consumed);
    Dest dest(cap);
    size_t consumed = 12345;
    size_t got = EncodeUtf16Text<kChunk>(units.size(), read, dest.data(), cap, &consumed);
    ASSERT_TRUE(SamePrefix(ref, want, dest.data(), got) && consumed == want_consumed)
        << "chunk " << kChunk << " n " << units.size() << " room " << cap;
    ASSERT_TRUE(dest.UntouchedFrom(got));
  }
  ASSERT_EQ(reads_past_end, 0u);
}

template <size_t kChunk>
void CheckLatin1Text(const std::vector<uint8_t>& chars) {
  std::vector<uint16_t> as_units(chars.begin(), chars.end());
  RefUtf8 ref = RefEncodeAll(as_units, true);
  auto read = [&](size_t start, size_t count, uint8_t* into) {
    ASSERT_LE(start + count, chars.size());
    std::copy(chars.begin() + static_cast<long>(start),
              chars.begin() + static_cast<long>(start + count), into);
  };
  for (size_t cap : Capacities(ref.bytes.size())) {
    size_t want_consumed;
    size_t want = RefCut(ref, cap, &want_consumed);
    Dest dest(cap);
    size_t consumed = 12345;
    size_t got = EncodeLatin1Text<kChunk>(chars.size(), read, dest.data(), cap, &consumed);
    ASSERT_TRUE(SamePrefix(ref, want, dest.data(), got) && consumed == want_consumed)
        << "chunk " << kChunk << " n " << chars.size() << " room " << cap;
    ASSERT_TRUE(dest.UntouchedFrom(got));
  }
}

TEST_P(LevelTest, Utf16TextAcrossChunkEdges) {
  for (Mix mix : {Mix::kAscii, Mix::kThreeByte, Mix::kPairs, Mix::kLoneSurrogates, Mix::kAll}) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{23}, size_t{24}, size_t{25},
                     size_t{47}, size_t{48}, size_t{49}, size_t{100}, size_t{200}}) {
      std::vector<uint16_t> units = MakeUtf16(n, mix);
      ASSERT_NO_FATAL_FAILURE(CheckUtf16Text<2>(units));
      ASSERT_NO_FATAL_FAILURE(CheckUtf16Text<3>(units));
      ASSERT_NO_FATAL_FAILURE(CheckUtf16Text<24>(units));
      ASSERT_NO_FATAL_FAILURE(CheckUtf16Text<25>(units));
      ASSERT_NO_FATAL_FAILURE(CheckUtf16Text<32>(units));
      ASSERT_NO_FATAL_FAILURE(CheckUtf16Text<4096>(units));
    }
  }
  // Pairs that straddle every edge of a 4096-unit chunk (buffer.cc's size): a text of pairs
  // shifted by one unit, so that the chunk ends between the halves of a pair.
  for (size_t shift : {0, 1}) {
    std::vector<uint16_t> units(shift, 'x');
    while (units.size() < 3 * 4096 + 10) {
      units.push_back(0xD83D);
      units.push_back(0xDE00);
    }
    ASSERT_NO_FATAL_FAILURE(CheckUtf16Text<4096>(units));
  }
  ExpectPaths({Path::kUtf16AsciiSse2, Path::kUtf16Sse41});
}

TEST_P(LevelTest, Latin1TextAcrossChunkEdges) {
  for (size_t n : {size_t{0}, size_t{1}, size_t{15}, size_t{16}, size_t{17}, size_t{40},
                   size_t{100}, size_t{300}}) {
    for (int high_every : {0, 1, 3, 50}) {
      std::vector<uint8_t> chars(n);
      for (size_t k = 0; k < n; k++) {
        bool high = high_every > 0 && Uniform(0, static_cast<uint32_t>(high_every) - 1) == 0;
        chars[k] = static_cast<uint8_t>(high ? Uniform(0x80, 0xFF) : Uniform(0x20, 0x7E));
      }
      ASSERT_NO_FATAL_FAILURE(CheckLatin1Text<1>(chars));
      ASSERT_NO_FATAL_FAILURE(CheckLatin1Text<7>(chars));
      ASSERT_NO_FATAL_FAILURE(CheckLatin1Text<16>(chars));
      ASSERT_NO_FATAL_FAILURE(CheckLatin1Text<4096>(chars));
    }
  }
  ExpectPaths({Path::kFirstNonAsciiSse2});
}

// ---- UTF-8 decoding ------------------------------------------------------------------------

std::vector<uint8_t> Utf8Of(const std::vector<uint16_t>& units) {
  size_t consumed;
  return RefEncodeUtf16(units, true, SIZE_MAX, &consumed);
}

void CheckStrict(const std::vector<uint8_t>& bytes) {
  RefDecoded want = RefDecodeStrict(bytes);
  std::vector<uint16_t> out(bytes.size() + 1, 0xBEEF);
  uint32_t max_unit = 0xFFFFFFFF;
  size_t error_at = SIZE_MAX;
  std::optional<size_t> got =
      DecodeUtf8Strict(bytes.data(), bytes.size(), out.data(), &max_unit, &error_at);
  // The validator gives the decoder's verdict, and the same offset.
  size_t valid_error_at = SIZE_MAX;
  bool valid = IsValidUtf8(bytes.data(), bytes.size(), &valid_error_at);
  EXPECT_EQ(valid, !want.error_at.has_value());
  if (want.error_at.has_value()) {
    ASSERT_FALSE(got.has_value()) << "accepted malformed input, " << bytes.size() << " bytes";
    EXPECT_EQ(error_at, *want.error_at);
    EXPECT_EQ(valid_error_at, *want.error_at);
    return;
  }
  EXPECT_EQ(valid_error_at, SIZE_MAX);  // untouched on success
  ASSERT_TRUE(got.has_value()) << "rejected at byte " << error_at;
  EXPECT_EQ(error_at, SIZE_MAX);  // untouched on success
  ASSERT_EQ(*got, want.units.size());
  ASSERT_TRUE(std::equal(want.units.begin(), want.units.end(), out.begin()));
  EXPECT_EQ(out[*got], 0xBEEF);  // nothing past the reported units
  uint32_t all = 0;
  for (uint16_t u : want.units) all |= u;
  // max_unit is an upper bound that tells Latin-1 from the rest exactly.
  EXPECT_EQ(max_unit < 0x100, all < 0x100);
  EXPECT_EQ(max_unit == 0, all < 0x80);
}

TEST_P(LevelTest, Utf8StrictDecodeMatchesReference) {
  for (Mix mix : {Mix::kAscii, Mix::kTwoByte, Mix::kThreeByte, Mix::kPairs}) {
    for (size_t n : EdgeLengths()) {
      std::vector<uint8_t> bytes = Utf8Of(MakeUtf16(n, mix));
      SCOPED_TRACE(absl::StrCat("mix ", static_cast<int>(mix), " n ", n));
      CheckStrict(bytes);
      if (bytes.empty()) continue;
      // One malformation at a random place (and at the ends).
      static const std::vector<std::vector<uint8_t>> kBad = {
          {0x80},             {0xBF},             {0xC0, 0xAF},       {0xC1, 0xBF},
          {0xE0, 0x80, 0xAF}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, {0xF0, 0x8F, 0xBF, 0xBF},
          {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xFF}, {0xE2, 0x82},
          {0xF0, 0x9F, 0x98}, {0xC3}};
      for (size_t at : {size_t{0}, bytes.size(), static_cast<size_t>(Uniform(0, static_cast<uint32_t>(bytes.size())))}) {
        const std::vector<uint8_t>& bad = kBad[Uniform(0, static_cast<uint32_t>(kBad.size() - 1))];
        // Insert at a character boundary so the text before stays valid.
        size_t k = at;
        while (k < bytes.size() && (bytes[k] & 0xC0) == 0x80) k++;
        std::vector<uint8_t> broken(bytes.begin(), bytes.begin() + k);
        broken.insert(broken.end(), bad.begin(), bad.end());
        broken.insert(broken.end(), bytes.begin() + k, bytes.end());
        CheckStrict(broken);
        // Truncated at every byte of the last few characters.
        std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<long>(bytes.size() - 1));
        CheckStrict(cut);
      }
    }
  }
  ExpectPaths({Path::kUtf8DecodeSse2});
}

// Each kind of malformed sequence, after runs of ASCII of every length up to 40 (so that it is
// found by the 8- and 16-byte ASCII scans as well as byte by byte) and before more text: the
// validator refuses it at its offset, as the strict decoder does.
TEST_P(LevelTest, Utf8ValidationRefusesEachMalformation) {
  struct Case {
    const char* what;
    std::vector<uint8_t> bytes;
  };
  const std::vector<Case> kCases = {
      {"overlong 2-byte", {0xC0, 0xAF}},
      {"overlong 2-byte (C1)", {0xC1, 0xBF}},
      {"overlong 3-byte", {0xE0, 0x80, 0xAF}},
      {"overlong 3-byte, highest", {0xE0, 0x9F, 0xBF}},
      {"overlong 4-byte", {0xF0, 0x8F, 0xBF, 0xBF}},
      {"lead surrogate", {0xED, 0xA0, 0x80}},
      {"trail surrogate", {0xED, 0xBF, 0xBF}},
      {"surrogate pair as two sequences", {0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80}},
      {"truncated 2-byte", {0xC3}},
      {"truncated 3-byte", {0xE2, 0x82}},
      {"truncated 4-byte", {0xF0, 0x9F, 0x98}},
      {"above U+10FFFF", {0xF4, 0x90, 0x80, 0x80}},
      {"above U+10FFFF, F5 lead", {0xF5, 0x80, 0x80, 0x80}},
      {"lone continuation byte", {0x80}},
      {"FF", {0xFF}},
  };
  for (const Case& bad : kCases) {
    for (size_t ascii = 0; ascii <= 40; ascii++) {
      SCOPED_TRACE(absl::StrCat(bad.what, " after ", ascii, " ASCII bytes"));
      std::vector<uint8_t> text(ascii, 'a');
      text.insert(text.end(), bad.bytes.begin(), bad.bytes.end());
      // Truncation only shows at the end; the others are followed by valid text.
      std::vector<uint8_t> at_end = text;
      size_t error_at = SIZE_MAX;
      EXPECT_FALSE(IsValidUtf8(at_end.data(), at_end.size(), &error_at));
      EXPECT_EQ(error_at, ascii);
      text.insert(text.end(), {'z', 0xC3, 0xA9, 'z'});
      error_at = SIZE_MAX;
      EXPECT_FALSE(IsValidUtf8(text.data(), text.size(), &error_at));
      EXPECT_EQ(error_at, ascii);
      CheckStrict(text);
    }
  }
  // The boundaries that are valid: the smallest and largest of each length, and the code points
  // beside the surrogates.
  for (std::string_view ok : {std::string_view("\x7f"), std::string_view("\xc2\x80"),
                              std::string_view("\xdf\xbf"), std::string_view("\xe0\xa0\x80"),
                              std::string_view("\xed\x9f\xbf"), std::string_view("\xee\x80\x80"),
                              std::string_view("\xef\xbf\xbf"),
                              std::string_view("\xf0\x90\x80\x80"),
                              std::string_view("\xf4\x8f\xbf\xbf")}) {
    for (size_t ascii = 0; ascii <= 40; ascii++) {
      std::string text = std::string(ascii, 'a') + std::string(ok);
      EXPECT_TRUE(IsValidUtf8(text)) << ascii << " ASCII bytes, then " << ok.size() << " bytes";
    }
  }
  EXPECT_TRUE(IsValidUtf8(std::string_view()));
  EXPECT_TRUE(IsValidUtf8(nullptr, 0));
  EXPECT_TRUE(IsValidUtf8("plain \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
  // A NUL is a character like any other.
  EXPECT_TRUE(IsValidUtf8(std::string_view("a\0b", 3)));
  ExpectPaths({Path::kUtf8DecodeSse2});
}

TEST(Utf8, LenientDecodeReplacesEachMalformedSequence) {
  auto u16 = [](std::string_view s) { return Utf8ToUtf16(s); };
  EXPECT_EQ(u16(""), u"");
  EXPECT_EQ(u16("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), u"caf\u00e9 \u20ac \U0001F600");
  EXPECT_EQ(u16("a\x80z"), u"a\uFFFDz");
  EXPECT_EQ(u16("\xe2\x82z"), u"\uFFFDz");          // truncated: one U+FFFD, then 'z'
  EXPECT_EQ(u16("\xed\xa0\x80"), u"\uFFFD\uFFFD\uFFFD");  // a surrogate is not UTF-8
  EXPECT_EQ(u16("\xc0\xaf"), u"\uFFFD\uFFFD");      // overlong
  EXPECT_EQ(u16("\xf4\x90\x80\x80"), u"\uFFFD\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(u16("\xf0\x9f\x98"), u"\uFFFD");
  // Round trip of valid text of every kind.
  std::vector<uint16_t> units = MakeUtf16(5000, Mix::kPairs);
  std::vector<uint16_t> more = MakeUtf16(5000, Mix::kThreeByte);
  units.insert(units.end(), more.begin(), more.end());
  std::string utf8 = Utf16ToUtf8(units.data(), units.size());
  std::u16string back = Utf8ToUtf16(utf8);
  ASSERT_EQ(back.size(), units.size());
  EXPECT_TRUE(std::equal(units.begin(), units.end(), back.begin()));
  // Lone surrogates become U+FFFD on the way out.
  const uint16_t lone[] = {'a', 0xDC00, 'b', 0xD800};
  EXPECT_EQ(Utf16ToUtf8(lone, 4), "a\xef\xbf\xbd" "b\xef\xbf\xbd");
  std::string appended;
  for (uint32_t cp : {0x24u, 0xA2u, 0x20ACu, 0x10348u}) AppendUtf8(cp, &appended);
  EXPECT_EQ(appended, "$\xc2\xa2\xe2\x82\xac\xf0\x90\x8d\x88");
}

// ---- Base64 --------------------------------------------------------------------------------

std::vector<uint8_t> RandomBytes(size_t n) {
  std::vector<uint8_t> data(n);
  for (uint8_t& b : data) b = static_cast<uint8_t>(Uniform(0, 255));
  return data;
}

TEST_P(LevelTest, Base64EncodeMatchesReference) {
  std::vector<size_t> lengths = EdgeLengths();
  for (size_t n : {size_t{1000}, size_t{4096}, size_t{65536 + 7}, size_t{1 << 20}}) lengths.push_back(n);
  for (size_t n : lengths) {
    std::vector<uint8_t> data = RandomBytes(n);
    std::string want = RefBase64Encode(data);
    ASSERT_EQ(Base64EncodedLength(n), want.size());
    Dest dest(want.size());
    Base64Encode(data.data(), n, dest.data());
    ASSERT_EQ(std::string(dest.bytes.begin(), dest.bytes.begin() + static_cast<long>(want.size())), want) << n;
    ASSERT_TRUE(dest.UntouchedFrom(want.size()));
  }
  ExpectPaths({Path::kBase64EncodeAvx2});
}

// Decodes `text` fed in pieces cut at `cuts` into room for `cap` bytes, and checks it against
// the reference.
template <typename Char>
void CheckBase64Decode(const std::vector<Char>& text, size_t cap, size_t offset,
                       const std::vector<size_t>& cuts) {
  std::vector<uint8_t> all = RefBase64Decode(text);
  size_t want = std::min(all.size(), cap);
  // `offset` misaligns the destination (the AVX2 streaming path aligns itself).
  Dest dest(cap + offset);
  Base64Decoder decoder(dest.data() + offset, cap);
  size_t from = 0;
  for (size_t cut : cuts) {
    if (cut < from || cut > text.size()) continue;
    decoder.Feed(text.data() + from, cut - from);
    from = cut;
  }
  decoder.Feed(text.data() + from, text.size() - from);
  ASSERT_EQ(decoder.written(), want) << "text " << text.size() << " room " << cap;
  ASSERT_EQ(decoder.total(), all.size());
  ASSERT_TRUE(std::equal(all.begin(), all.begin() + static_cast<long>(want),
                         dest.bytes.begin() + static_cast<long>(offset)));
  for (size_t k = 0; k < offset; k++) ASSERT_EQ(dest.bytes[k], kCanary);
  ASSERT_TRUE(dest.UntouchedFrom(offset + want));
}

// Turns clean base64 into each of the forms lenient decoding accepts or skips.
std::string Variant(const std::string& clean, int kind) {
  std::string s;
  switch (kind) {
    case 0:
      return clean;
    case 1: {  // no padding
      s = clean;
      while (!s.empty() && s.back() == '=') s.pop_back();
      return s;
    }
    case 2:  // line breaks every 76 and stray whitespace
      for (size_t k = 0; k < clean.size(); k++) {
        if (k > 0 && k % 76 == 0) s += "\r\n";
        if (Uniform(0, 40) == 0) s += ' ';
        s += clean[k];
      }
      return s;
    case 3:  // URL-safe alphabet
      for (char c : clean) s += c == '+' ? '-' : c == '/' ? '_' : c;
      return s;
    case 4:  // garbage characters sprinkled in
      for (char c : clean) {
        if (Uniform(0, 20) == 0) s += "*\x01\x7f\xff"[Uniform(0, 3)];
        s += c;
      }
      return s;
    default: {  // an '=' in the middle, and data after it
      s = clean;
      if (!s.empty()) s.insert(Uniform(0, static_cast<uint32_t>(s.size())), "=");
      return s + "QUJD";
    }
  }
}

TEST_P(LevelTest, Base64DecodeMatchesReference) {
  for (size_t n : EdgeLengths(240)) {
    std::string clean = RefBase64Encode(RandomBytes(n));
    for (int kind = 0; kind <= 5; kind++) {
      std::string s = Variant(clean, kind);
      std::vector<uint8_t> narrow(s.begin(), s.end());
      std::vector<uint16_t> wide(s.begin(), s.end());
      for (uint16_t& c : wide) c = static_cast<uint8_t>(c);
      if (kind == 4 && !wide.empty()) wide[wide.size() / 2] = 0x4141;  // a wide char: skipped
      size_t full = RefBase64Decode(narrow).size();
      std::vector<size_t> cuts = {s.size() / 3, s.size() / 3 + 1, 2 * s.size() / 3};
      SCOPED_TRACE(absl::StrCat("n ", n, " kind ", kind));
      for (size_t cap : {full, full + 8, full > 0 ? full - 1 : 0, full / 2, size_t{0}}) {
        CheckBase64Decode(narrow, cap, 0, {});
        CheckBase64Decode(narrow, cap, 5, cuts);
        CheckBase64Decode(wide, cap, 3, cuts);
      }
    }
  }
  ExpectPaths({Path::kBase64DecodeAvx2});
}

// Big enough for the AVX2 decoder's streaming stores (512 KB of room), at every alignment.
TEST_P(LevelTest, Base64DecodeLarge) {
  std::vector<uint8_t> data = RandomBytes((1 << 20) + 5);
  std::string s = RefBase64Encode(data);
  std::vector<uint8_t> text(s.begin(), s.end());
  for (size_t offset : {0, 1, 8, 13, 24, 31}) {
    CheckBase64Decode(text, data.size(), offset, {});
    CheckBase64Decode(text, data.size() - 100, offset, {text.size() / 2 + 1});
  }
  // A line break every 76 characters: the fast paths stop at each, and start again.
  std::string wrapped = Variant(s.substr(0, 200000), 2);
  CheckBase64Decode(std::vector<uint8_t>(wrapped.begin(), wrapped.end()), 1 << 20, 0, {});
  ExpectPaths({Path::kBase64DecodeAvx2, Path::kBase64StreamAvx2});
}

// ---- Hex, UCS-2, one-byte ------------------------------------------------------------------

TEST(Hex, EncodeAndDecodeStopAtTheFirstBadPair) {
  for (size_t n : EdgeLengths(80)) {
    std::vector<uint8_t> data = RandomBytes(n);
    Dest hex(2 * n);
    HexEncode(data.data(), n, hex.data());
    ASSERT_TRUE(hex.UntouchedFrom(2 * n));
    std::string text(hex.bytes.begin(), hex.bytes.begin() + static_cast<long>(2 * n));
    for (char c : text) ASSERT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    // Upper case decodes too; an odd last digit is ignored by the lenient form.
    std::string upper = text;
    for (char& c : upper) c = static_cast<char>(toupper(c));
    for (const std::string& t : {text, upper, text + "f"}) {
      Dest out(n);
      std::vector<uint16_t> wide(t.begin(), t.end());
      ASSERT_EQ(HexDecode(reinterpret_cast<const uint8_t*>(t.data()), t.size() / 2, out.data()), n);
      ASSERT_TRUE(std::equal(data.begin(), data.end(), out.bytes.begin()));
      ASSERT_TRUE(out.UntouchedFrom(n));
      Dest out16(n);
      ASSERT_EQ(HexDecode(wide.data(), wide.size() / 2, out16.data()), n);
      ASSERT_EQ(out.bytes, out16.bytes);
    }
    // A bad digit at every position: the pairs before it, and nothing after.
    for (size_t at = 0; at < text.size(); at++) {
      for (char bad : {'g', 'G', ' ', '\0', 'x'}) {
        std::string t = text;
        t[at] = bad;
        Dest out(n);
        size_t got = HexDecode(reinterpret_cast<const uint8_t*>(t.data()), n, out.data());
        ASSERT_EQ(got, at / 2);
        ASSERT_TRUE(out.UntouchedFrom(got));
      }
      std::vector<uint16_t> wide(text.begin(), text.end());
      wide[at] = static_cast<uint16_t>(0x100 + '0');  // not '0': high byte set
      Dest out(n);
      ASSERT_EQ(HexDecode(wide.data(), n, out.data()), at / 2);
    }
  }
}

TEST(Ucs2, RoundTripsAnyUnitAtAnyAlignment) {
  for (size_t n : EdgeLengths(64)) {
    std::vector<uint16_t> units = MakeUtf16(n, Mix::kAll);
    for (size_t offset : {0, 1}) {
      Dest bytes(2 * n + offset);
      Ucs2Encode(units.data(), n, bytes.data() + offset);
      ASSERT_TRUE(bytes.UntouchedFrom(2 * n + offset));
      for (size_t k = 0; k < n; k++) {
        ASSERT_EQ(bytes.bytes[offset + 2 * k], units[k] & 0xFF);
        ASSERT_EQ(bytes.bytes[offset + 2 * k + 1], units[k] >> 8);
      }
      std::vector<uint16_t> back(n);
      Ucs2Decode(bytes.data() + offset, n, back.data());
      ASSERT_EQ(back, units);
    }
  }
  std::vector<uint8_t> high = {0x00, 0x7F, 0x80, 0xFF, 0xC3};
  StripHighBit(high.data(), high.size(), high.data());
  EXPECT_EQ(high, (std::vector<uint8_t>{0x00, 0x7F, 0x00, 0x7F, 0x43}));
}

TEST(Dispatch, SetLevelClampsAndRestores) {
  Level before = internal::CurrentLevelForTesting();
  EXPECT_EQ(before, MaxLevel());
  Level old = internal::SetLevelForTesting(Level::kAvx2);
  EXPECT_EQ(old, before);
  EXPECT_EQ(internal::CurrentLevelForTesting(), MaxLevel());  // clamped
  internal::SetLevelForTesting(Level::kScalar);
  EXPECT_EQ(internal::CurrentLevelForTesting(), Level::kScalar);
  internal::SetLevelForTesting(before);
#if defined(__x86_64__)
  EXPECT_GE(static_cast<int>(MaxLevel()), static_cast<int>(Level::kSse2));
#endif
}

// All four levels, whatever the CPU: the ones it lacks show up as skipped, with the reason.
INSTANTIATE_TEST_SUITE_P(EveryLevel, LevelTest,
                         ::testing::Values(Level::kScalar, Level::kSse2, Level::kSse41,
                                           Level::kAvx2),
                         LevelParamName);

}  // namespace
}  // namespace encoding
}  // namespace nodus
