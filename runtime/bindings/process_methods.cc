// process.binding('process_methods'): the native half of the `process` object (cwd, chdir,
// umask, memoryUsage, kill, the uid/gid calls, exit) and the hooks through which the bootstrap
// hands the runtime its nextTick drain, uncaught-exception and unhandled-rejection functions.
#include <dlfcn.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <climits>
#include <string>

#include "runtime/addon/node.h"
#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/errors.h"
#include "runtime/core/util.h"
#include "third_party/openssl/lazy.h"

namespace nodus {
namespace binding {
namespace process_methods {

using v8::Array;
using v8::ArrayBuffer;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::Value;

namespace {

void Cwd(const FunctionCallbackInfo<Value>& args) {
  char buffer[PATH_MAX + 1];
  size_t size = sizeof(buffer);
  int err = uv_cwd(buffer, &size);
  if (err != 0) return ThrowUVException(args.GetIsolate(), err, "uv_cwd");
  Local<v8::String> cwd;
  if (Utf8String(args.GetIsolate(), buffer, size).ToLocal(&cwd)) args.GetReturnValue().Set(cwd);
}

void Chdir(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (args.Length() != 1 || !args[0]->IsString()) {
    return ThrowTypeError(isolate, "Bad argument.");
  }
  Utf8Value path(isolate, args[0]);
  int err = uv_chdir(path.c_str());
  if (err != 0) return ThrowUVException(isolate, err, "uv_chdir", path.c_str());
}

void Umask(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  mode_t old;
  if (args.Length() < 1 || args[0]->IsUndefined()) {
    old = umask(0);
    umask(old);
  } else if (args[0]->IsInt32() || args[0]->IsUint32()) {
    old = umask(static_cast<mode_t>(args[0]->Uint32Value(isolate->GetCurrentContext()).FromJust()));
  } else if (args[0]->IsString()) {
    // v0.6 accepted an octal string such as '0644'.
    Utf8Value text(isolate, args[0]);
    mode_t mask = 0;
    for (const char* p = text.c_str(); *p; p++) {
      if (*p < '0' || *p > '7') return ThrowTypeError(isolate, "argument must be an octal string.");
      mask = mask * 8 + (*p - '0');
    }
    old = umask(mask & 0777);
  } else {
    return ThrowTypeError(isolate, "argument must be an integer or octal string.");
  }
  args.GetReturnValue().Set(static_cast<uint32_t>(old));
}

void MemoryUsage(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  v8::HeapStatistics stats;
  isolate->GetHeapStatistics(&stats);
  Local<Object> result = Object::New(isolate);
  result->CreateDataProperty(context, OneByteString(isolate, "rss"), Number::New(isolate, rss))
      .Check();
  result->CreateDataProperty(context, OneByteString(isolate, "heapTotal"),
              Number::New(isolate, stats.total_heap_size())).Check();
  result->CreateDataProperty(context, OneByteString(isolate, "heapUsed"),
              Number::New(isolate, stats.used_heap_size())).Check();
  result->CreateDataProperty(context, OneByteString(isolate, "external"),
              Number::New(isolate, stats.external_memory())).Check();
  args.GetReturnValue().Set(result);
}

void Uptime(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  double seconds = (uv_hrtime() - env->start_time_ns()) / 1e9;
  args.GetReturnValue().Set(seconds);
}

void Hrtime(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_hrtime()));
}

void Kill(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsInt32() || !args[1]->IsInt32()) {
    return ThrowTypeError(isolate, "Bad argument.");
  }
  int pid = args[0].As<v8::Int32>()->Value();
  int sig = args[1].As<v8::Int32>()->Value();
  int err = uv_kill(pid, sig);
  if (err != 0) return ThrowUVException(isolate, err, "kill");
}

void GetUid(const FunctionCallbackInfo<Value>& args) { args.GetReturnValue().Set(getuid()); }
void GetEuid(const FunctionCallbackInfo<Value>& args) { args.GetReturnValue().Set(geteuid()); }
void GetGid(const FunctionCallbackInfo<Value>& args) { args.GetReturnValue().Set(getgid()); }
void GetEgid(const FunctionCallbackInfo<Value>& args) { args.GetReturnValue().Set(getegid()); }

// setuid/setgid take a numeric id or a user/group name, as in v0.6.
bool ResolveId(const FunctionCallbackInfo<Value>& args, bool group, unsigned* id) {
  Isolate* isolate = args.GetIsolate();
  if (args[0]->IsUint32()) {
    *id = args[0].As<v8::Uint32>()->Value();
    return true;
  }
  if (!args[0]->IsString()) {
    ThrowTypeError(isolate, group ? "setgid argument must be a number or a string"
                                  : "setuid argument must be a number or a string");
    return false;
  }
  Utf8Value name(isolate, args[0]);
  char buffer[4096];
  if (group) {
    struct group entry, *found = nullptr;
    if (getgrnam_r(name.c_str(), &entry, buffer, sizeof(buffer), &found) == 0 && found) {
      *id = found->gr_gid;
      return true;
    }
    ThrowError(isolate, "setgid group id does not exist");
  } else {
    struct passwd entry, *found = nullptr;
    if (getpwnam_r(name.c_str(), &entry, buffer, sizeof(buffer), &found) == 0 && found) {
      *id = found->pw_uid;
      return true;
    }
    ThrowError(isolate, "setuid user id does not exist");
  }
  return false;
}

void SetUid(const FunctionCallbackInfo<Value>& args) {
  unsigned id;
  if (!ResolveId(args, false, &id)) return;
  if (setuid(id) != 0) ThrowUVException(args.GetIsolate(), -errno, "setuid");
}

void SetGid(const FunctionCallbackInfo<Value>& args) {
  unsigned id;
  if (!ResolveId(args, true, &id)) return;
  if (setgid(id) != 0) ThrowUVException(args.GetIsolate(), -errno, "setgid");
}

void ReallyExit(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  int code = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : 0;
  env->Exit(code);
}

// process.dlopen(filename, exports): loads a native addon (runtime/addon/node.h) and runs its
// init on `exports`. As in v0.6 the module struct is found by name: hello.node -> hello_module.
// The library stays loaded for the life of the process, even when loading fails after dlopen
// (unloading code that may have run static constructors is not safe).
void DLOpen(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString()) return ThrowTypeError(isolate, "dlopen: filename must be a string");
  if (!args[1]->IsObject()) return ThrowTypeError(isolate, "dlopen: exports must be an object");
  Utf8Value filename(isolate, args[0]);
  if (!filename.ok()) return;
  // node's binary carries OpenSSL and addons built for node call it without linking it; Nodus
  // loads OpenSSL on first use (third_party/openssl/lazy.h), so it is loaded before any addon.
  nodus::openssl::EnsureLoaded();
  void* library = dlopen(filename.c_str(), RTLD_LAZY);
  if (library == nullptr) {
    const char* why = dlerror();
    std::string message = why != nullptr ? why : "dlopen failed";
    return ThrowError(isolate, message.c_str());
  }
  std::string base = filename.str();
  size_t slash = base.rfind('/');
  if (slash != std::string::npos) base = base.substr(slash + 1);
  size_t dot = base.find('.');
  if (dot != std::string::npos) base = base.substr(0, dot);
  std::string symbol = base + "_module";
  auto* module = static_cast<node::node_module_struct*>(dlsym(library, symbol.c_str()));
  if (module == nullptr) {
    std::string message = "Symbol " + symbol + " not found in " + filename.str() +
                          " (it is not a native addon made with NODE_MODULE)";
    return ThrowError(isolate, message.c_str());
  }
  if (module->version != node::kModuleVersion || module->register_func == nullptr) {
    std::string message = "Module version mismatch in " + filename.str() +
                          ": it was built for another version of the addon interface";
    return ThrowError(isolate, message.c_str());
  }
  module->register_func(args[1].As<v8::Object>());
}

