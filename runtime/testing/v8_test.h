// GoogleTest fixture for C++ code that touches V8: one V8 platform per test binary (V8 allows
// only one per process) and a fresh isolate and context per test. ExpectEval keeps tests short.
#ifndef RUNTIME_TESTING_V8_TEST_H_
#define RUNTIME_TESTING_V8_TEST_H_

#include <optional>
#include <string>

#include "gtest/gtest.h"
#include "v8.h"

namespace nodus {
namespace testing {

class V8Test : public ::testing::Test {
 protected:
  V8Test();
  ~V8Test() override;

  // The test binary's one V8 platform (made on first use).
  static v8::Platform* platform();
  v8::Isolate* isolate() const { return isolate_; }
  v8::Local<v8::Context> context() const { return context_.Get(isolate_); }

  // Runs `source` in the test's context; returns its result, or empty with the exception in
  // `*exception` (if given) when it throws.
  v8::MaybeLocal<v8::Value> Eval(const std::string& source, std::string* exception = nullptr);
  // Expects `source` to evaluate to a value whose string form is `expected`.
  void ExpectEval(const std::string& source, const std::string& expected);

 private:
  v8::ArrayBuffer::Allocator* allocator_;
  v8::Isolate* isolate_;
  v8::Global<v8::Context> context_;
  std::optional<v8::Isolate::Scope> isolate_scope_;
  std::optional<v8::HandleScope> handle_scope_;
  std::optional<v8::Context::Scope> context_scope_;
};

}  // namespace testing
}  // namespace nodus

#endif  // RUNTIME_TESTING_V8_TEST_H_
