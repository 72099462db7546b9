#include "runtime/bindings/registry.h"

#include <cstring>
#include <string>

#include "runtime/bindings/bindings.h"
#include "runtime/core/environment.h"
#include "runtime/core/util.h"

namespace nodus {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

void Binding(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  if (!args[0]->IsString()) {
    return ThrowTypeError(isolate, "process.binding: the binding name must be a string");
  }
  Local<String> name = args[0].As<String>();
  Local<Object> cache = env->binding_cache();
  Local<Value> cached;
  if (cache->Get(context, name).ToLocal(&cached) && cached->IsObject()) {
    return args.GetReturnValue().Set(cached);
  }
  Utf8Value utf8(isolate, name);
  Local<Object> exports = Object::New(isolate);
  bool found = false;
#define V(binding_name)                                         \
  if (!found && std::strcmp(utf8.c_str(), #binding_name) == 0) { \
    binding::binding_name::Initialize(env, exports);            \
    found = true;                                               \
  }
  NODUS_BINDINGS(V)
#undef V
  if (!found) {
    std::string message = "No such module: " + utf8.str();
    return ThrowError(isolate, message.c_str());
  }
  cache->CreateDataProperty(context, name, exports).Check();
  args.GetReturnValue().Set(exports);
}

}  // namespace nodus