// Writes a string (as UTF-8) or the bytes of a Buffer or other ArrayBufferView to a file
// descriptor synchronously; used for stdio on files and TTYs, and for the early-startup console
// before any stream exists. Returns the number of bytes written.
void WriteString(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  if (args[1]->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = args[1].As<v8::ArrayBufferView>();
    size_t length = view->ByteLength();  // 0 once detached
    if (length > 0) {
      std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
      WriteAll(fd, static_cast<const char*>(store->Data()) + view->ByteOffset(), length);
    }
    return args.GetReturnValue().Set(static_cast<double>(length));
  }
  Utf8Value text(isolate, args[1]);
  if (!text.ok()) return;
  WriteAll(fd, text.c_str(), text.length());
  args.GetReturnValue().Set(static_cast<double>(text.length()));
}

// Receives the bootstrap's functions: the nextTick drain, the uncaught-exception router and the
// unhandled-rejection router; returns the Uint32Array the tick queue keeps its length in.
void SetupCallbacks(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Local<Function> tick, fatal_exception, rejection;
  if (!GetFunctionArg(args, 0, "tick", &tick) ||
      !GetFunctionArg(args, 1, "fatalException", &fatal_exception) ||
      !GetFunctionArg(args, 2, "rejection", &rejection)) {
    return;
  }
  env->set_tick_callback(tick);
  env->set_fatal_exception_callback(fatal_exception);
  env->set_rejection_callback(rejection);
  std::shared_ptr<v8::BackingStore> store = ArrayBuffer::NewBackingStore(
      env->tick_info(), sizeof(uint32_t) * 2, v8::BackingStore::EmptyDeleter, nullptr);
  Local<ArrayBuffer> buffer = ArrayBuffer::New(env->isolate(), store);
  args.GetReturnValue().Set(v8::Uint32Array::New(buffer, 0, 2));
}

