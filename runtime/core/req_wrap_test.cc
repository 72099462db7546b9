#include "runtime/core/req_wrap.h"

#include <uv.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "gtest/gtest.h"
#include "runtime/core/environment.h"
#include "runtime/core/util.h"
#include "runtime/testing/env_test.h"

namespace nodus {
namespace {

using v8::ArrayBuffer;
using v8::BackingStore;
using v8::Function;
using v8::HandleScope;
using v8::Local;
using v8::Object;
using v8::Value;

// Requests on a real libuv loop with a real Environment (EnvironmentTest: its nextTick queue,
// note() and uncaught exceptions recorded), so completions go through Environment::MakeCallback.
class ReqWrapTest : public testing::EnvironmentTest {
 protected:
  // Until every request on the loop has completed: a thread-pool job keeps the loop alive until
  // its after-work callback has run, however long the machine takes to get to it.
  void RunLoop() { uv_run(loop(), UV_RUN_DEFAULT); }

  // Memory whose release can be seen: a backing store whose deleter sets *freed.
  static std::unique_ptr<BackingStore> WatchedStore(size_t length, uint8_t fill, bool* freed) {
    void* data = std::malloc(length);
    std::memset(data, fill, length);
    *freed = false;
    return ArrayBuffer::NewBackingStore(
        data, length,
        [](void* bytes, size_t, void* flag) {
          std::free(bytes);
          *static_cast<bool*>(flag) = true;
        },
        freed);
  }

