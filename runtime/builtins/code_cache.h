// V8 code caches for the embedded stdlib, made at build time and consumed by the loader.
//
// //runtime/builtins:make_code_cache is the runtime with recording turned on: it runs
// code_cache_training.js, which exercises the modules a program typically loads, and writes the
// code V8 compiled for each builtin (the top level and every function that ran) as a C++ source
// file; //runtime/builtins:code_cache compiles that file and //runtime links it. The loader then
// hands each builtin's cache to V8 with kConsumeCodeCache, so start-up deserializes bytecode
// instead of parsing and compiling. V8 checks the cache against its version, its flags and the
// source length and rejects a mismatch (for example when the command line changes V8 flags);
// the builtin is then compiled from source as if there were no cache.
#ifndef RUNTIME_BUILTINS_CODE_CACHE_H_
#define RUNTIME_BUILTINS_CODE_CACHE_H_

#include <cstddef>
#include <cstdint>

namespace nodus {
namespace builtins {

struct BuiltinCodeCache {
  const char* id;        // The builtin's id, as in BuiltinSource.
  const uint8_t* data;   // V8's serialized code; static for the life of the process.
  size_t length;
};

// Defined in the generated code_cache.cc. Weak, so that binaries without a cache (the unit tests,
// make_code_cache itself) link and simply compile every builtin from source.
extern const BuiltinCodeCache kBuiltinCodeCaches[] __attribute__((weak));
extern const size_t kBuiltinCodeCacheCount __attribute__((weak));

// Called by make_code_cache before Start(): the loader then keeps every compiled builtin
// function, ignores any embedded cache, and gives the global object a function
// `_writeBuiltinCodeCache(path)` that writes the caches of those functions as a C++ source file.
void RecordCodeCache();

}  // namespace builtins
}  // namespace nodus

#endif  // RUNTIME_BUILTINS_CODE_CACHE_H_
