// The dispatch level shared by the codecs (encoding.h, internal.h).
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
#if defined(NODUS_ENCODING_TESTING)
std::atomic<int> current_level{static_cast<int>(kMaxLevel)};
std::atomic<uint64_t> path_counts[static_cast<int>(Path::kCount)];

Level SetLevelForTesting(Level level) {
  if (static_cast<int>(level) > static_cast<int>(kMaxLevel)) level = kMaxLevel;
  if (static_cast<int>(level) < 0) level = Level::kScalar;
  return static_cast<Level>(current_level.exchange(static_cast<int>(level)));
}

Level CurrentLevelForTesting() { return static_cast<Level>(current_level.load()); }
#else
const int max_level = static_cast<int>(kMaxLevel);
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

}  // namespace encoding
}  // namespace nodus
