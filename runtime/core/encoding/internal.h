// Shared by the codec sources, and by encoding_test through the testonly :encoding_for_test
// build, which defines NODUS_ENCODING_TESTING.
#ifndef NODUS_RUNTIME_CORE_ENCODING_INTERNAL_H_
#define NODUS_RUNTIME_CORE_ENCODING_INTERNAL_H_

#include <atomic>
#include <cstdint>

#include "runtime/core/encoding/encoding.h"

namespace nodus {
namespace encoding {
namespace internal {

#if defined(NODUS_ENCODING_TESTING)
// The level the codecs use: MaxLevel() unless the test capped it.
extern std::atomic<int> current_level;
inline int Now() { return current_level.load(std::memory_order_relaxed); }
#else
// Set once, before main() (a codec called from an earlier static initializer reads 0, the scalar
// level, which is correct too); never written after.
extern const int max_level;
inline int Now() { return max_level; }
#endif

// True if paths needing `level` may run at `current` (a value of Now(), read once per call).
inline bool Allows(int current, encoding::Level level) {
  return current >= static_cast<int>(level);
}

// The SIMD paths. The test build counts each one every time it does work, so that the test can
// tell that a level's paths really ran, and that a capped level's never did.
enum class Path : int {
  kUtf16AsciiSse2,     // EncodeUtf16Chunk: 8 ASCII units at a time
  kUtf16Sse41,         // EncodeUtf16Chunk: groups of 8 units of up to 3 bytes each
  kFirstNonAsciiSse2,  // FirstNonAscii: 16 bytes at a time
  kUtf8DecodeSse2,     // DecodeUtf8Strict: 16 ASCII bytes at a time
  kBase64EncodeAvx2,   // Base64Encode: 24 bytes at a time
  kBase64DecodeAvx2,   // Base64Decoder: 32 digits at a time
  kBase64StreamAvx2,   // Base64Decoder: 128 digits at a time, non-temporal stores
  kCount,
};

// The level each path needs.
constexpr Level PathLevel(Path path) {
  switch (path) {
    case Path::kUtf16AsciiSse2:
    case Path::kFirstNonAsciiSse2:
    case Path::kUtf8DecodeSse2:
      return Level::kSse2;
    case Path::kUtf16Sse41:
      return Level::kSse41;
    default:
      return Level::kAvx2;
  }
}

#if defined(NODUS_ENCODING_TESTING)
// Caps the level at `level` (clamped to MaxLevel()); returns the previous cap. Tests call it
// between cases, never while a codec runs.
Level SetLevelForTesting(Level level);
Level CurrentLevelForTesting();

extern std::atomic<uint64_t> path_counts[static_cast<int>(Path::kCount)];
inline void CountPath(Path path) {
  path_counts[static_cast<int>(path)].fetch_add(1, std::memory_order_relaxed);
}
#else
inline void CountPath(Path) {}
#endif

}  // namespace internal
}  // namespace encoding
}  // namespace nodus

#endif  // NODUS_RUNTIME_CORE_ENCODING_INTERNAL_H_
