// The Environment is the runtime's per-process state: the isolate, the one context, libuv's loop,
// the `process` object and everything the bindings share. Exactly one exists, created by Start()
// (runtime/start.cc) before any JS runs and destroyed after the loop ends. It is reachable
// from any V8 callback through Environment::GetCurrent(isolate). What lives in statics instead is
// process-wide or per-thread by nature and never reachable from JS: the BlockCache of big
// ArrayBuffer blocks (array_buffer_allocator.h), per-thread scratch memory, and OpenSSL itself
// (loaded on first use, third_party/openssl), its providers, root certificate store and finished
// digest contexts (bindings/crypto).
#ifndef RUNTIME_CORE_ENVIRONMENT_H_
#define RUNTIME_CORE_ENVIRONMENT_H_

#include <uv.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "libplatform/libplatform.h"
#include "runtime/core/platform.h"
#include "v8.h"

namespace nodus {

class Environment {
 public:
  Environment(v8::Platform* platform, v8::Isolate* isolate, v8::Local<v8::Context> context,
              uv_loop_t* loop);
  ~Environment();
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  static Environment* GetCurrent(v8::Isolate* isolate) {
    return static_cast<Environment*>(isolate->GetData(kIsolateSlot));
  }
  static Environment* GetCurrent(const v8::FunctionCallbackInfo<v8::Value>& args) {
    return GetCurrent(args.GetIsolate());
  }

  v8::Isolate* isolate() const { return isolate_; }
  v8::Local<v8::Context> context() const { return context_.Get(isolate_); }
  uv_loop_t* loop() const { return loop_; }
  v8::Platform* platform() const { return platform_; }
  // The loop pumps V8's foreground tasks only when `platform` (the one V8 was initialized with)
  // has had tasks posted since the last pump, or has delayed tasks and the loop's clock moved
  // (platform.h); without this call it pumps on every turn.
  void UseCountingPlatform(Platform* platform);

  v8::Local<v8::Object> process_object() const { return process_object_.Get(isolate_); }
  void set_process_object(v8::Local<v8::Object> process) { process_object_.Reset(isolate_, process); }

  // The directory builtins are read from instead of the embedded copies (--builtins-dir), or "".
  const std::string& builtins_dir() const { return builtins_dir_; }
  void set_builtins_dir(const std::string& dir) { builtins_dir_ = dir; }

  // Calls into JS from native code: a call made inside a CallbackScope (callback_scope.h), which
  // counts the activity, drains the nextTick queue and V8's microtasks after the call, and routes
  // an exception thrown by the call to process 'uncaughtException' (or ends the process).
  // Returns empty if it threw.
  v8::MaybeLocal<v8::Value> MakeCallback(v8::Local<v8::Object> recv, v8::Local<v8::Function> fn,
                                         int argc, v8::Local<v8::Value>* argv);
  v8::MaybeLocal<v8::Value> MakeCallback(v8::Local<v8::Object> recv, const char* method, int argc,
                                         v8::Local<v8::Value>* argv);

  // One pass over the nextTick queue, as in v0.6.3: the callbacks queued before the pass began
  // run (each followed by the Promise reactions it caused); those queued during the pass wait for
  // the next turn of the loop (a check handle, with an idle handle keeping the loop from blocking),
  // so a nextTick that re-queues itself cannot starve timers or I/O. With the queue empty it runs
  // the microtasks and reports unhandled Promise rejections. Also called after the main script.
  void RunTicks();

  // Handles an exception that reached the top of a callback: emits 'uncaughtException' if the
  // program listens for it; otherwise prints it as Node does and exits with code 1, without
  // emitting process 'exit' (v0.6.3's behaviour).
  void HandleUncaughtException(v8::Local<v8::Value> error, v8::Local<v8::Message> message);
  void HandleUncaughtException(const v8::TryCatch& try_catch) {
    HandleUncaughtException(try_catch.Exception(), try_catch.Message());
  }