// errname(err): the libuv error name of a negative error code ('ECONNREFUSED', 'EOF', ...).
void ErrName(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int32_t err;
  if (!GetInt32Arg(args, 0, "err", &err)) return;
  char name[64] = "UNKNOWN";
  // uv_err_name_r: uv_err_name would leak a string for codes libuv does not know.
  if (err < 0) uv_err_name_r(err, name, sizeof(name));
  args.GetReturnValue().Set(OneByteString(isolate, name));
}

// strerror(err): libuv's description of a negative error code ('connection refused', ...).
void StrError(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int32_t err;
  if (!GetInt32Arg(args, 0, "err", &err)) return;
  char text[128];
  uv_strerror_r(err, text, sizeof(text));
  args.GetReturnValue().Set(OneByteString(isolate, text));
}

void RunMicrotasks(const FunctionCallbackInfo<Value>& args) {
  args.GetIsolate()->PerformMicrotaskCheckpoint();
}

// loopTurns() -> turns of the event loop so far (its check phases). For tests.
void LoopTurns(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(Environment::GetCurrent(args)->loop_turns()));
}

// activityCount() -> callbacks from the event loop into JS so far (each CallbackScope counts
// one): what the idle collection reads to decide the process is quiet. For tests.
void ActivityCount(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(
      static_cast<double>(Environment::GetCurrent(args)->activity_count()));
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Local<Context> context = env->context();
  SetMethod(context, target, "activityCount", ActivityCount);
  SetMethod(context, target, "cwd", Cwd);
  SetMethod(context, target, "chdir", Chdir);
  SetMethod(context, target, "umask", Umask);
  SetMethod(context, target, "memoryUsage", MemoryUsage);
  SetMethod(context, target, "uptime", Uptime);
  SetMethod(context, target, "hrtime", Hrtime);
  SetMethod(context, target, "kill", Kill);
  SetMethod(context, target, "getuid", GetUid);
  SetMethod(context, target, "geteuid", GetEuid);
  SetMethod(context, target, "getgid", GetGid);
  SetMethod(context, target, "getegid", GetEgid);
  SetMethod(context, target, "setuid", SetUid);
  SetMethod(context, target, "setgid", SetGid);
  SetMethod(context, target, "reallyExit", ReallyExit);
  SetMethod(context, target, "dlopen", DLOpen);
  SetMethod(context, target, "writeString", WriteString);
  SetMethod(context, target, "setupCallbacks", SetupCallbacks);
  SetMethod(context, target, "runMicrotasks", RunMicrotasks);
  SetMethod(context, target, "loopTurns", LoopTurns);
  SetMethod(context, target, "errname", ErrName);
  SetMethod(context, target, "strerror", StrError);
}

}  // namespace process_methods
}  // namespace binding
}  // namespace nodus
