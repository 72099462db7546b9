// process.binding('timer_wrap'): the one libuv timer behind all of JS's timers. stdlib/lib/
// timers.js keeps every setTimeout/setInterval in a heap and arms this timer for the earliest;
// the timer calls `onTimeout` on the binding object.
//
// Whether pending timers keep the process alive is shared state, not a call per change: `info`
// is an Int32Array over TimerState::info. JS counts its pending ref'd timers in
// info[kPendingRefs] and calls `ref()` when the count leaves 0 while the handle is unref'd
// (info[kHandleRef] says which it is). Dropping to 0 costs no call: a prepare handle, run by
// the loop just before it decides how long to wait, unrefs the timer then. Until then the loop
// merely looks alive, and every iteration passes the prepare phase before it can block, so a
// set-and-clear pair (a request timeout, say) costs no native call for ref'ing at all.
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

// The slots of TimerState::info (and of the binding's `info` Int32Array over it).
enum InfoSlot { kPendingRefs, kHandleRef, kInfoSlots };

// One per Environment, freed by its cleanup hook (FreeState) once both handles have closed.
struct TimerState {
  uv_timer_t handle;
  uv_prepare_t ref_check;
  Environment* env;
  v8::Global<Object> target;
  int32_t info[kInfoSlots] = {0, 0};
  int open_handles = 0;
};

void SetHandleRef(TimerState* state, bool ref) {
  uv_handle_t* handle = reinterpret_cast<uv_handle_t*>(&state->handle);
  if (ref) {
    uv_ref(handle);
  } else {
    uv_unref(handle);
  }
  state->info[kHandleRef] = ref ? 1 : 0;
}

// The prepare callback: the lazy half of the ref count (see the top of the file).
void CheckRef(uv_prepare_t* prepare) {
  TimerState* state = static_cast<TimerState*>(prepare->data);
  if (state->info[kPendingRefs] <= 0 && state->info[kHandleRef] != 0) SetHandleRef(state, false);
}

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

void Ref(const FunctionCallbackInfo<Value>& args) { SetHandleRef(GetState(args), true); }

void Unref(const FunctionCallbackInfo<Value>& args) { SetHandleRef(GetState(args), false); }

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

void OnClose(uv_handle_t* handle) {
  TimerState* state = static_cast<TimerState*>(handle->data);
  if (--state->open_handles == 0) delete state;
}

// The Environment's cleanup hook: closes both handles; the last close callback frees the state.
void FreeState(void* arg) {
  TimerState* state = static_cast<TimerState*>(arg);
  state->target.Reset();
  uv_close(reinterpret_cast<uv_handle_t*>(&state->handle), OnClose);
  uv_close(reinterpret_cast<uv_handle_t*>(&state->ref_check), OnClose);
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
  SetHandleRef(state, false);  // until a ref'd timer is pending
  CHECK_EQ(uv_prepare_init(env->loop(), &state->ref_check), 0);
  state->ref_check.data = state;
  uv_prepare_start(&state->ref_check, CheckRef);
  uv_unref(reinterpret_cast<uv_handle_t*>(&state->ref_check));
  state->open_handles = 2;
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
  // The ArrayBuffer does not own the memory: the state outlives every JS object of the
  // Environment, as Environment::tick_info does.
  std::shared_ptr<v8::BackingStore> info_store = v8::ArrayBuffer::NewBackingStore(
      state->info, sizeof(state->info), v8::BackingStore::EmptyDeleter, nullptr);
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, info_store);
  target
      ->CreateDataProperty(context, OneByteString(isolate, "info"),
                           v8::Int32Array::New(buffer, 0, kInfoSlots))
      .Check();
}

}  // namespace timer_wrap
}  // namespace binding
}  // namespace nodus
