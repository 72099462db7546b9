// The dispatch level shared by the codecs (encoding.h).
#include <atomic>

#include "runtime/core/encoding/encoding.h"
#include "runtime/core/encoding/internal.h"

namespace nodus {
namespace encoding {
namespace {

Level DetectLevel() {
#if defined(__x86_64__)
  // __builtin_cpu_init first: this may run before libgcc's own initializer.
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2")) return Level::kAvx2;
  if (__builtin_cpu_supports("sse4.1")) return Level::kSse41;
  return Level::kSse2;  // part of x86-64
#else
  return Level::kScalar;
#endif
}

const Level kMaxLevel = DetectLevel();

}  // namespace

namespace internal {
// Read once per call by each codec; a relaxed load is a plain load on x86.
std::atomic<int> current_level{static_cast<int>(kMaxLevel)};
#if defined(NODUS_ENCODING_COUNT_PATHS)
std::atomic<uint64_t> path_counts[static_cast<int>(Path::kCount)];
#endif
}  // namespace internal

const char* LevelName(Level level) {
  switch (level) {
    case Level::kScalar:
      return "scalar";
    case Level::kSse2:
      return "sse2";
    case Level::kSse41:
      return "sse4.1";
    case Level::kAvx2:
      return "avx2";
  }
  return "?";
}

Level MaxLevel() { return kMaxLevel; }

Level CurrentLevel() {
  return static_cast<Level>(internal::current_level.load(std::memory_order_relaxed));
}

Level SetLevel(Level level) {
  if (static_cast<int>(level) > static_cast<int>(kMaxLevel)) level = kMaxLevel;
  if (static_cast<int>(level) < 0) level = Level::kScalar;
  return static_cast<Level>(
      internal::current_level.exchange(static_cast<int>(level), std::memory_order_relaxed));
}

}  // namespace encoding
}  // namespace nodus