  // Callbacks into JS from the loop so far: each CallbackScope counts one. The idle collection
  // (OnIdleTimer) runs only after a period in which this did not change.
  void NoteActivity() { callbacks_++; }
  uint64_t activity_count() const { return callbacks_; }

  // Runs the event loop until nothing keeps it alive (there is no start-the-loop call for users):
  // each time uv_run returns, V8's pending foreground tasks run and the nextTick queue is drained,
  // either of which may make the loop alive again.
  void RunLoop();

  // Emits 'exit' on process (once), flushes stdio and ends the process.
  [[noreturn]] void Exit(int code);
  // fn(arg) runs in Exit(), before the process ends (stdio pipes write out what still waits).
  void AtExit(void (*fn)(void*), void* arg) { at_exit_.emplace_back(fn, arg); }
  // fn(arg) runs when the Environment is destroyed (~Environment), never at process exit: the
  // runtime ends the process with Exit() and leaves the Environment alive; tests and the fuzz
  // harness destroy theirs. A binding frees its per-Environment state this way. Hooks run in the
  // reverse order of registration, while the isolate, the context and the loop still exist, and
  // before the Environment closes its own handles. A hook may uv_close handles and free their
  // memory in the close callbacks: ~Environment turns the loop once after the hooks, which runs
  // every close callback queued by then. By the time the Environment goes, the JS handles of
  // the bindings are closed (the loop ended, or a test closed them), so nothing calls into a
  // binding whose state a hook freed.
  void AddCleanupHook(void (*fn)(void*), void* arg) { cleanup_hooks_.emplace_back(fn, arg); }
  // Emits process 'exit' with `code` unless it was emitted already; returns the final code,
  // which an 'exit' listener may change through process.exitCode.
  int EmitExit(int code);

  // Memory shared with JS (process.binding('natives').tickInfo): [0] is the number of queued
  // nextTick callbacks, written by the JS queue, so the native side can skip the call into JS
  // when there is nothing to run.
  uint32_t* tick_info() { return tick_info_; }
  void set_tick_callback(v8::Local<v8::Function> fn) { tick_callback_.Reset(isolate_, fn); }
  void set_fatal_exception_callback(v8::Local<v8::Function> fn) {
    fatal_exception_callback_.Reset(isolate_, fn);
  }
  void set_rejection_callback(v8::Local<v8::Function> fn) {
    rejection_callback_.Reset(isolate_, fn);
  }

  // The per-process cache behind process.binding(name).
  v8::Local<v8::Object> binding_cache() const { return binding_cache_.Get(isolate_); }

  uint64_t start_time_ns() const { return start_time_ns_; }

  // The buffer every read lands in (streams in runtime/core/stream_wrap.cc, datagrams in
  // udp_wrap.cc). Reads are handled one at a time on this thread, so one buffer serves them all
  // and idle connections hold none. It is malloc'd memory: a big read takes the buffer itself
  // (TakeReadBuffer) instead of copying out of it, and the next read gets a fresh one.
  static constexpr size_t kReadBufferSize = 64 * 1024;
  char* read_buffer() {
    if (!read_buffer_) {
      read_buffer_.reset(static_cast<char*>(std::malloc(kReadBufferSize)));
      if (!read_buffer_) std::abort();  // out of memory: nothing sensible is left to do
    }
    return read_buffer_.get();
  }
  // Hands the read buffer (holding `used` bytes, shrunk to them) to the caller, who frees it
  // with std::free.
  char* TakeReadBuffer(size_t used) {
    char* data = read_buffer_.release();
    if (used < kReadBufferSize) {
      char* shrunk = static_cast<char*>(std::realloc(data, used > 0 ? used : 1));
      if (shrunk != nullptr) data = shrunk;
    }
    return data;
  }

  // Where a stream write reports its outcome without touching the request object:
  // [0] bytes written or queued, [1] 1 if the write was queued (req.oncomplete follows), else 0.
  // JS reads it right after the call as `writeInfo` on the stream bindings (stream_wrap.h).
  double* stream_write_info() { return stream_write_info_; }

