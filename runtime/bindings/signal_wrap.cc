// process.binding('signal_wrap'): delivers POSIX signals to process.on('SIGxxx') listeners.
// `start(signum)` installs a libuv signal watcher, which does not keep the process alive, as in
// v0.6; each delivery calls `onsignal(signum)` on the binding object through MakeCallback.
// `stop(signum)` closes it, restoring the signal's default action.
#include <uv.h>

#include <csignal>
#include <map>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/errors.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace signal_wrap {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// One per Environment, freed by its cleanup hook (FreeState).
struct SignalState {
  Environment* env;
  v8::Global<Object> target;
  std::map<int, uv_signal_t*> watchers;
};

void OnSignal(uv_signal_t* handle, int signum) {
  SignalState* state = static_cast<SignalState*>(handle->data);
  Environment* env = state->env;
  HandleScope scope(env->isolate());
  Local<Value> argv[] = {v8::Integer::New(env->isolate(), signum)};
  env->MakeCallback(state->target.Get(env->isolate()), "onsignal", 1, argv);
}

SignalState* GetState(const FunctionCallbackInfo<Value>& args) {
  return static_cast<SignalState*>(args.Data().As<v8::External>()->Value());
}

bool GetSignal(const FunctionCallbackInfo<Value>& args, int* signum) {
  return GetInt32Arg(args, 0, "signal", signum, 1, 64);
}

void Start(const FunctionCallbackInfo<Value>& args) {
  SignalState* state = GetState(args);
  int signum;
  if (!GetSignal(args, &signum)) return;
  if (state->watchers.count(signum)) return;
  uv_signal_t* handle = new uv_signal_t;
  uv_signal_init(state->env->loop(), handle);
  handle->data = state;
  int err = uv_signal_start(handle, OnSignal, signum);
  if (err != 0) {
    uv_close(reinterpret_cast<uv_handle_t*>(handle),
             [](uv_handle_t* h) { delete reinterpret_cast<uv_signal_t*>(h); });
    return ThrowUVException(args.GetIsolate(), err, "uv_signal_start");
  }
  uv_unref(reinterpret_cast<uv_handle_t*>(handle));
  state->watchers[signum] = handle;
}

void CloseWatcher(int signum, uv_signal_t* handle) {
  uv_close(reinterpret_cast<uv_handle_t*>(handle),
           [](uv_handle_t* h) { delete reinterpret_cast<uv_signal_t*>(h); });
  // libuv gives the signal its default action back once its last watcher closes (as v0.6.3 did
  // when the last listener went). SIGPIPE's default in this runtime is to be ignored
  // (runtime/start.cc), so that is what it goes back to.
  if (signum == SIGPIPE) signal(SIGPIPE, SIG_IGN);
}

void Stop(const FunctionCallbackInfo<Value>& args) {
  SignalState* state = GetState(args);
  int signum;
  if (!GetSignal(args, &signum)) return;
  auto it = state->watchers.find(signum);
  if (it == state->watchers.end()) return;
  uv_signal_t* handle = it->second;
  state->watchers.erase(it);
  CloseWatcher(signum, handle);
}

// The Environment's cleanup hook: closes the watchers still open (their close callbacks free
// them) and frees the state, which the callbacks do not touch.
void FreeState(void* arg) {
  SignalState* state = static_cast<SignalState*>(arg);
  for (auto& watcher : state->watchers) CloseWatcher(watcher.first, watcher.second);
  delete state;
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  SignalState* state = new SignalState();
  state->env = env;
  state->target.Reset(isolate, target);
  env->AddCleanupHook(FreeState, state);
  Local<v8::External> data = v8::External::New(isolate, state);
  target->CreateDataProperty(context, OneByteString(isolate, "start"),
              v8::Function::New(context, Start, data).ToLocalChecked()).Check();
  target->CreateDataProperty(context, OneByteString(isolate, "stop"),
              v8::Function::New(context, Stop, data).ToLocalChecked()).Check();
}

}  // namespace signal_wrap
}  // namespace binding
}  // namespace nodus
