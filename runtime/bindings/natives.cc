// process.binding('natives'): the stdlib's embedded JavaScript. `compile(id)` returns a builtin
// module's function; `exists(id)` and `ids` tell which builtins the binary carries.
#include "runtime/bindings/bindings.h"
#include "runtime/builtins/builtin_sources.h"
#include "runtime/builtins/loader.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace natives {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

namespace {

void Compile(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!args[0]->IsString()) return ThrowTypeError(env->isolate(), "id must be a string");
  Utf8Value id(env->isolate(), args[0]);
  Local<v8::Function> fn;
  if (builtins::CompileBuiltin(env, id.c_str()).ToLocal(&fn)) args.GetReturnValue().Set(fn);
}

void Exists(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsString()) return args.GetReturnValue().Set(false);
  Utf8Value id(args.GetIsolate(), args[0]);
  args.GetReturnValue().Set(builtins::Exists(id.c_str()));
}

}  // namespace

void Initialize(Environment* env, Local<v8::Object> target) {
  v8::Isolate* isolate = env->isolate();
  Local<v8::Context> context = env->context();
  SetMethod(context, target, "compile", Compile);
  SetMethod(context, target, "exists", Exists);
  Local<v8::Array> ids = v8::Array::New(isolate);
  for (size_t i = 0; i < builtins::kBuiltinSourceCount; i++) {
    ids->CreateDataProperty(context, static_cast<uint32_t>(i),
             OneByteString(isolate, builtins::kBuiltinSources[i].id))
        .Check();
  }
  target->CreateDataProperty(context, OneByteString(isolate, "ids"), ids).Check();
}

}  // namespace natives
}  // namespace binding
}  // namespace nodus
