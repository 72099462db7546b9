#include "runtime/fuzz/js_harness.h"

#include <uv.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "libplatform/libplatform.h"
#include "runtime/bindings/registry.h"
#include "runtime/builtins/builtin_sources.h"
#include "runtime/core/array_buffer_allocator.h"
#include "runtime/core/environment.h"
#include "v8.h"

namespace nodus {
namespace fuzz {
namespace {

using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

// require() and nextTick for the modules the targets load: a small stand-in for
// stdlib/lib/_bootstrap.js and module.js, which also start the main program.
const char kBootstrap[] = R"JS(
(function (process, compileBuiltin) {
  var cache = {};
  function require(id) {
    if (cache[id]) return cache[id].exports;
    var module = { id: id, exports: {} };
    cache[id] = module;
    compileBuiltin(id).call(module.exports, module.exports, require, module, id + '.js', '.');
    return module.exports;
  }
  var ticks = [];
  process.nextTick = function (fn) {
    var args = Array.prototype.slice.call(arguments, 1);
    ticks.push(function () { fn.apply(null, args); });
  };
  process._runTicks = function () {
    // A bounded number of passes: a tick that re-queues itself forever is the target's bug.
    for (var pass = 0; pass < 1000 && ticks.length > 0; pass++) {
      var run = ticks;
      ticks = [];
      for (var i = 0; i < run.length; i++) run[i]();
    }
  };
  process.env = {};
  process.argv = ['fuzz'];
  process.execArgv = [];
  process.platform = 'linux';
  process.version = 'v0.6.3';
  process.versions = { node: '0.6.3' };
  process.cwd = function () { return '/'; };
  var EventEmitter = require('events').EventEmitter;
  Object.setPrototypeOf(process, EventEmitter.prototype);
  process.EventEmitter = EventEmitter;
  globalThis.process = process;
  globalThis.Buffer = require('buffer').Buffer;
  return require;
})
)JS";

struct Harness {
  std::unique_ptr<v8::Platform> platform;
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator;
  Isolate* isolate = nullptr;
  v8::Global<Context> context;
  std::unique_ptr<Environment> env;
  v8::Global<Function> per_input;
  v8::Global<Object> process;
  HarnessOptions options;
};

Harness* g_harness = nullptr;

// At exit everything is disposed, so LeakSanitizer (--config=asan) sees only real leaks.
void Teardown() {
  Harness* h = g_harness;
  if (h == nullptr) return;
  g_harness = nullptr;
  {
    HandleScope scope(h->isolate);
    h->per_input.Reset();
    // Collects what the inputs left, so the native objects held by JS wrappers (HTTPParser...)
    // are freed by their weak callbacks: disposing the isolate does not run those.
    for (int i = 0; i < 3; i++) h->isolate->LowMemoryNotification();
    h->process.Reset();
    h->env.reset();  // the bindings free their per-Environment state (cleanup hooks)
    h->context.Get(h->isolate)->Exit();
  }
  h->context.Reset();
  h->isolate->Exit();
  h->isolate->Dispose();
  v8::V8::Dispose();
  v8::V8::DisposePlatform();
  delete h;
}

[[noreturn]] void Die(Isolate* isolate, const v8::TryCatch& try_catch, const char* what) {
  std::string text = "(no exception)";
  if (try_catch.HasCaught()) {
    Local<Value> value = try_catch.StackTrace(isolate->GetCurrentContext()).FromMaybe(
        try_catch.Exception());
    String::Utf8Value utf8(isolate, value);
    if (*utf8 != nullptr) text = *utf8;
  }
  std::fprintf(stderr, "fuzz harness: %s: %s\n", what, text.c_str());
  std::abort();
}

Local<String> Str(Isolate* isolate, const std::string& s) {
  return String::NewFromUtf8(isolate, s.data(), v8::NewStringType::kNormal,
                             static_cast<int>(s.size()))
      .ToLocalChecked();
}

// compileBuiltin(id): the builtin module's function (exports, require, module, __filename,
// __dirname), with the target's suffix for that module appended.
void CompileBuiltin(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  String::Utf8Value id(isolate, args[0]);
  const builtins::BuiltinSource* found = nullptr;
  for (size_t i = 0; i < builtins::kBuiltinSourceCount; i++) {
    if (*id != nullptr && std::strcmp(builtins::kBuiltinSources[i].id, *id) == 0) {
      found = &builtins::kBuiltinSources[i];
    }
  }
  if (found == nullptr) {
    isolate->ThrowException(v8::Exception::Error(
        Str(isolate, std::string("no builtin module ") + (*id ? *id : "?"))));
    return;
  }
  std::string source = "(function (exports, require, module, __filename, __dirname) {";
  source.append(found->data, found->length);
  auto suffix = g_harness->options.module_suffixes.find(*id);
  if (suffix != g_harness->options.module_suffixes.end()) source += "\n" + suffix->second;
  source += "\n})";
  Local<Context> context = isolate->GetCurrentContext();
  v8::ScriptOrigin origin(isolate, Str(isolate, std::string(*id) + ".js"));
  Local<v8::Script> script;
  Local<Value> result;
  if (!v8::Script::Compile(context, Str(isolate, source), &origin).ToLocal(&script) ||
      !script->Run(context).ToLocal(&result)) {
    return;  // the exception propagates
  }
  args.GetReturnValue().Set(result);
}

// libFuzzer reads this section as extra coverage counters (it is plain data in other builds).
// The JS the targets run is interpreted by V8, which is not instrumented, so the targets report
// what their input did (an outcome's shape: which fields a URL has, an error code...) through
// feature(string), and each distinct string counts as new coverage.
constexpr size_t kFeatureCounters = 1 << 14;
__attribute__((section("__libfuzzer_extra_counters"), used)) uint8_t g_features[kFeatureCounters];

void Feature(const FunctionCallbackInfo<Value>& args) {
  String::Utf8Value key(args.GetIsolate(), args[0]);
  if (*key == nullptr) return;
  uint32_t hash = 2166136261u;  // FNV-1a
  for (const char* p = *key; *p != '\0'; p++) hash = (hash ^ static_cast<uint8_t>(*p)) * 16777619u;
  uint8_t& counter = g_features[hash % kFeatureCounters];
  if (counter < 255) counter++;
}

void Check(const FunctionCallbackInfo<Value>& args) {
  if (args[0]->BooleanValue(args.GetIsolate())) return;
  String::Utf8Value what(args.GetIsolate(), args[1]);
  std::fprintf(stderr, "fuzz check failed: %s\n", *what != nullptr ? *what : "?");
  std::abort();
}

Harness* Create(const char* factory, const HarnessOptions& options) {
  Harness* h = new Harness();
  h->options = options;
  g_harness = h;
  static const char kFlags[] = "--no-concurrent-recompilation --stack-size=900";
  v8::V8::SetFlagsFromString(kFlags, sizeof(kFlags) - 1);
  h->platform = v8::platform::NewDefaultPlatform(
      1, v8::platform::IdleTaskSupport::kDisabled, v8::platform::InProcessStackDumping::kDisabled);
  v8::V8::InitializePlatform(h->platform.get());
  v8::V8::Initialize();
  h->allocator.reset(new ArrayBufferAllocator());
  Isolate::CreateParams params;
  params.array_buffer_allocator = h->allocator.get();
  h->isolate = Isolate::New(params);
  h->isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  Isolate* isolate = h->isolate;
  // The isolate stays entered for the life of the process.
  isolate->Enter();
  HandleScope scope(isolate);
  Local<Context> context = Context::New(isolate);
  h->context.Reset(isolate, context);
  context->Enter();
  h->env.reset(new Environment(h->platform.get(), isolate, context, uv_default_loop()));

  Local<Object> process = Object::New(isolate);
  process->CreateDataProperty(context, Str(isolate, "binding"),
               v8::FunctionTemplate::New(isolate, Binding)->GetFunction(context).ToLocalChecked())
      .Check();
  h->env->set_process_object(process);
  h->process.Reset(isolate, process);

  v8::TryCatch try_catch(isolate);
  Local<Value> value;
  Local<Function> compile =
      v8::FunctionTemplate::New(isolate, CompileBuiltin)->GetFunction(context).ToLocalChecked();
  Local<Function> check =
      v8::FunctionTemplate::New(isolate, Check)->GetFunction(context).ToLocalChecked();
  Local<v8::Script> script;
  if (!v8::Script::Compile(context, Str(isolate, kBootstrap)).ToLocal(&script) ||
      !script->Run(context).ToLocal(&value)) {
    Die(isolate, try_catch, "bootstrap does not compile");
  }
  Local<Value> boot_args[] = {process, compile};
  Local<Value> require;
  if (!value.As<Function>()->Call(context, context->Global(), 2, boot_args).ToLocal(&require)) {
    Die(isolate, try_catch, "bootstrap threw");
  }
  if (!v8::Script::Compile(context, Str(isolate, factory)).ToLocal(&script) ||
      !script->Run(context).ToLocal(&value) || !value->IsFunction()) {
    Die(isolate, try_catch, "the target's factory does not compile to a function");
  }
  Local<Function> feature =
      v8::FunctionTemplate::New(isolate, Feature)->GetFunction(context).ToLocalChecked();
  Local<Value> factory_args[] = {require, process, check, feature};
  if (!value.As<Function>()->Call(context, context->Global(), 4, factory_args).ToLocal(&value) ||
      !value->IsFunction()) {
    Die(isolate, try_catch, "the target's factory threw or returned no function");
  }
  h->per_input.Reset(isolate, value.As<Function>());
  std::atexit(Teardown);
  return h;
}

}  // namespace

void RunInput(const char* factory, const uint8_t* data, size_t size,
              const HarnessOptions& options) {
  static Harness* h = Create(factory, options);
  Isolate* isolate = h->isolate;
  HandleScope scope(isolate);
  Local<Context> context = h->context.Get(isolate);
  // The input as a Uint8Array over a copy (the target may keep it or write into it).
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, size);
  if (size > 0) std::memcpy(store->Data(), data, size);
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, std::move(store));
  Local<Value> argv[] = {v8::Uint8Array::New(buffer, 0, size)};
  v8::TryCatch try_catch(isolate);
  Local<Value> result;
  if (!h->per_input.Get(isolate)->Call(context, context->Global(), 1, argv).ToLocal(&result)) {
    Die(isolate, try_catch, "an exception escaped the target");
  }
  Local<Value> run_ticks;
  if (!h->process.Get(isolate)->Get(context, Str(isolate, "_runTicks")).ToLocal(&run_ticks) ||
      !run_ticks.As<Function>()->Call(context, context->Global(), 0, nullptr).ToLocal(&result)) {
    Die(isolate, try_catch, "an exception escaped a nextTick callback");
  }
  isolate->PerformMicrotaskCheckpoint();
}

}  // namespace fuzz
}  // namespace nodus
