#include "runtime/core/environment.h"

#include <uv.h>

#include <memory>
#include <string>
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

}  // namespace
}  // namespace nodus
