#include "runtime/core/platform.h"

#include <uv.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "gtest/gtest.h"
#include "runtime/core/environment.h"

namespace nodus {
namespace {

// This binary initializes V8 with nodus::Platform itself (runtime/testing's V8Test uses the
// default platform), once, as V8 allows.
Platform* TestPlatform() {
  static Platform* platform = [] {
    Platform* p = new Platform(1);
    v8::V8::InitializePlatform(p);
    v8::V8::Initialize();
    return p;
  }();
  return platform;
}

class FlagTask : public v8::Task {
 public:
  explicit FlagTask(std::atomic<int>* ran) : ran_(ran) {}
  void Run() override { ran_->fetch_add(1); }

 private:
  std::atomic<int>* ran_;
};

class PlatformTest : public ::testing::Test {
 protected:
  PlatformTest() {
    platform_ = TestPlatform();
    allocator_.reset(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator_.get();
    isolate_ = v8::Isolate::New(params);
  }
  ~PlatformTest() override { isolate_->Dispose(); }

  Platform* platform_;
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
  v8::Isolate* isolate_;
};

TEST_F(PlatformTest, CountsForegroundTasksOnceQueued) {
  std::shared_ptr<v8::TaskRunner> runner = platform_->GetForegroundTaskRunner(isolate_);
  // One runner per isolate, whoever asks.
  EXPECT_EQ(runner, platform_->GetForegroundTaskRunner(isolate_));
  std::atomic<int> ran{0};
  uint64_t before = platform_->posted();
  runner->PostTask(std::make_unique<FlagTask>(&ran));
  EXPECT_EQ(platform_->posted(), before + 1);
  // From another thread too.
  std::thread([&] { runner->PostTask(std::make_unique<FlagTask>(&ran)); }).join();
  EXPECT_EQ(platform_->posted(), before + 2);
  while (v8::platform::PumpMessageLoop(platform_->inner(), isolate_)) {
  }
  EXPECT_EQ(ran.load(), 2);
}

TEST_F(PlatformTest, DelayedTasksAreNoted) {
  std::shared_ptr<v8::TaskRunner> runner = platform_->GetForegroundTaskRunner(isolate_);
  std::atomic<int> ran{0};
  runner->PostDelayedTask(std::make_unique<FlagTask>(&ran), 0.001);
  EXPECT_TRUE(platform_->delayed_posted());
  for (int i = 0; i < 5000 && ran.load() == 0; i++) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    v8::platform::PumpMessageLoop(platform_->inner(), isolate_);
  }
  EXPECT_EQ(ran.load(), 1);
}

// The Environment's loop pumps on the turn after a task is posted (from any thread), and a
// delayed task runs once it is due while the loop keeps turning.
TEST_F(PlatformTest, EnvironmentLoopRunsPostedTasks) {
  uv_loop_t loop;
  ASSERT_EQ(uv_loop_init(&loop), 0);
  std::atomic<int> ran{0};
  {
    v8::Isolate::Scope isolate_scope(isolate_);
    v8::HandleScope handle_scope(isolate_);
    v8::Local<v8::Context> context = v8::Context::New(isolate_);
    v8::Context::Scope context_scope(context);
    auto env = std::make_unique<Environment>(platform_, isolate_, context, &loop);
    env->UseCountingPlatform(platform_);
    // A ref'd idle handle keeps each uv_run(UV_RUN_NOWAIT) from blocking and the loop alive.
    uv_idle_t idle;
    ASSERT_EQ(uv_idle_init(&loop, &idle), 0);
    ASSERT_EQ(uv_idle_start(&idle, [](uv_idle_t*) {}), 0);
    std::shared_ptr<v8::TaskRunner> runner = platform_->GetForegroundTaskRunner(isolate_);

    uv_run(&loop, UV_RUN_NOWAIT);  // a turn with nothing new posted
    runner->PostTask(std::make_unique<FlagTask>(&ran));
    uv_run(&loop, UV_RUN_NOWAIT);
    EXPECT_EQ(ran.load(), 1);
    std::thread([&] { runner->PostTask(std::make_unique<FlagTask>(&ran)); }).join();
    uv_run(&loop, UV_RUN_NOWAIT);
    EXPECT_EQ(ran.load(), 2);
    runner->PostDelayedTask(std::make_unique<FlagTask>(&ran), 0.002);
    for (int i = 0; i < 5000 && ran.load() < 3; i++) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      uv_run(&loop, UV_RUN_NOWAIT);
    }
    EXPECT_EQ(ran.load(), 3);

    uv_close(reinterpret_cast<uv_handle_t*>(&idle), nullptr);
    env.reset();
  }
  uv_run(&loop, UV_RUN_DEFAULT);
  EXPECT_EQ(uv_loop_close(&loop), 0);
}

}  // namespace
}  // namespace nodus
