// process.binding('process_wrap'): child processes for stdlib/lib/child_process.js.
//
//   new Process()                    an unspawned process handle (close/ref/unref do nothing yet)
//   spawn(options)                   -> 0 or a negative libuv error code; sets `pid` on success.
//       options: { file, args: [string], cwd?, envPairs?: ['K=V'], detached?,
//                  stdio?: [{type: 'pipe', handle: Pipe} | {type: 'ignore'} |
//                           {type: 'fd', fd}] }
//       Once the child exits, handle.onexit(exitCode, signalName-or-null) is called.
//   kill(signum)                     -> 0 or a negative libuv error code
//
// Everything read from `options` is checked; bad input throws TypeError before anything starts.
#include <uv.h>

#include <string>
#include <vector>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/base_object.h"
#include "runtime/core/check.h"
#include "runtime/core/handle_wrap.h"
#include "runtime/core/stream_wrap.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace process_wrap {

using v8::Array;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

constexpr uint32_t kMaxStdio = 256;
constexpr uint32_t kMaxArrayLength = 1 << 20;

const char* SignalName(int signum) {
  switch (signum) {
#define S(name) \
  case name:    \
    return #name;
    S(SIGHUP) S(SIGINT) S(SIGQUIT) S(SIGILL) S(SIGTRAP) S(SIGABRT) S(SIGBUS) S(SIGFPE) S(SIGKILL)
    S(SIGUSR1) S(SIGSEGV) S(SIGUSR2) S(SIGPIPE) S(SIGALRM) S(SIGTERM) S(SIGCHLD) S(SIGCONT)
    S(SIGSTOP) S(SIGTSTP) S(SIGTTIN) S(SIGTTOU) S(SIGURG) S(SIGXCPU) S(SIGXFSZ) S(SIGVTALRM)
    S(SIGPROF) S(SIGWINCH) S(SIGIO) S(SIGSYS)
#undef S
    default:
      return nullptr;
  }
}

class ProcessWrap : public HandleWrap {
 public:
  NODUS_WRAPPER_TYPE(ProcessWrap);
  ProcessWrap(Environment* env, Local<Object> object)
      : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(&process_), &kWrapperType) {}
  uv_process_t* process() { return &process_; }

 private:
  uv_process_t process_;
};
NODUS_DEFINE_WRAPPER_TYPE(ProcessWrap, HandleWrap);

void New(const FunctionCallbackInfo<Value>& args) {
  // The native wrap (and its uv_process_t) only exists once spawn() runs: libuv initialises a
  // process handle in uv_spawn, so before that there is nothing to close.
  BaseObject::BeginConstruct(args, "Process");
}

// Reads options[key]; false with an exception pending if a getter threw.
bool GetProp(Isolate* isolate, Local<Object> object, const char* key, Local<Value>* out) {
  return object->Get(isolate->GetCurrentContext(), OneByteString(isolate, key)).ToLocal(out);
}

// A string without NUL bytes, or a TypeError naming `what`.
bool ToCleanString(Isolate* isolate, Local<Value> value, const char* what, std::string* out) {
  if (!value->IsString()) {
    ThrowTypeError(isolate, (std::string(what) + " must be a string").c_str());
    return false;
  }
  Utf8Value utf8(isolate, value);
  if (!utf8.ok()) return false;
  if (utf8.str().find('\0') != std::string::npos) {
    ThrowTypeError(isolate, (std::string(what) + " must not contain null bytes").c_str());
    return false;
  }
  *out = utf8.str();
  return true;
}

bool ToStringArray(Isolate* isolate, Local<Value> value, const char* what,
                   std::vector<std::string>* out) {
  if (!value->IsArray()) {
    ThrowTypeError(isolate, (std::string(what) + " must be an array of strings").c_str());
    return false;
  }
  Local<Array> array = value.As<Array>();
  uint32_t length = array->Length();
  if (length > kMaxArrayLength) {
    ThrowTypeError(isolate, (std::string(what) + " is too long").c_str());
    return false;
  }
  Local<Context> context = isolate->GetCurrentContext();
  for (uint32_t i = 0; i < length; i++) {
    Local<Value> item;
    if (!array->Get(context, i).ToLocal(&item)) return false;
    std::string s;
    if (!ToCleanString(isolate, item, what, &s)) return false;
    out->push_back(std::move(s));
  }
  return true;
}

