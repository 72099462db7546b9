// process.binding('timer_wrap'): the one libuv timer behind all of JS's timers. stdlib/lib/
// timers.js keeps every setTimeout/setInterval in a heap and arms this timer for the earliest;
// the timer calls `onTimeout` on the binding object. `ref`/`unref` decide whether pending timers
// keep the process alive.
#include <uv.h>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/check.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace timer_wrap {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// One per Environment, freed by its cleanup hook (FreeState).
struct TimerState {
  uv_timer_t handle;
  Environment* env;
  v8::Global<Object> target;
};

TimerState* GetState(const FunctionCallbackInfo<Value>& args) {
  return static_cast<TimerState*>(args.Data().As<v8::External>()->Value());
}

void OnTimer(uv_timer_t* handle) {
  TimerState* state = static_cast<TimerState*>(handle->data);
  Environment* env = state->env;
  HandleScope scope(env->isolate());
  Local<Object> target = state->target.Get(env->isolate());
  env->MakeCallback(target, "onTimeout", 0, nullptr);
}

// start(ms): (re)arms the timer to fire once after ms milliseconds from the loop's now.
void Start(const FunctionCallbackInfo<Value>& args) {
  TimerState* state = GetState(args);
  int64_t ms;
  if (!GetInt64Arg(args, 0, "timeout", &ms)) return;
  if (ms < 0) ms = 0;
  uv_timer_start(&state->handle, OnTimer, static_cast<uint64_t>(ms), 0);
}

void Stop(const FunctionCallbackInfo<Value>& args) { uv_timer_stop(&GetState(args)->handle); }

void Ref(const FunctionCallbackInfo<Value>& args) {
  uv_ref(reinterpret_cast<uv_handle_t*>(&GetState(args)->handle));
}

void Unref(const FunctionCallbackInfo<Value>& args) {
  uv_unref(reinterpret_cast<uv_handle_t*>(&GetState(args)->handle));
}

// The loop's cached time, in milliseconds; timers are scheduled against it.
void Now(const FunctionCallbackInfo<Value>& args) {
  TimerState* state = GetState(args);
  args.GetReturnValue().Set(static_cast<double>(uv_now(state->env->loop())));
}

void UpdateTime(const FunctionCallbackInfo<Value>& args) {
  TimerState* state = GetState(args);
  uv_update_time(state->env->loop());
  state->env->NoteLoopTime();
  args.GetReturnValue().Set(static_cast<double>(uv_now(state->env->loop())));
}

// The Environment's cleanup hook: closes the timer; its close callback frees the state.
void FreeState(void* arg) {
  TimerState* state = static_cast<TimerState*>(arg);
  state->target.Reset();
  uv_close(reinterpret_cast<uv_handle_t*>(&state->handle),
           [](uv_handle_t* handle) { delete static_cast<TimerState*>(handle->data); });
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  TimerState* state = new TimerState();
  state->env = env;
  state->target.Reset(isolate, target);
  CHECK_EQ(uv_timer_init(env->loop(), &state->handle), 0);
  state->handle.data = state;
  env->AddCleanupHook(FreeState, state);
  Local<v8::External> data = v8::External::New(isolate, state);
  struct {
    const char* name;
    v8::FunctionCallback callback;
  } methods[] = {{"start", Start}, {"stop", Stop},   {"ref", Ref},
                 {"unref", Unref}, {"now", Now},     {"updateTime", UpdateTime}};
  for (const auto& method : methods) {
    Local<v8::Function> fn =
        v8::Function::New(context, method.callback, data, 0, v8::ConstructorBehavior::kThrow)
            .ToLocalChecked();
    target->CreateDataProperty(context, OneByteString(isolate, method.name), fn).Check();
  }
  // loopTime[0]: the loop's time as of the latest entry into JS (Environment::loop_time), what
  // now() returns, without a call.
  std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      env->loop_time(), sizeof(double), v8::BackingStore::EmptyDeleter, nullptr);
  target
      ->CreateDataProperty(context, OneByteString(isolate, "loopTime"),
                           v8::Float64Array::New(v8::ArrayBuffer::New(isolate, store), 0, 1))
      .Check();
}

}  // namespace timer_wrap
}  // namespace binding
}  // namespace nodus
