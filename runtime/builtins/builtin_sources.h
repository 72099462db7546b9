// The table of stdlib JavaScript sources compiled into the binary by tools/js2c. The data is
// static and immutable for the life of the process, which is what lets the loader hand it to V8
// as external strings without copying.
#ifndef RUNTIME_BUILTINS_BUILTIN_SOURCES_H_
#define RUNTIME_BUILTINS_BUILTIN_SOURCES_H_

#include <cstddef>

namespace nodus {
namespace builtins {

struct BuiltinSource {
  const char* id;      // "events", "_bootstrap": the path below lib/ without ".js".
  const char* data;    // UTF-8 source text.
  size_t length;       // Bytes in data.
  bool ascii;          // True when every byte is < 0x80, so V8 can use it as Latin-1 directly.
};

// Defined in the generated stdlib/builtins.cc.
extern const BuiltinSource kBuiltinSources[];
extern const size_t kBuiltinSourceCount;

}  // namespace builtins
}  // namespace nodus

#endif  // RUNTIME_BUILTINS_BUILTIN_SOURCES_H_
