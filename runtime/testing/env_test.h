// GoogleTest fixture for native code that needs a real Environment: handle and stream wrappers,
// read listeners, CallbackScope and MakeCallback. On top of V8Test's isolate and context, each
// test gets a libuv loop of its own and an Environment over the three, with the little of the
// runtime that code needs to run: a `process` object (also a global) carrying
//   process.nextTick(fn)  queues fn; the Environment's tick drain (RunTicks, as after every
//                         callback) runs the queue, each callback followed by its microtasks
// and a global note(text) that appends text to notes(), so a test can see what JS callbacks did
// and in which order. An exception that reaches the top of a callback is recorded in uncaught()
// instead of ending the process as the runtime would; a test that expects one takes it with
// TakeUncaught(), and any left at the end fails the test.
//
// Streams: NewStream(fd) makes a stream handle (a real StreamWrap, over a uv_pipe_t opened on fd)
// with every StreamWrap method (readStart, onread, writeBuffer, shutdown, pipeTo, close...);
// NewStreamPair() makes two connected by a socketpair. Streams a test leaves open are closed
// when it ends, and the test fails if anything is still open on the loop after that.
//
// RunUntil() turns the loop until a condition holds, for a bounded number of turns rather than a
// time, so a test does not depend on the machine's speed or load.
#ifndef RUNTIME_TESTING_ENV_TEST_H_
#define RUNTIME_TESTING_ENV_TEST_H_

#include <uv.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "runtime/core/environment.h"
#include "runtime/core/stream_wrap.h"
#include "runtime/testing/v8_test.h"
#include "v8.h"

namespace nodus {
namespace testing {

class EnvironmentTest : public V8Test {
 protected:
  // Enough turns for any test's I/O between descriptors of this process.
  static constexpr int kMaxTurns = 100000;

  EnvironmentTest();
  ~EnvironmentTest() override;
  void TearDown() override;

  Environment* env() const { return env_.get(); }
  uv_loop_t* loop() { return &loop_; }

  // Turns the loop as Environment::RunLoop does (I/O callbacks, V8's tasks, then the nextTick
  // queue), but never waits for I/O, until done() holds; false if it still does not after
  // max_turns turns. Every test's I/O is between descriptors of this process, so each turn sees
  // what the turns before it wrote.
  bool RunUntil(const std::function<bool()>& done, int max_turns = kMaxTurns);

  // Runs `source` as a script; a failure of the test (with the exception) if it throws.
  v8::Local<v8::Value> Js(const std::string& source);
  double JsNumber(const std::string& source);
  void SetGlobal(const char* name, v8::Local<v8::Value> value);

  // What note() was given, in order; and the uncaught exceptions (as strings), which
  // TakeUncaught() also clears.
  std::vector<std::string>& notes() { return notes_; }
  const std::vector<std::string>& uncaught() const { return uncaught_; }
  std::vector<std::string> TakeUncaught();

  // A stream handle over fd, which it owns from then on.
  v8::Local<v8::Object> NewStream(int fd);
  // Two stream handles connected to each other (a socketpair).
  void NewStreamPair(v8::Local<v8::Object>* a, v8::Local<v8::Object>* b);
  // The StreamWrap behind a stream handle, or nullptr once it is closed.
  static StreamWrap* StreamOf(v8::Local<v8::Value> handle);

  // A Uint8Array copy of `bytes`, and the bytes of any ArrayBufferView.
  v8::Local<v8::Uint8Array> NewBytes(const std::string& bytes);
  static std::string BytesOf(v8::Local<v8::Value> view);

 private:
  class TestStream;
  static void NewTestStream(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Note(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void OnFatalException(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void RunMicrotasks(const v8::FunctionCallbackInfo<v8::Value>& args);

  uv_loop_t loop_;
  std::unique_ptr<Environment> env_;
  v8::Global<v8::Function> stream_constructor_;
  std::vector<v8::Global<v8::Object>> streams_;  // every stream made, to close what is left
  int live_streams_ = 0;                         // TestStreams not yet deleted
  std::vector<std::string> notes_;
  std::vector<std::string> uncaught_;
};

}  // namespace testing
}  // namespace nodus

#endif  // RUNTIME_TESTING_ENV_TEST_H_
