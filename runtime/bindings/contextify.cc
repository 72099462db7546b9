// process.binding('contextify'): compiling and running code. The module loader uses
// compileFunction, so a module's code runs with no wrapper text around it and its stack traces
// show the user's own lines and columns.
#include "runtime/bindings/bindings.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace contextify {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::ScriptCompiler;
using v8::ScriptOrigin;
using v8::String;
using v8::Value;

namespace {

// compileFunction(source, filename, params): a function whose body is `source`.
void CompileFunction(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsString()) return ThrowTypeError(isolate, "source must be a string");
  if (!args[1]->IsString()) return ThrowTypeError(isolate, "filename must be a string");
  if (!args[2]->IsArray()) return ThrowTypeError(isolate, "params must be an array");
  Local<Array> param_array = args[2].As<Array>();
  uint32_t count = param_array->Length();
  if (count > 64) return ThrowRangeError(isolate, "too many parameters");
  std::vector<Local<String>> params;
  for (uint32_t i = 0; i < count; i++) {
    Local<Value> param;
    if (!param_array->Get(context, i).ToLocal(&param)) return;
    if (!param->IsString()) return ThrowTypeError(isolate, "params must be strings");
    params.push_back(param.As<String>());
  }
  ScriptOrigin origin(isolate, args[1]);
  ScriptCompiler::Source source(args[0].As<String>(), origin);
  Local<v8::Function> fn;
  if (ScriptCompiler::CompileFunction(context, &source, params.size(), params.data())
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
  }
}

// runInThisContext(source, filename): compiles and runs a script in the main context.
void RunInThisContext(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsString()) return ThrowTypeError(isolate, "code must be a string");
  Local<Value> filename = args[1];
  if (!filename->IsString()) filename = OneByteString(isolate, "evalmachine.<anonymous>");
  ScriptOrigin origin(isolate, filename);
  ScriptCompiler::Source source(args[0].As<String>(), origin);
  Local<v8::Script> script;
  if (!ScriptCompiler::Compile(context, &source).ToLocal(&script)) return;
  Local<Value> result;
  if (script->Run(context).ToLocal(&result)) args.GetReturnValue().Set(result);
}

}  // namespace

void Initialize(Environment* env, Local<v8::Object> target) {
  Local<Context> context = env->context();
  SetMethod(context, target, "compileFunction", CompileFunction);
  SetMethod(context, target, "runInThisContext", RunInThisContext);
}

}  // namespace contextify
}  // namespace binding
}  // namespace nodus
