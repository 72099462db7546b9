// A V8 isolate with Nodus's Environment, process.binding() and a require() over the embedded
// stdlib, for fuzz targets that drive bindings and stdlib modules through their JS API.
//
// One harness per process, created on the first input and kept (V8 allows one platform per
// process, and an isolate per input would cost ~50 ms). A target supplies a JS factory
//   (function (require, process, check, feature) { ...; return function (bytes) { ... }; })
// which runs once; the function it returns runs once per input with the input as a Uint8Array.
// `check(cond, what)` aborts the process with `what` when cond is false: the fuzzer reports that
// as a crash with the input. `feature(string)` tells libFuzzer the input did something: each
// distinct string counts as new coverage (V8 runs the JS uninstrumented, so without it only the
// native code the JS reaches guides the fuzzer). An exception escaping the per-input function also aborts: targets
// catch the errors the API documents (a TypeError for bad input) themselves.
#ifndef RUNTIME_FUZZ_JS_HARNESS_H_
#define RUNTIME_FUZZ_JS_HARNESS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

namespace nodus {
namespace fuzz {

struct HarnessOptions {
  // Source appended to a builtin module's source when it is compiled, by module id. Lets a
  // target reach a module's internal function (exports.__x = x;) without changing the module.
  std::map<std::string, std::string> module_suffixes;
};

// Runs `factory` (see above) on the first call, then feeds `data` to the function it returned,
// then runs the nextTick callbacks the input queued.
void RunInput(const char* factory, const uint8_t* data, size_t size,
              const HarnessOptions& options = HarnessOptions());

}  // namespace fuzz
}  // namespace nodus

#endif  // RUNTIME_FUZZ_JS_HARNESS_H_