  // The loop's time (uv_now) as JS last entered from the loop saw it: written when a callback
  // into JS begins (CallbackScope), when ticks are drained, and by timer_wrap's updateTime(),
  // the only ways the loop's time can have moved when JS runs. timers.js reads it (timer_wrap's
  // `loopTime`) instead of calling into the binding for every socket's activity.
  double* loop_time() { return loop_time_; }
  void NoteLoopTime() { loop_time_[0] = static_cast<double>(uv_now(loop_)); }

  // An internalized string for a C++ literal, created once per Environment. `literal` must be
  // a string literal (it is keyed by address).
  v8::Local<v8::String> Key(const char* literal);
  bool exiting() const { return exiting_; }

  // Functions a binding's JS side hands it once, so that native code reaches JS on a hot path
  // without a property lookup from C++ (which costs far more than the same lookup in JIT code).
  // kStreamOnread / kOnconnection / kStreamOnfirstread: fn(...args) called with a stream handle
  // (a server handle) as `this`, in place of looking up and calling its onread (onconnection,
  // onfirstread); see StreamWrap::ExposeWriteInfo's setCallbackDispatchers.
  enum class BindingFunction {
    kHttpParserDispatch,
    kStreamOnread,
    kOnconnection,
    kStreamOnfirstread,
    kCount
  };
  v8::Local<v8::Function> binding_function(BindingFunction which) const {
    return binding_functions_[static_cast<int>(which)].Get(isolate_);
  }
  void set_binding_function(BindingFunction which, v8::Local<v8::Function> fn) {
    binding_functions_[static_cast<int>(which)].Reset(isolate_, fn);
  }
  // recv[method](...argv) through the JS dispatcher registered as `dispatcher` (which looks the
  // method up with an inline cache, where a lookup from C++ costs several times as much), or by
  // name (MakeCallback above) until one is registered.
  v8::MaybeLocal<v8::Value> MakeCallback(v8::Local<v8::Object> recv, BindingFunction dispatcher,
                                         const char* method, int argc, v8::Local<v8::Value>* argv);

  // Called by V8 for Promise rejections without a handler and for handlers added later.
  static void OnPromiseReject(v8::PromiseRejectMessage message);

  // Native work that waits until the loop has polled for I/O: a task runs in a check phase, which
  // follows the poll. One scheduled during timers or I/O callbacks runs in the same turn's check
  // phase; one scheduled during a check phase runs in the next turn's (unless other tasks wait
  // already and have not run yet in this phase: it joins them). Each runs once per
  // ScheduleAfterPoll; scheduling one that waits already does nothing. While tasks wait, an idle
  // handle keeps the poll from blocking (and the loop alive). Whoever owns a task cancels it
  // before deleting it; a task still waiting when the Environment goes is dropped unrun.
  // (A TLS connection that has sent a burst waits here, so that the peer, which may be in this
  // very process, gets to read: runtime/bindings/crypto/tls_wrap.cc.)
  class AfterPollTask {
   public:
    virtual ~AfterPollTask() = default;
    virtual void RunAfterPoll() = 0;
    bool after_poll_scheduled() const { return after_poll_scheduled_; }

   private:
    friend class Environment;
    bool after_poll_scheduled_ = false;
  };
  void ScheduleAfterPoll(AfterPollTask* task);
  void CancelAfterPoll(AfterPollTask* task);
  // stream_wrap.cc's list of the streams whose held last write the kernel still holds
  // (StreamWrap::HoldNextWrite): made on first use, owned here.
  std::unique_ptr<AfterPollTask>& held_writes() { return held_writes_; }
  // How many check phases the loop has run: a new value means the loop has polled since.
  uint64_t loop_turns() const { return loop_turns_; }

