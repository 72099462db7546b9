#include "runtime/core/environment.h"

#include <uv.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/testing/v8_test.h"

namespace nodus {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// An Environment the test makes and destroys itself, on a loop of its own (EnvironmentTest
// destroys its Environment only after the test body).
class EnvironmentCleanupTest : public testing::V8Test {
 protected:
  EnvironmentCleanupTest() {
    EXPECT_EQ(uv_loop_init(&loop_), 0);
    env_ = std::make_unique<Environment>(platform(), isolate(), context(), &loop_);
  }
  ~EnvironmentCleanupTest() override {
    env_.reset();
    EXPECT_EQ(uv_loop_close(&loop_), 0) << "handles left open on the test's loop";
  }

  uv_loop_t loop_;
  std::unique_ptr<Environment> env_;
  std::vector<std::string> ran_;
};

struct Hook {
  std::vector<std::string>* ran;
  std::string name;
  static void Run(void* arg) {
    Hook* hook = static_cast<Hook*>(arg);
    hook->ran->push_back(hook->name);
  }
};

TEST_F(EnvironmentCleanupTest, HooksRunWhenTheEnvironmentGoesInReverseOrder) {
  Hook first{&ran_, "first"};
  Hook second{&ran_, "second"};
  Hook third{&ran_, "third"};
  env_->AddCleanupHook(Hook::Run, &first);
  env_->AddCleanupHook(Hook::Run, &second);
  env_->AddCleanupHook(Hook::Run, &third);
  uv_run(&loop_, UV_RUN_NOWAIT);
  env_->RunTicks();
  EXPECT_THAT(ran_, IsEmpty());
  env_.reset();
  EXPECT_THAT(ran_, ElementsAre("third", "second", "first"));
}

// What a binding does with state that holds a handle: the hook closes it, and the close
// callback, which ~Environment runs before it returns, frees the state. The isolate is still
// there for the hook (a binding resets its v8::Globals in it).
struct TimerState {
  uv_timer_t timer;
  v8::Global<v8::Object> object;
  bool* freed;
  static void Free(void* arg) {
    TimerState* state = static_cast<TimerState*>(arg);
    state->object.Reset();
    uv_close(reinterpret_cast<uv_handle_t*>(&state->timer), [](uv_handle_t* handle) {
      TimerState* state = static_cast<TimerState*>(handle->data);
      *state->freed = true;
      delete state;
    });
  }
};

TEST_F(EnvironmentCleanupTest, HandlesAHookClosesAreClosedBeforeTheEnvironmentIsGone) {
  bool freed = false;
  TimerState* state = new TimerState();
  state->freed = &freed;
  state->object.Reset(isolate(), v8::Object::New(isolate()));
  ASSERT_EQ(uv_timer_init(&loop_, &state->timer), 0);
  state->timer.data = state;
  uv_timer_start(&state->timer, [](uv_timer_t*) { ADD_FAILURE() << "the timer fired"; }, 1000000,
                 0);
  env_->AddCleanupHook(TimerState::Free, state);
  env_.reset();
  EXPECT_TRUE(freed);
  // ~EnvironmentCleanupTest checks that the loop closes: nothing is left open on it.
}

TEST_F(EnvironmentCleanupTest, AHookMayAddAnotherWhichRunsNext) {
  static Hook later{nullptr, "added by a hook"};
  later.ran = &ran_;
  Hook adder{&ran_, "adder"};
  Hook before{&ran_, "registered before"};
  env_->AddCleanupHook(Hook::Run, &before);
  Environment* env = env_.get();
  struct Adder {
    Environment* env;
    Hook* self;
  } add{env, &adder};
  env_->AddCleanupHook(
      [](void* arg) {
        Adder* add = static_cast<Adder*>(arg);
        Hook::Run(add->self);
        add->env->AddCleanupHook(Hook::Run, &later);
      },
      &add);
  env_.reset();
  EXPECT_THAT(ran_, ElementsAre("adder", "added by a hook", "registered before"));
}

// ---- ScheduleAfterPoll ----

// A task that records its runs in `ran`, and may then schedule itself again or cancel another.
struct RecordingTask : Environment::AfterPollTask {
  RecordingTask(Environment* env, std::vector<std::string>* ran, std::string name)
      : env(env), ran(ran), name(std::move(name)) {}
  void RunAfterPoll() override {
    ran->push_back(name);
    if (again) env->ScheduleAfterPoll(this);
    if (cancel != nullptr) env->CancelAfterPoll(cancel);
  }
  Environment* env;
  std::vector<std::string>* ran;
  std::string name;
  bool again = false;
  AfterPollTask* cancel = nullptr;
};

// Records "prepare" each time the loop is about to poll.
struct PrepareRecorder {
  explicit PrepareRecorder(uv_loop_t* loop, std::vector<std::string>* ran) : ran(ran) {
    EXPECT_EQ(uv_prepare_init(loop, &handle), 0);
    handle.data = this;
    uv_prepare_start(&handle, [](uv_prepare_t* h) {
      static_cast<PrepareRecorder*>(h->data)->ran->push_back("prepare");
    });
    uv_unref(reinterpret_cast<uv_handle_t*>(&handle));
  }
  void Close() { uv_close(reinterpret_cast<uv_handle_t*>(&handle), nullptr); }
  uv_prepare_t handle;
  std::vector<std::string>* ran;
};

TEST_F(EnvironmentCleanupTest, AnAfterPollTaskScheduledByATimerRunsAfterThatTurnsPoll) {
  RecordingTask task(env_.get(), &ran_, "task");
  PrepareRecorder prepare(&loop_, &ran_);
  struct TimerData {
    Environment* env;
    RecordingTask* task;
  } data{env_.get(), &task};
  uv_timer_t timer;
  ASSERT_EQ(uv_timer_init(&loop_, &timer), 0);
  timer.data = &data;
  uv_timer_start(&timer, [](uv_timer_t* t) {
    TimerData* d = static_cast<TimerData*>(t->data);
    d->task->ran->push_back("timer");
    d->env->ScheduleAfterPoll(d->task);
    d->env->ScheduleAfterPoll(d->task);  // already waiting: still runs once
    EXPECT_TRUE(d->task->after_poll_scheduled());
  }, 0, 0);
  uint64_t turns = env_->loop_turns();
  uv_run(&loop_, UV_RUN_ONCE);
  EXPECT_THAT(ran_, ElementsAre("timer", "prepare", "task"));
  EXPECT_FALSE(task.after_poll_scheduled());
  EXPECT_EQ(env_->loop_turns(), turns + 1);
  // Nothing waits: the loop is no longer kept alive.
  uv_close(reinterpret_cast<uv_handle_t*>(&timer), nullptr);
  prepare.Close();
  uv_run(&loop_, UV_RUN_NOWAIT);
  EXPECT_FALSE(uv_loop_alive(&loop_));
}

TEST_F(EnvironmentCleanupTest, AnAfterPollTaskThatSchedulesItselfRunsOncePerTurnWithoutBlocking) {
  RecordingTask task(env_.get(), &ran_, "task");
  task.again = true;
  PrepareRecorder prepare(&loop_, &ran_);
  env_->ScheduleAfterPoll(&task);
  // Each UV_RUN_ONCE would block in poll forever if the waiting task did not keep it from it.
  uv_run(&loop_, UV_RUN_ONCE);
  uv_run(&loop_, UV_RUN_ONCE);
  EXPECT_THAT(ran_, ElementsAre("prepare", "task", "prepare", "task"));
  EXPECT_TRUE(uv_loop_alive(&loop_));
  env_->CancelAfterPoll(&task);
  EXPECT_FALSE(task.after_poll_scheduled());
  // Cancelled, it no longer keeps the loop alive (the recorder's handle is unreferenced).
  EXPECT_FALSE(uv_loop_alive(&loop_));
  uv_run(&loop_, UV_RUN_ONCE);
  EXPECT_THAT(ran_, ElementsAre("prepare", "task", "prepare", "task"));
  prepare.Close();
  uv_run(&loop_, UV_RUN_NOWAIT);
}

TEST_F(EnvironmentCleanupTest, ACancelledAfterPollTaskDoesNotRunEvenFromTheSamePhase) {
  RecordingTask first(env_.get(), &ran_, "first");
  RecordingTask second(env_.get(), &ran_, "second");
  RecordingTask third(env_.get(), &ran_, "third");
  first.cancel = &second;
  env_->ScheduleAfterPoll(&first);
  env_->ScheduleAfterPoll(&second);
  env_->ScheduleAfterPoll(&third);
  env_->CancelAfterPoll(&third);
  env_->CancelAfterPoll(&third);  // not waiting: nothing happens
  uv_run(&loop_, UV_RUN_ONCE);
  EXPECT_THAT(ran_, ElementsAre("first"));
  EXPECT_FALSE(second.after_poll_scheduled());
  EXPECT_FALSE(uv_loop_alive(&loop_));
}

TEST_F(EnvironmentCleanupTest, AnAfterPollTaskStillWaitingWhenTheEnvironmentGoesIsDropped) {
  RecordingTask task(env_.get(), &ran_, "task");
  env_->ScheduleAfterPoll(&task);
  env_.reset();
  EXPECT_THAT(ran_, IsEmpty());
  EXPECT_FALSE(task.after_poll_scheduled());
  // ~EnvironmentCleanupTest checks that the loop closes: the handles went with the Environment.
}

// The idle collection (one full GC once the program goes quiet) does not run when its check comes
// late: the loop was held by JS (here, a sleep standing in for a long main script), so the
// program was busy, not idle. The idle check is due 500 ms after the Environment was made; the
// sleep makes it at least 300 ms late however loaded the machine is.
void CountCollection(v8::Isolate*, v8::GCType, v8::GCCallbackFlags, void* count) {
  ++*static_cast<int*>(count);
}

TEST_F(EnvironmentCleanupTest, ALateIdleCheckDoesNotCollect) {
  int full_collections = 0;
  isolate()->AddGCPrologueCallback(CountCollection, &full_collections,
                                   v8::kGCTypeMarkSweepCompact);
  // Due after the idle check: once it has run, so has the check (timers run in due order).
  uv_timer_t after;
  ASSERT_EQ(uv_timer_init(&loop_, &after), 0);
  bool after_ran = false;
  after.data = &after_ran;
  uv_timer_start(&after, [](uv_timer_t* timer) { *static_cast<bool*>(timer->data) = true; }, 600,
                 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(800));
  uv_run(&loop_, UV_RUN_DEFAULT);
  EXPECT_TRUE(after_ran);
  EXPECT_EQ(full_collections, 0);
  isolate()->RemoveGCPrologueCallback(CountCollection, &full_collections);
  uv_close(reinterpret_cast<uv_handle_t*>(&after), nullptr);
  uv_run(&loop_, UV_RUN_NOWAIT);
}

}  // namespace
}  // namespace nodus
