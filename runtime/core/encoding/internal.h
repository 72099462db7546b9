// Shared by the codec sources (and, for the path counts, by encoding_test) only.
#ifndef NODUS_RUNTIME_CORE_ENCODING_INTERNAL_H_
#define NODUS_RUNTIME_CORE_ENCODING_INTERNAL_H_

#include <atomic>
#include <cstdint>

#include "runtime/core/encoding/encoding.h"

namespace nodus {
namespace encoding {
namespace internal {

extern std::atomic<int> current_level;

// The level for this call, read once at its start.
inline int Now() { return current_level.load(std::memory_order_relaxed); }
// True if paths needing `level` may run at `current`.
inline bool Allows(int current, encoding::Level level) {
  return current >= static_cast<int>(level);
}

// The SIMD paths, each counted (in the test build only) every time it does work, so that the
// test can tell that a level's paths really ran, and that a capped level's never did.
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

#if defined(NODUS_ENCODING_COUNT_PATHS)
// Defined in dispatch.cc; only the testonly :encoding_counted build has them.
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