std::vector<char*> ToCharPointers(std::vector<std::string>* strings) {
  std::vector<char*> pointers;
  for (std::string& s : *strings) pointers.push_back(&s[0]);
  pointers.push_back(nullptr);
  return pointers;
}

void OnExit(uv_process_t* process, int64_t exit_status, int term_signal) {
  ProcessWrap* wrap = static_cast<ProcessWrap*>(process->data);
  Environment* env = wrap->env();
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  const char* name = term_signal != 0 ? SignalName(term_signal) : nullptr;
  Local<Value> argv[2] = {
      v8::Number::New(isolate, static_cast<double>(exit_status)),
      v8::Null(isolate),
  };
  if (name != nullptr) {
    argv[1] = OneByteString(isolate, name);
  } else if (term_signal != 0) {
    argv[1] = Integer::New(isolate, term_signal);
  }
  env->MakeCallback(wrap->object(), "onexit", 2, argv);
}

// Everything spawn() needs, read and checked before the wrap is made.
struct SpawnOptions {
  std::string file;
  std::vector<std::string> args;
  bool has_cwd = false;
  std::string cwd;
  bool has_env = false;
  std::vector<std::string> env;
  bool detached = false;
  std::vector<uv_stdio_container_t> stdio;
};

bool ReadStdio(Isolate* isolate, Local<Value> value, SpawnOptions* options) {
  if (value->IsUndefined() || value->IsNull()) return true;
  if (!value->IsArray()) {
    ThrowTypeError(isolate, "options.stdio must be an array");
    return false;
  }
  Local<Context> context = isolate->GetCurrentContext();
  Local<Array> array = value.As<Array>();
  uint32_t length = array->Length();
  if (length > kMaxStdio) {
    ThrowTypeError(isolate, "options.stdio is too long");
    return false;
  }
  std::vector<uv_stream_t*> seen;
  for (uint32_t i = 0; i < length; i++) {
    Local<Value> item;
    if (!array->Get(context, i).ToLocal(&item)) return false;
    uv_stdio_container_t container;
    container.flags = UV_IGNORE;
    container.data.fd = -1;
    if (item->IsUndefined() || item->IsNull()) {
      options->stdio.push_back(container);
      continue;
    }
    if (!item->IsObject()) {
      ThrowTypeError(isolate, "options.stdio entries must be objects");
      return false;
    }
    Local<Object> entry = item.As<Object>();
    Local<Value> type_value;
    if (!GetProp(isolate, entry, "type", &type_value)) return false;
    std::string type;
    if (!ToCleanString(isolate, type_value, "stdio type", &type)) return false;
    if (type == "ignore") {
      // already UV_IGNORE
    } else if (type == "pipe") {
      Local<Value> handle;
      if (!GetProp(isolate, entry, "handle", &handle)) return false;
      StreamWrap* stream = HandleWrap::FromValue<StreamWrap>(handle);
      HandleWrap* wrap = stream;
      if (stream == nullptr || wrap->handle()->type != UV_NAMED_PIPE) {
        ThrowTypeError(isolate, "stdio pipe handle must be an open Pipe");
        return false;
      }
      uv_os_fd_t fd;
      bool in_use = uv_fileno(wrap->handle(), &fd) == 0;
      for (uv_stream_t* other : seen) in_use = in_use || other == stream->stream();
      if (in_use) {
        ThrowTypeError(isolate, "stdio pipe handle is already in use");
        return false;
      }
      seen.push_back(stream->stream());
      container.flags =
          static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE);
      container.data.stream = stream->stream();
    } else if (type == "fd") {
      Local<Value> fd;
      if (!GetProp(isolate, entry, "fd", &fd)) return false;
      if (!fd->IsInt32() || fd.As<v8::Int32>()->Value() < 0) {
        ThrowTypeError(isolate, "stdio fd must be a file descriptor");
        return false;
      }
      container.flags = UV_INHERIT_FD;
      container.data.fd = fd.As<v8::Int32>()->Value();
    } else {
      ThrowTypeError(isolate, "stdio type must be 'pipe', 'ignore' or 'fd'");
      return false;
    }
    options->stdio.push_back(container);
  }
  return true;
}

