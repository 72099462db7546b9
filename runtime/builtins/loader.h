// Compiles the stdlib's JavaScript (embedded by tools/js2c, or read from --builtins-dir during
// development) into functions. Builtin modules get the same parameters as user modules
// (exports, require, module, __filename, __dirname); the bootstrap gets (process).
#ifndef RUNTIME_BUILTINS_LOADER_H_
#define RUNTIME_BUILTINS_LOADER_H_

#include "runtime/core/environment.h"
#include "v8.h"

namespace nodus {
namespace builtins {

bool Exists(const char* id);
v8::MaybeLocal<v8::Function> CompileBuiltin(Environment* env, const char* id);

}  // namespace builtins
}  // namespace nodus

#endif  // RUNTIME_BUILTINS_LOADER_H_