  // The handles closing with a callback (HandleWrap::Close): kept here rather than in a flag of
  // every handle's wrap, since most close without one and a connection's wrap is kept small.
  void NoteCloseCallback(const void* wrap) { close_callbacks_.insert(wrap); }
  // Whether `wrap` was noted (and forgets it).
  bool TakeCloseCallback(const void* wrap) { return close_callbacks_.erase(wrap) != 0; }

 private:
  static constexpr int kIsolateSlot = 0;
  void PumpPlatformTasks();
  void ProcessRejections();

  v8::Platform* platform_;
  Platform* counting_platform_ = nullptr;
  uint64_t pumped_posted_ = 0;     // its count of posted tasks at the last pump
  uint64_t pumped_at_ms_ = 0;      // the loop's time of the last pump
  v8::Isolate* isolate_;
  v8::Global<v8::Context> context_;
  uv_loop_t* loop_;
  v8::Global<v8::Object> process_object_;
  v8::Global<v8::Object> binding_cache_;
  v8::Global<v8::Function> tick_callback_;
  v8::Global<v8::Function> fatal_exception_callback_;
  v8::Global<v8::Function> rejection_callback_;
  v8::Global<v8::Function> binding_functions_[static_cast<int>(BindingFunction::kCount)];
  // Rejected promises not yet handled; checked after each tick drain.
  std::vector<std::pair<v8::Global<v8::Promise>, v8::Global<v8::Value>>> pending_rejections_;
  uint32_t tick_info_[2] = {0, 0};
  double stream_write_info_[2] = {0, 0};
  double loop_time_[1] = {0};
  std::string builtins_dir_;
  struct FreeDeleter {
    void operator()(char* p) const { std::free(p); }
  };
  std::unique_ptr<char, FreeDeleter> read_buffer_;
  std::unordered_map<const char*, v8::Eternal<v8::String>> keys_;
  std::unordered_set<const void*> close_callbacks_;
  std::vector<std::pair<void (*)(void*), void*>> at_exit_;
  std::vector<std::pair<void (*)(void*), void*>> cleanup_hooks_;
  uint64_t start_time_ns_;
  bool in_tick_ = false;
  // While nextTick callbacks wait for the next turn: the idle handle keeps the loop from blocking
  // in poll; it, the prepare handle and the check handle each run a pass (RunQueuedTicks).
  void UpdateTickSpinner();
  void RunQueuedTicks();
  uv_idle_t tick_spinner_;
  uv_prepare_t tick_prepare_;
  uv_check_t tick_check_;
  bool tick_spinning_ = false;
  bool exit_emitted_ = false;
  bool exiting_ = false;
  // Pumps V8's foreground platform tasks once per loop iteration, without keeping the loop alive.
  uv_check_t platform_check_;
  // ScheduleAfterPoll's tasks: those waiting, and those of the check phase running now (a task
  // cancelled while it waits there is nulled out). The handles run only while tasks wait.
  void RunAfterPollTasks();
  std::vector<AfterPollTask*> after_poll_tasks_;
  std::vector<AfterPollTask*> after_poll_running_;
  uv_check_t after_poll_check_;
  uv_idle_t after_poll_idle_;
  uint64_t loop_turns_ = 0;
  std::unique_ptr<AfterPollTask> held_writes_;
  // Once the program has made no callback for a while, one full collection returns the memory a
  // burst left behind (V8's young generation grows under load and does not shrink by itself).
  // The timer never keeps the process alive and does nothing while the program is busy: when
  // callbacks ran since the last check, or when the check itself comes late (JS held the loop).
  static constexpr uint64_t kIdleCollectMs = 500;
  void OnIdleTimer();
  uv_timer_t idle_timer_;
  uint64_t callbacks_ = 0;
  uint64_t callbacks_at_last_idle_check_ = 0;
  uint64_t idle_check_due_ = 0;  // the loop time the idle timer is due at next
  // The main script counts as activity: what it left behind is collected once it goes quiet.
  bool collected_since_activity_ = false;
};

}  // namespace nodus

#endif  // RUNTIME_CORE_ENVIRONMENT_H_
