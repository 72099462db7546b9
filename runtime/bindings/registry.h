// process.binding(name): looks a binding up in the NODUS_BINDINGS list, initialises it once and
// caches the result on the Environment.
#ifndef RUNTIME_BINDINGS_REGISTRY_H_
#define RUNTIME_BINDINGS_REGISTRY_H_

#include "v8.h"

namespace nodus {

void Binding(const v8::FunctionCallbackInfo<v8::Value>& args);

}  // namespace nodus

#endif  // RUNTIME_BINDINGS_REGISTRY_H_
