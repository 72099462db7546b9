#include "runtime/core/callback_scope.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/testing/env_test.h"

namespace nodus {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using v8::Function;
using v8::Local;
using v8::Value;

class CallbackScopeTest : public testing::EnvironmentTest {
 protected:
  // Calls the function `source` evaluates to, as native code calls into JS from the loop.
  void CallInScope(CallbackScope* scope, const std::string& source) {
    Local<Value> fn = Js(source);
    ASSERT_TRUE(fn->IsFunction()) << source;
    Local<Value> ignored;
    bool returned =
        fn.As<Function>()->Call(context(), context()->Global(), 0, nullptr).ToLocal(&ignored);
    EXPECT_EQ(returned, !scope->HasCaught());
  }
};

TEST_F(CallbackScopeTest, CountsOneCallbackOfActivity) {
  uint64_t before = env()->activity_count();
  {
    CallbackScope scope(env());
    CallInScope(&scope, "(function() {})");
  }
  EXPECT_EQ(env()->activity_count(), before + 1);
}

TEST_F(CallbackScopeTest, RunsTheNextTickQueueThenMicrotasksWhenItEnds) {
  {
    CallbackScope scope(env());
    CallInScope(&scope, R"JS((function() {
      Promise.resolve().then(function() { note('microtask'); });
      process.nextTick(function() { note('tick'); });
      note('call');
    }))JS");
    // Nothing queued has run while the scope is open.
    EXPECT_THAT(notes(), ElementsAre("call"));
  }
  EXPECT_THAT(notes(), ElementsAre("call", "tick", "microtask"));
  EXPECT_EQ(env()->tick_info()[0], 0u);
}

TEST_F(CallbackScopeTest, RunsMicrotasksWithAnEmptyTickQueue) {
  {
    CallbackScope scope(env());
    CallInScope(&scope, "(function() { Promise.resolve().then(function() { note('then'); }); })");
    EXPECT_THAT(notes(), IsEmpty());
  }
  EXPECT_THAT(notes(), ElementsAre("then"));
}

TEST_F(CallbackScopeTest, RoutesAnExceptionToTheUncaughtHandlerThenRunsTicks) {
  {
    CallbackScope scope(env());
    CallInScope(&scope, R"JS((function() {
      process.nextTick(function() { note('tick after the error'); });
      throw new Error('boom');
    }))JS");
    EXPECT_TRUE(scope.HasCaught());
    // Reported when the scope ends, not before.
    EXPECT_THAT(uncaught(), IsEmpty());
  }
  EXPECT_THAT(TakeUncaught(), ElementsAre("Error: boom"));
  EXPECT_THAT(notes(), ElementsAre("tick after the error"));
}

TEST_F(CallbackScopeTest, ATickThatThrowsIsReportedAndLeavesTheRestForTheNextPass) {
  {
    CallbackScope scope(env());
    CallInScope(&scope, R"JS((function() {
      process.nextTick(function() { note('first'); throw new Error('tick failed'); });
      process.nextTick(function() { note('second'); });
    }))JS");
  }
  EXPECT_THAT(TakeUncaught(), ElementsAre("Error: tick failed"));
  EXPECT_THAT(notes(), ElementsAre("first"));
  // The loop's check handle runs the next pass.
  ASSERT_TRUE(RunUntil([this] { return notes().size() == 2; }));
  EXPECT_THAT(notes(), ElementsAre("first", "second"));
}

TEST_F(CallbackScopeTest, MakeCallbackReturnsTheResultAndDrainsTheQueue) {
  Local<v8::Object> recv = Js(R"JS(({
    method: function(a) { process.nextTick(function() { note('tick'); }); return a * 2; }
  }))JS").As<v8::Object>();
  Local<Value> argv[] = {v8::Integer::New(isolate(), 21)};
  Local<Value> result;
  ASSERT_TRUE(env()->MakeCallback(recv, "method", 1, argv).ToLocal(&result));
  EXPECT_EQ(result->Int32Value(context()).FromMaybe(0), 42);
  EXPECT_THAT(notes(), ElementsAre("tick"));
  // A missing method is no call at all.
  uint64_t before = env()->activity_count();
  EXPECT_TRUE(env()->MakeCallback(recv, "missing", 0, nullptr).IsEmpty());
  EXPECT_EQ(env()->activity_count(), before);
}

}  // namespace
}  // namespace nodus