bool ReadOptions(Isolate* isolate, Local<Value> value, SpawnOptions* options) {
  if (!value->IsObject()) {
    ThrowTypeError(isolate, "options must be an object");
    return false;
  }
  Local<Object> object = value.As<Object>();
  Local<Value> v;
  if (!GetProp(isolate, object, "file", &v)) return false;
  if (!ToCleanString(isolate, v, "options.file", &options->file)) return false;
  if (options->file.empty()) {
    ThrowTypeError(isolate, "options.file must not be empty");
    return false;
  }
  if (!GetProp(isolate, object, "args", &v)) return false;
  if (v->IsUndefined() || v->IsNull()) {
    options->args.push_back(options->file);
  } else if (!ToStringArray(isolate, v, "options.args", &options->args)) {
    return false;
  }
  if (!GetProp(isolate, object, "cwd", &v)) return false;
  if (!v->IsUndefined() && !v->IsNull()) {
    if (!ToCleanString(isolate, v, "options.cwd", &options->cwd)) return false;
    options->has_cwd = !options->cwd.empty();
  }
  if (!GetProp(isolate, object, "envPairs", &v)) return false;
  if (!v->IsUndefined() && !v->IsNull()) {
    if (!ToStringArray(isolate, v, "options.envPairs", &options->env)) return false;
    options->has_env = true;
  }
  if (!GetProp(isolate, object, "detached", &v)) return false;
  options->detached = v->BooleanValue(isolate);
  if (!GetProp(isolate, object, "stdio", &v)) return false;
  return ReadStdio(isolate, v, options);
}

void Spawn(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  Local<Object> self = args.This();
  if (self->InternalFieldCount() < BaseObject::kInternalFieldCount) {
    return ThrowTypeError(isolate, "spawn must be called on a Process");
  }
  if (Unwrap<ProcessWrap>(self) != nullptr) {
    return ThrowTypeError(isolate, "process has already been spawned");
  }
  SpawnOptions options;
  if (!ReadOptions(isolate, args[0], &options)) return;
  // Reading options can run getters; check again that nothing spawned meanwhile.
  if (Unwrap<ProcessWrap>(self) != nullptr) {
    return ThrowTypeError(isolate, "process has already been spawned");
  }

  std::vector<char*> argv = ToCharPointers(&options.args);
  std::vector<char*> envp;
  if (options.has_env) envp = ToCharPointers(&options.env);

  uv_process_options_t uv_options = {};
  uv_options.exit_cb = OnExit;
  uv_options.file = options.file.c_str();
  uv_options.args = argv.data();
  uv_options.env = options.has_env ? envp.data() : nullptr;
  uv_options.cwd = options.has_cwd ? options.cwd.c_str() : nullptr;
  uv_options.flags = options.detached ? UV_PROCESS_DETACHED : 0;
  uv_options.stdio_count = static_cast<int>(options.stdio.size());
  uv_options.stdio = options.stdio.empty() ? nullptr : options.stdio.data();

  ProcessWrap* wrap = new ProcessWrap(env, self);
  int err = uv_spawn(env->loop(), wrap->process(), &uv_options);
  // uv_spawn initialises the handle even when it fails, so the wrap is closed by JS either way.
  if (err == 0) {
    self->CreateDataProperty(env->context(), OneByteString(isolate, "pid"),
              Integer::New(isolate, wrap->process()->pid))
        .Check();
  }
  args.GetReturnValue().Set(err);
}

void Kill(const FunctionCallbackInfo<Value>& args) {
  ProcessWrap* wrap = HandleWrap::Unwrap<ProcessWrap>(args);
  if (wrap == nullptr) return;
  int32_t signal;
  if (!GetInt32Arg(args, 0, "signal", &signal, 0, 64)) return;
  args.GetReturnValue().Set(uv_process_kill(wrap->process(), signal));
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<FunctionTemplate> tmpl = FunctionTemplate::New(isolate, New);
  tmpl->SetClassName(OneByteString(isolate, "Process"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  HandleWrap::AddMethods(isolate, tmpl);
  SetProtoMethod(isolate, tmpl, "spawn", Spawn);
  SetProtoMethod(isolate, tmpl, "kill", Kill);
  Local<Function> constructor = tmpl->GetFunction(context).ToLocalChecked();
  target->CreateDataProperty(context, OneByteString(isolate, "Process"), constructor).Check();
}

}  // namespace process_wrap
}  // namespace binding
}  // namespace nodus