  // A global JS function `name`() that returns *flag.
  void ExposeFlag(const char* name, bool* flag) {
    Local<Function> fn =
        Function::New(context(),
                      [](const v8::FunctionCallbackInfo<Value>& args) {
                        bool* f = static_cast<bool*>(args.Data().As<v8::External>()->Value());
                        args.GetReturnValue().Set(*f);
                      },
                      v8::External::New(isolate(), flag))
            .ToLocalChecked();
    SetGlobal(name, fn);
  }
};

// A thread-pool job as a request: the job sums `length` bytes at `bytes` on another thread,
// the way the thread pool reads a Buffer an fs write was given.
struct SumReq : ReqWrap<uv_work_t> {
  using ReqWrap::ReqWrap;
  ~SumReq() override {
    if (destroyed != nullptr) *destroyed = true;
  }
  const uint8_t* bytes = nullptr;
  size_t length = 0;
  uint64_t sum = 0;
  bool* destroyed = nullptr;
};

// What the after-work callbacks saw, for the test body to check.
struct Seen {
  ReqWrapBase* wrapper = nullptr;
  void* data = nullptr;
  uint64_t sum = 0;
  bool store_freed_before_complete = true;
  bool* store_freed = nullptr;
  int calls = 0;
} seen;

void SumWork(uv_work_t* req) {
  // Only peeks: the request is libuv's until the after-work callback.
  SumReq* sum = static_cast<SumReq*>(static_cast<ReqWrapBase*>(req->data));
  for (size_t i = 0; i < sum->length; i++) sum->sum += sum->bytes[i];
}

void AfterSum(uv_work_t* req, int status) {
  EXPECT_EQ(status, 0);
  seen.data = req->data;
  std::unique_ptr<SumReq> sum = SumReq::From<SumReq>(req);
  seen.calls++;
  seen.wrapper = sum.get();
  seen.sum = sum->sum;
  if (seen.store_freed != nullptr) seen.store_freed_before_complete = *seen.store_freed;
  HandleScope scope(sum->env()->isolate());
  Local<Value> argv[] = {v8::Integer::New(sum->env()->isolate(), status)};
  SumReq::Complete(std::move(sum), 1, argv);
}

int QueueSum(uv_work_t* req, uv_loop_t* loop, uv_after_work_cb after) {
  return uv_queue_work(loop, req, SumWork, after);
}

TEST_F(ReqWrapTest, FromReturnsTheDispatchedWrapper) {
  seen = Seen();
  bool destroyed = false;
  std::unique_ptr<SumReq> req(new SumReq(env()));
  req->destroyed = &destroyed;
  SumReq* raw = req.get();
  ASSERT_EQ(SumReq::Dispatch(req, QueueSum, loop(), AfterSum), 0);
  EXPECT_EQ(req.get(), nullptr) << "an accepted request belongs to libuv";
  EXPECT_FALSE(destroyed);
  RunLoop();
  EXPECT_EQ(seen.calls, 1);
  EXPECT_EQ(seen.wrapper, raw);
  EXPECT_EQ(seen.data, static_cast<ReqWrapBase*>(raw));
  EXPECT_TRUE(destroyed) << "the callback's Complete frees the wrapper";
}

TEST_F(ReqWrapTest, FromDataRoundTripWithoutALibuvRequest) {
  // A c-ares query: the request is a plain ReqWrapBase passed as a callback's void* arg.
  struct Query : ReqWrapBase {
    using ReqWrapBase::ReqWrapBase;
    int type = 0;
  };
  std::unique_ptr<Query> query(new Query(env()));
  query->type = 28;
  Query* raw = query.get();
  void* arg = query.release()->AsData();
  std::unique_ptr<Query> back = ReqWrapBase::FromData<Query>(arg);
  EXPECT_EQ(back.get(), raw);
  EXPECT_EQ(back->type, 28);
}

TEST_F(ReqWrapTest, HoldsBackingStoresAndStorageUntilComplete) {
  seen = Seen();
  bool store_freed = false;
  seen.store_freed = &store_freed;
  std::unique_ptr<SumReq> req(new SumReq(env()));
  {
    HandleScope scope(isolate());
    // A Buffer JS made, then detached (what a transfer does): only the request holds its memory.
    Local<ArrayBuffer> buffer = ArrayBuffer::New(isolate(), WatchedStore(1000, 3, &store_freed));
    Local<v8::Uint8Array> view = v8::Uint8Array::New(buffer, 0, 1000);
    req->KeepAlive(view);
    req->bytes = static_cast<const uint8_t*>(buffer->Data());
    req->length = 1000;
    ASSERT_TRUE(buffer->IsDetachable());
    buffer->Detach();
  }
  EXPECT_FALSE(store_freed) << "the request holds the detached buffer's memory";
  char* storage = static_cast<char*>(std::malloc(64));
  req->AdoptStorage(storage);
  EXPECT_EQ(req->storage(), storage);
  ASSERT_EQ(SumReq::Dispatch(req, QueueSum, loop(), AfterSum), 0);
  isolate()->LowMemoryNotification();  // nothing JS holds keeps it
  EXPECT_FALSE(store_freed);
  RunLoop();
  EXPECT_EQ(seen.calls, 1);
  EXPECT_EQ(seen.sum, 3000u) << "the thread pool read the bytes the request held";
  EXPECT_FALSE(seen.store_freed_before_complete) << "held until the callback";
  EXPECT_TRUE(store_freed) << "released once the request completed";
  // The storage was freed with the wrapper: ASan reports a leak otherwise.
}

TEST_F(ReqWrapTest, HoldsEveryBackingStoreItIsGiven) {
  // writev: one request, several Buffers.
  bool freed[3];
  std::unique_ptr<ReqWrap<uv_write_t>> wrap(new ReqWrap<uv_write_t>(env()));
  for (bool& f : freed) wrap->KeepAlive(std::shared_ptr<BackingStore>(WatchedStore(4, 0, &f)));
  wrap->KeepAlive(std::shared_ptr<BackingStore>());  // nothing to hold
  for (bool f : freed) EXPECT_FALSE(f);
  wrap.reset();
  for (bool f : freed) EXPECT_TRUE(f);
}

int Refuse(uv_work_t*, int err) { return err; }

TEST_F(ReqWrapTest, RefusedDispatchLeavesEverythingWithTheCaller) {
  bool destroyed = false;
  bool store_freed = false;
  std::unique_ptr<SumReq> req(new SumReq(env()));
  req->destroyed = &destroyed;
  req->KeepAlive(std::shared_ptr<BackingStore>(WatchedStore(16, 1, &store_freed)));
  req->AdoptStorage(static_cast<char*>(std::malloc(32)));
  SumReq* raw = req.get();
  EXPECT_EQ(SumReq::Dispatch(req, Refuse, UV_EINVAL), UV_EINVAL);
  ASSERT_EQ(req.get(), raw) << "a refused request stays with the caller";
  EXPECT_EQ(raw->req()->data, static_cast<ReqWrapBase*>(raw));
  EXPECT_FALSE(destroyed);
  EXPECT_FALSE(store_freed);
  req.reset();  // the caller lets go: everything the request held goes with it
  EXPECT_TRUE(destroyed);
  EXPECT_TRUE(store_freed);
  RunLoop();  // nothing was queued
}

TEST_F(ReqWrapTest, CompleteFreesFirstThenCallsOncompleteInACallbackScope) {
  bool store_freed = false;
  ExposeFlag("freed", &store_freed);
  Local<Value> object;
  ASSERT_TRUE(Eval("var req = {calls: [], oncomplete: function(status, x) {"
                   "  this.calls.push(this === req, status, x, freed());"
                   "}}; req")
                  .ToLocal(&object));
  std::unique_ptr<ReqWrap<uv_work_t>> wrap(new ReqWrap<uv_work_t>(env(), object.As<Object>()));
  wrap->KeepAlive(std::shared_ptr<BackingStore>(WatchedStore(8, 0, &store_freed)));
  EXPECT_TRUE(wrap->object()->StrictEquals(object));
  uint64_t activity = env()->activity_count();
  Local<Value> argv[] = {v8::Integer::New(isolate(), -2), OneByteString(isolate(), "x")};
  ReqWrapBase::Complete(std::move(wrap), 2, argv);
  EXPECT_EQ(env()->activity_count(), activity + 1) << "entered JS through a CallbackScope";
  ExpectEval("req.calls.join()", "true,-2,x,true");
}

TEST_F(ReqWrapTest, CompleteRunsTheTicksAndRoutesAnExceptionLikeEveryCallback) {
  // What a CallbackScope does around the call: nextTick callbacks queued in it run when it ends,
  // and an exception goes to the uncaught-exception handler, not to the caller. The request's
  // memory was released before either.
  bool store_freed = false;
  ExposeFlag("freed", &store_freed);
  Local<Value> object = Js(
      "({oncomplete: function() {"
      "  process.nextTick(function() { note('tick ' + freed()); });"
      "  note('oncomplete');"
      "  throw new Error('boom');"
      "}})");
  std::unique_ptr<ReqWrap<uv_write_t>> wrap(new ReqWrap<uv_write_t>(env(), object.As<Object>()));
  wrap->KeepAlive(std::shared_ptr<BackingStore>(WatchedStore(8, 0, &store_freed)));
  ReqWrapBase::Complete(std::move(wrap), 0, nullptr);
  EXPECT_TRUE(store_freed);
  ASSERT_EQ(notes().size(), 2u);
  EXPECT_EQ(notes()[0], "oncomplete");
  EXPECT_EQ(notes()[1], "tick true");
  std::vector<std::string> uncaught = TakeUncaught();
  ASSERT_EQ(uncaught.size(), 1u);
  EXPECT_NE(uncaught[0].find("boom"), std::string::npos) << uncaught[0];
}

TEST_F(ReqWrapTest, CompleteCallsACallbackFunctionOnTheGlobalObject) {
  Local<Value> fn;
  ASSERT_TRUE(Eval("var got; (function(err, n) { got = [this === globalThis, err, n]; })")
                  .ToLocal(&fn));
  std::unique_ptr<ReqWrap<uv_fs_t>> wrap(new ReqWrap<uv_fs_t>(env(), fn.As<Function>()));
  Local<Value> argv[] = {v8::Null(isolate()), v8::Integer::New(isolate(), 5)};
  ReqWrapBase::Complete(std::move(wrap), 2, argv);
  ExpectEval("got.join()", "true,,5");
}

TEST_F(ReqWrapTest, CompleteWithoutJsOnlyFrees) {
  bool destroyed = false;
  std::unique_ptr<SumReq> req(new SumReq(env()));
  req->destroyed = &destroyed;
  uint64_t activity = env()->activity_count();
  ReqWrapBase::Complete(std::move(req), 0, nullptr);
  EXPECT_TRUE(destroyed);
  EXPECT_EQ(env()->activity_count(), activity) << "no JS was entered";
}

TEST_F(ReqWrapTest, AdoptingStorageTwiceFreesTheFirst) {
  ReqWrap<uv_write_t> wrap(env());
  wrap.AdoptStorage(static_cast<char*>(std::malloc(10)));
  wrap.AdoptStorage(static_cast<char*>(std::malloc(20)));  // ASan: the first must not leak
  wrap.AdoptStorage(nullptr);
  EXPECT_EQ(wrap.storage(), nullptr);
}

}  // namespace
}  // namespace nodus
