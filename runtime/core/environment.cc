#include "runtime/core/environment.h"

#include <malloc.h>
#include <unistd.h>

#include <cstdio>

#include "runtime/core/array_buffer_allocator.h"
#include "runtime/core/callback_scope.h"
#include "runtime/core/check.h"
#include "runtime/core/errors.h"
#include "runtime/core/util.h"

namespace nodus {

using v8::Context;
using v8::Function;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Message;
using v8::Object;
using v8::Promise;
using v8::PromiseRejectMessage;
using v8::TryCatch;
using v8::Value;

namespace {

// v0.6.3 reported a thrown value without a stack as `name: message` when it has both (neither
// undefined), otherwise as String(value). FormatUncaughtException prints a string as it is, so
// such a value is turned into that string here; a value with a stack is left alone.
Local<Value> ReportableValue(Isolate* isolate, Local<Value> error) {
  if (!error->IsObject()) return error;
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> object = error.As<Object>();
  TryCatch try_catch(isolate);
  Local<Value> stack;
  if (object->Get(context, OneByteString(isolate, "stack")).ToLocal(&stack) && stack->IsString()) {
    return error;
  }
  Local<Value> name;
  Local<Value> message;
  Local<v8::String> text;
  if (object->Get(context, OneByteString(isolate, "name")).ToLocal(&name) &&
      object->Get(context, OneByteString(isolate, "message")).ToLocal(&message) &&
      !name->IsUndefined() && !message->IsUndefined()) {
    Local<v8::String> name_text;
    Local<v8::String> message_text;
    if (name->ToString(context).ToLocal(&name_text) &&
        message->ToString(context).ToLocal(&message_text)) {
      return v8::String::Concat(
          isolate, v8::String::Concat(isolate, name_text, OneByteString(isolate, ": ")),
          message_text);
    }
  } else if (error->ToString(context).ToLocal(&text)) {
    return text;
  }
  return error;
}

}  // namespace

Environment::Environment(v8::Platform* platform, Isolate* isolate, Local<Context> context,
                         uv_loop_t* loop)
    : platform_(platform),
      isolate_(isolate),
      context_(isolate, context),
      loop_(loop),
      start_time_ns_(uv_hrtime()) {
  isolate->SetData(kIsolateSlot, this);
  NoteLoopTime();
  binding_cache_.Reset(isolate, Object::New(isolate));
  CHECK_EQ(uv_check_init(loop, &platform_check_), 0);
  platform_check_.data = this;
  uv_check_start(&platform_check_, [](uv_check_t* handle) {
    static_cast<Environment*>(handle->data)->PumpPlatformTasks();
  });
  uv_unref(reinterpret_cast<uv_handle_t*>(&platform_check_));
  // As v0.6.3 (its idle, prepare and check watchers each called Tick), a turn of the loop runs
  // a pass over the queued nextTicks in its idle, prepare and check phases: a chain of ticks gets
  // three passes per poll for I/O, timers run between turns.
  CHECK_EQ(uv_idle_init(loop, &tick_spinner_), 0);
  tick_spinner_.data = this;
  CHECK_EQ(uv_prepare_init(loop, &tick_prepare_), 0);
  tick_prepare_.data = this;
  uv_prepare_start(&tick_prepare_, [](uv_prepare_t* handle) {
    static_cast<Environment*>(handle->data)->RunQueuedTicks();
  });
  uv_unref(reinterpret_cast<uv_handle_t*>(&tick_prepare_));
  CHECK_EQ(uv_check_init(loop, &tick_check_), 0);
  tick_check_.data = this;
  uv_check_start(&tick_check_, [](uv_check_t* handle) {
    Environment* env = static_cast<Environment*>(handle->data);
    env->loop_turns_++;
    env->RunQueuedTicks();
  });
  uv_unref(reinterpret_cast<uv_handle_t*>(&tick_check_));
  CHECK_EQ(uv_check_init(loop, &after_poll_check_), 0);
  after_poll_check_.data = this;
  CHECK_EQ(uv_idle_init(loop, &after_poll_idle_), 0);
  CHECK_EQ(uv_timer_init(loop, &idle_timer_), 0);
  idle_timer_.data = this;
  uv_timer_start(&idle_timer_, [](uv_timer_t* timer) {
    static_cast<Environment*>(timer->data)->OnIdleTimer();
  }, kIdleCollectMs, kIdleCollectMs);
  idle_check_due_ = uv_now(loop) + kIdleCollectMs;
  uv_unref(reinterpret_cast<uv_handle_t*>(&idle_timer_));
  isolate->SetPromiseRejectCallback(OnPromiseReject);
}

Environment::~Environment() {
  {
    HandleScope scope(isolate_);
    // A hook may add another: that one runs next.
    while (!cleanup_hooks_.empty()) {
      std::pair<void (*)(void*), void*> hook = cleanup_hooks_.back();
      cleanup_hooks_.pop_back();
      hook.first(hook.second);
    }
  }
  uv_close(reinterpret_cast<uv_handle_t*>(&platform_check_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&tick_spinner_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&tick_prepare_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&tick_check_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&idle_timer_), nullptr);
  // Tasks still waiting are dropped: their owners must not reach for this Environment later.
  for (AfterPollTask* task : after_poll_tasks_) task->after_poll_scheduled_ = false;
  after_poll_tasks_.clear();
  uv_close(reinterpret_cast<uv_handle_t*>(&after_poll_check_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&after_poll_idle_), nullptr);
  uv_run(loop_, UV_RUN_NOWAIT);
  isolate_->SetData(kIsolateSlot, nullptr);
}

void Environment::ScheduleAfterPoll(AfterPollTask* task) {
  if (task->after_poll_scheduled_) return;
  task->after_poll_scheduled_ = true;
  after_poll_tasks_.push_back(task);
  if (after_poll_tasks_.size() > 1) return;
  // Started during a check phase, the check handle does not run in that phase (libuv runs the
  // handles that were started when the phase began).
  uv_check_start(&after_poll_check_, [](uv_check_t* handle) {
    static_cast<Environment*>(handle->data)->RunAfterPollTasks();
  });
  uv_idle_start(&after_poll_idle_, [](uv_idle_t*) {});
}

void Environment::CancelAfterPoll(AfterPollTask* task) {
  if (!task->after_poll_scheduled_) return;
  task->after_poll_scheduled_ = false;
  for (AfterPollTask*& running : after_poll_running_) {
    if (running == task) running = nullptr;
  }
  for (auto it = after_poll_tasks_.begin(); it != after_poll_tasks_.end(); ++it) {
    if (*it == task) {
      after_poll_tasks_.erase(it);
      break;
    }
  }
  if (after_poll_tasks_.empty()) {
    uv_check_stop(&after_poll_check_);
    uv_idle_stop(&after_poll_idle_);
  }
}

void Environment::RunAfterPollTasks() {
  // Tasks scheduled from here on (a task may schedule itself again) wait for the next turn.
  after_poll_running_.swap(after_poll_tasks_);
  uv_check_stop(&after_poll_check_);
  uv_idle_stop(&after_poll_idle_);
  for (size_t i = 0; i < after_poll_running_.size(); i++) {
    AfterPollTask* task = after_poll_running_[i];
    if (task == nullptr) continue;  // cancelled by an earlier task
    after_poll_running_[i] = nullptr;
    task->after_poll_scheduled_ = false;
    task->RunAfterPoll();
  }
  after_poll_running_.clear();
}

void Environment::OnIdleTimer() {
  // A check that comes late found the loop busy in JS (a long main script, a long callback), not
  // idle: the program is working, and a full collection now would only be a pause.
  uint64_t now = uv_now(loop_);
  bool late = now > idle_check_due_ + kIdleCollectMs / 2;
  idle_check_due_ = now + kIdleCollectMs;
  if (late || callbacks_ != callbacks_at_last_idle_check_) {
    callbacks_at_last_idle_check_ = callbacks_;
    collected_since_activity_ = false;
    return;
  }
  if (collected_since_activity_) return;
  collected_since_activity_ = true;
  isolate_->LowMemoryNotification();
  // Hand the memory the collection freed back to the system too, with the big blocks kept for
  // reuse while the process was busy.
  BlockCache::Get()->Release();
  malloc_trim(0);
}

void Environment::RunLoop() {
  do {
    uv_run(loop_, UV_RUN_DEFAULT);
    PumpPlatformTasks();
    RunTicks();
  } while (uv_loop_alive(loop_));
}

void Environment::UseCountingPlatform(Platform* platform) {
  counting_platform_ = platform;
  platform_ = platform->inner();
}

void Environment::PumpPlatformTasks() {
  if (counting_platform_ != nullptr) {
    uint64_t posted = counting_platform_->posted();
    uint64_t now = uv_now(loop_);
    if (posted == pumped_posted_ &&
        !(counting_platform_->delayed_posted() && now != pumped_at_ms_)) {
      return;  // nothing posted since the last pump, and no delayed task can have come due
    }
    pumped_posted_ = posted;
    pumped_at_ms_ = now;
  }
  while (v8::platform::PumpMessageLoop(platform_, isolate_)) {
  }
}

Local<v8::String> Environment::Key(const char* literal) {
  auto it = keys_.find(literal);
  if (it != keys_.end()) return it->second.Get(isolate_);
  Local<v8::String> key = OneByteString(isolate_, literal);
  keys_[literal].Set(isolate_, key);
  return key;
}

MaybeLocal<Value> Environment::MakeCallback(Local<Object> recv, Local<Function> fn, int argc,
                                            Local<Value>* argv) {
  v8::EscapableHandleScope outer(isolate_);
  Local<Value> result;
  {
    CallbackScope scope(this);
    if (!fn->Call(context(), recv, argc, argv).ToLocal(&result)) return MaybeLocal<Value>();
    result = outer.Escape(result);
  }
  return result;
}

MaybeLocal<Value> Environment::MakeCallback(Local<Object> recv, const char* method, int argc,
                                            Local<Value>* argv) {
  Local<Value> fn;
  if (!recv->Get(context(), Key(method)).ToLocal(&fn) || !fn->IsFunction()) {
    return MaybeLocal<Value>();
  }
  return MakeCallback(recv, fn.As<Function>(), argc, argv);
}

MaybeLocal<Value> Environment::MakeCallback(Local<Object> recv, BindingFunction dispatcher,
                                            const char* method, int argc, Local<Value>* argv) {
  const v8::Global<Function>& fn = binding_functions_[static_cast<int>(dispatcher)];
  if (fn.IsEmpty()) return MakeCallback(recv, method, argc, argv);
  return MakeCallback(recv, fn.Get(isolate_), argc, argv);
}

void Environment::RunTicks() {
  if (in_tick_) return;
  in_tick_ = true;
  NoteLoopTime();
  HandleScope scope(isolate_);
  Local<Context> ctx = context();
  if (tick_info_[0] > 0 && !tick_callback_.IsEmpty()) {
    // The JS side runs the callbacks queued so far, each followed by the microtasks it caused
    // (stdlib/lib/_bootstrap.js); a callback that throws leaves the rest for the next pass.
    TryCatch try_catch(isolate_);
    Local<Function> tick = tick_callback_.Get(isolate_);
    Local<Value> from_native = v8::True(isolate_);
    Ignore(tick->Call(ctx, process_object(), 1, &from_native));
    if (try_catch.HasCaught()) {
      if (!try_catch.CanContinue()) {
        in_tick_ = false;
        return;
      }
      HandleUncaughtException(try_catch);
    }
    // The reactions of the pass's last callback (or of the one that threw).
    isolate_->PerformMicrotaskCheckpoint();
  } else {
    isolate_->PerformMicrotaskCheckpoint();
  }
  if (tick_info_[0] == 0 && !pending_rejections_.empty()) ProcessRejections();
  in_tick_ = false;
  UpdateTickSpinner();
}

void Environment::RunQueuedTicks() {
  if (tick_info_[0] == 0) return;
  NoteActivity();  // nextTick callbacks queued for this turn: the program is busy
  RunTicks();
}

void Environment::UpdateTickSpinner() {
  bool pending = tick_info_[0] > 0;
  if (pending == tick_spinning_) return;
  tick_spinning_ = pending;
  if (pending) {
    uv_idle_start(&tick_spinner_, [](uv_idle_t* handle) {
      static_cast<Environment*>(handle->data)->RunQueuedTicks();
    });
  } else {
    uv_idle_stop(&tick_spinner_);
  }
}

void Environment::OnPromiseReject(PromiseRejectMessage message) {
  Local<Promise> promise = message.GetPromise();
  Isolate* isolate = promise->GetIsolate();
  Environment* env = GetCurrent(isolate);
  if (env == nullptr) return;
  switch (message.GetEvent()) {
    case v8::kPromiseRejectWithNoHandler:
      env->pending_rejections_.emplace_back(v8::Global<Promise>(isolate, promise),
                                            v8::Global<Value>(isolate, message.GetValue()));
      break;
    case v8::kPromiseHandlerAddedAfterReject:
      for (auto it = env->pending_rejections_.begin(); it != env->pending_rejections_.end(); ++it) {
        if (it->first.Get(isolate) == promise) {
          env->pending_rejections_.erase(it);
          break;
        }
      }
      break;
    default:
      break;
  }
}

// A rejection still unhandled once every tick and microtask has run is treated as today's Node
// treats it: 'unhandledRejection' if the program listens, otherwise an uncaught exception.
void Environment::ProcessRejections() {
  auto pending = std::move(pending_rejections_);
  pending_rejections_.clear();
  for (auto& entry : pending) {
    Local<Promise> promise = entry.first.Get(isolate_);
    Local<Value> reason = entry.second.Get(isolate_);
    bool handled = false;
    if (!rejection_callback_.IsEmpty()) {
      TryCatch try_catch(isolate_);
      Local<Value> argv[] = {reason, promise};
      Local<Value> result;
      if (rejection_callback_.Get(isolate_)
              ->Call(context(), process_object(), 2, argv)
              .ToLocal(&result)) {
        handled = result->IsTrue();
      } else if (try_catch.HasCaught() && try_catch.CanContinue()) {
        HandleUncaughtException(try_catch);
        handled = true;
      }
    }
    if (!handled) HandleUncaughtException(reason, v8::Exception::CreateMessage(isolate_, reason));
  }
}

// An exception nothing caught ends the process with 1 after the report, without process
// 'exit': v0.6.3's FatalException called exit(1) straight after ReportException, so 'exit'
// listeners (cleanup that should only follow a clean end, or checks of a test) do not run.
// Today's Node emits 'exit' here; programs of the time relied on it not running (tmp 0.0.16's
// tests keep a temporary directory after a crash unless graceful cleanup was asked for).
// An 'uncaughtException' listener that throws ends the process the same way, with its error.
void Environment::HandleUncaughtException(Local<Value> error, Local<Message> message) {
  HandleScope scope(isolate_);
  if (!fatal_exception_callback_.IsEmpty() && !exiting_) {
    TryCatch try_catch(isolate_);
    Local<Value> argv[] = {error};
    Local<Value> handled;
    if (fatal_exception_callback_.Get(isolate_)
            ->Call(context(), process_object(), 1, argv)
            .ToLocal(&handled) &&
        handled->IsTrue()) {
      return;
    }
    if (try_catch.HasCaught() && try_catch.CanContinue()) {
      // The 'uncaughtException' handler itself threw: report that error instead, as Node does.
      std::string report = FormatUncaughtException(
          isolate_, ReportableValue(isolate_, try_catch.Exception()), try_catch.Message());
      WriteAll(STDERR_FILENO, report.data(), report.size());
      Exit(1);
    }
  }
  std::string report =
      FormatUncaughtException(isolate_, ReportableValue(isolate_, error), message);
  WriteAll(STDERR_FILENO, report.data(), report.size());
  Exit(1);
}

int Environment::EmitExit(int code) {
  if (exit_emitted_) return code;
  exit_emitted_ = true;
  HandleScope scope(isolate_);
  Local<Context> ctx = context();
  Local<Object> process = process_object();
  // process.exit() emits 'exit' itself and marks the process as exiting first.
  Local<Value> already;
  if (process->Get(ctx, OneByteString(isolate_, "_exiting")).ToLocal(&already) &&
      already->IsTrue()) {
    return code;
  }
  process->CreateDataProperty(ctx, OneByteString(isolate_, "_exiting"), v8::True(isolate_)).Check();
  TryCatch try_catch(isolate_);
  Local<Value> emit;
  if (process->Get(ctx, OneByteString(isolate_, "emit")).ToLocal(&emit) && emit->IsFunction()) {
    Local<Value> argv[] = {OneByteString(isolate_, "exit"), v8::Integer::New(isolate_, code)};
    Ignore(emit.As<Function>()->Call(ctx, process, 2, argv));
  }
  if (try_catch.HasCaught() && try_catch.CanContinue()) {
    exiting_ = true;
    std::string report = FormatUncaughtException(
        isolate_, ReportableValue(isolate_, try_catch.Exception()), try_catch.Message());
    WriteAll(STDERR_FILENO, report.data(), report.size());
    return 7;
  }
  return code;
}

void Environment::Exit(int code) {
  exiting_ = true;
  for (auto& hook : at_exit_) hook.first(hook.second);
  std::fflush(stdout);
  std::fflush(stderr);
  // Exiting without unwinding: V8 may be mid-call, and nothing buffered is pending: stdio
  // writes from JS are synchronous, or (pipes) were just written out by their at-exit hook.
  _exit(code);
}

}  // namespace nodus
