// process.binding('contextify'): compiling and running code. The module loader uses
// compileFunction, so a module's code runs with no wrapper text around it and its stack traces
// show the user's own lines and columns. The vm module (stdlib/lib/vm.js) uses ContextifyScript,
// a script compiled once and run in any context, and makeContext, which creates a fresh V8
// context and hands back its global object; that global is the context's handle, since its
// creation context is the context itself.
#include <string>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/base_object.h"
#include "runtime/core/errors.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace contextify {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Private;
using v8::ScriptCompiler;
using v8::ScriptOrigin;
using v8::String;
using v8::UnboundScript;
using v8::Value;

namespace {

// compileFunction(source, filename, params): a function whose body is `source`.
void CompileFunction(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Local<String> code, filename;
  if (!GetStringArg(args, 0, "source", &code) || !GetStringArg(args, 1, "filename", &filename)) {
    return;
  }
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
  ScriptOrigin origin(isolate, filename);
  ScriptCompiler::Source source(code, origin);
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
  Local<String> code;
  if (!GetStringArg(args, 0, "code", &code)) return;
  Local<Value> filename = args[1];
  if (!filename->IsString()) filename = OneByteString(isolate, "evalmachine.<anonymous>");
  ScriptOrigin origin(isolate, filename);
  ScriptCompiler::Source source(code, origin);
  Local<v8::Script> script;
  if (!ScriptCompiler::Compile(context, &source).ToLocal(&script)) return;
  Local<Value> result;
  if (script->Run(context).ToLocal(&result)) args.GetReturnValue().Set(result);
}

// Marks the context globals this binding made, so runInContext never trusts another object.
Local<Private> GlobalMark(Isolate* isolate) {
  return Private::ForApi(isolate, OneByteString(isolate, "nodus:contextify:global"));
}

bool HasMark(Isolate* isolate, Local<Value> value, Local<Private> mark) {
  if (!value->IsObject()) return false;
  return value.As<Object>()->HasPrivate(isolate->GetCurrentContext(), mark).FromMaybe(false);
}

// Writes a compile error's location to stderr as v0.6 did ("file:line", the source line and a
// caret under the error) before the error is thrown on to the caller.
void PrintErrorLocation(Isolate* isolate, Local<v8::Message> message) {
  if (message.IsEmpty()) return;
  Local<Context> context = isolate->GetCurrentContext();
  Utf8Value filename(isolate, message->GetScriptResourceName());
  std::string out = filename.str() + ":" +
                    std::to_string(message->GetLineNumber(context).FromMaybe(0)) + "\n";
  Local<String> line;
  if (message->GetSourceLine(context).ToLocal(&line)) {
    Utf8Value source(isolate, line);
    out += source.str() + "\n";
    int start = message->GetStartColumn(context).FromMaybe(0);
    int end = message->GetEndColumn(context).FromMaybe(start + 1);
    for (int i = 0; i < start && i < static_cast<int>(source.length()); i++) {
      out += source.str()[i] == '\t' ? '\t' : ' ';
    }
    for (int i = start; i < end || i == start; i++) out += '^';
    out += "\n";
  }
  WriteAll(2, out.data(), out.size());
}

// The native half of a vm Script: the compiled, context-independent script. It lives as long
// as its JS object.
class ScriptWrap : public BaseObject {
 public:
  NODUS_WRAPPER_TYPE(ScriptWrap);
  ScriptWrap(Environment* env, Local<Object> object, Local<UnboundScript> script)
      : BaseObject(env, object, &kWrapperType), script_(env->isolate(), script) {
    MakeWeak();
  }

  Local<UnboundScript> script(Isolate* isolate) const { return script_.Get(isolate); }

 private:
  Global<UnboundScript> script_;
};
NODUS_DEFINE_WRAPPER_TYPE(ScriptWrap, BaseObject);

// new ContextifyScript(code, filename): compiles `code`; a syntax error is printed to stderr,
// then thrown (a SyntaxError of the calling context).
void NewScript(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!BaseObject::BeginConstruct(args, "ContextifyScript")) return;
  Local<String> code, filename;
  if (!GetStringArg(args, 0, "code", &code) || !GetStringArg(args, 1, "filename", &filename)) {
    return;
  }
  ScriptOrigin origin(isolate, filename);
  ScriptCompiler::Source source(code, origin);
  Local<UnboundScript> script;
  {
    v8::TryCatch try_catch(isolate);
    if (!ScriptCompiler::CompileUnboundScript(isolate, &source).ToLocal(&script)) {
      if (try_catch.HasCaught() && try_catch.CanContinue()) {
        PrintErrorLocation(isolate, try_catch.Message());
        try_catch.ReThrow();
      }
      return;
    }
  }
  new ScriptWrap(Environment::GetCurrent(isolate), args.This(), script);
}

// script.runInContext(global): runs the script in the context whose global object `global` is
// (one made by makeContext), or in the calling context if `global` is undefined. Exceptions
// pass through to the caller unchanged.
void RunScript(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  ScriptWrap* wrap = Unwrap<ScriptWrap>(args.This());
  if (wrap == nullptr) return ThrowTypeError(isolate, "not a ContextifyScript");
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsUndefined()) {
    if (!HasMark(isolate, args[0], GlobalMark(isolate))) {
      return ThrowTypeError(isolate, "not a context made by makeContext");
    }
    if (!args[0].As<Object>()->GetCreationContext().ToLocal(&context)) {
      return ThrowTypeError(isolate, "the context is gone");
    }
  }
  Context::Scope scope(context);
  Local<v8::Script> script = wrap->script(isolate)->BindToCurrentContext();
  Local<Value> result;
  if (script->Run(context).ToLocal(&result)) args.GetReturnValue().Set(result);
}

// makeContext(): a new context with its own built-ins, sharing the calling context's security
// token so objects pass freely between the two. Returns the new context's global object.
void MakeContext(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> current = isolate->GetCurrentContext();
  Local<Context> context = Context::New(isolate);
  if (context.IsEmpty()) return ThrowError(isolate, "could not create a context");
  context->SetSecurityToken(current->GetSecurityToken());
  Local<Object> global = context->Global();
  if (global->SetPrivate(current, GlobalMark(isolate), v8::True(isolate)).IsNothing()) return;
  args.GetReturnValue().Set(global);
}

}  // namespace

void Initialize(Environment* env, Local<v8::Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  SetMethod(context, target, "compileFunction", CompileFunction);
  SetMethod(context, target, "runInThisContext", RunInThisContext);
  SetMethod(context, target, "makeContext", MakeContext);

  Local<FunctionTemplate> script = BaseObject::MakeTemplate(isolate, NewScript, "ContextifyScript");
  Local<String> name = OneByteString(isolate, "ContextifyScript");
  SetProtoMethod(isolate, script, "runInContext", RunScript);
  target->CreateDataProperty(context, name, script->GetFunction(context).ToLocalChecked()).Check();
}

}  // namespace contextify
}  // namespace binding
}  // namespace nodus
