// Invariant checks that stay on in release builds. They guard the runtime's own assumptions,
// never values that come from JavaScript: those are checked and turned into thrown errors.
#ifndef RUNTIME_CORE_CHECK_H_
#define RUNTIME_CORE_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define NODUS_STRINGIFY_(x) #x
#define NODUS_STRINGIFY(x) NODUS_STRINGIFY_(x)

#define CHECK(condition)                                                              \
  do {                                                                                \
    if (__builtin_expect(!(condition), 0)) {                                          \
      std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      std::fflush(stderr);                                                            \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

#define CHECK_EQ(a, b) CHECK((a) == (b))
#define CHECK_NE(a, b) CHECK((a) != (b))
#define CHECK_GE(a, b) CHECK((a) >= (b))
#define CHECK_LE(a, b) CHECK((a) <= (b))
#define CHECK_LT(a, b) CHECK((a) < (b))
#define UNREACHABLE() CHECK(!"unreachable")

#endif  // RUNTIME_CORE_CHECK_H_
