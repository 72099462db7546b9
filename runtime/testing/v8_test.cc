#include "runtime/testing/v8_test.h"

#include <memory>

#include "libplatform/libplatform.h"

namespace nodus {
namespace testing {

// V8 is initialised once for the test binary and never torn down, because it cannot be
// initialised again in the same process.
v8::Platform* V8Test::platform() {
  static v8::Platform* platform = [] {
    v8::Platform* p = v8::platform::NewDefaultPlatform().release();
    v8::V8::InitializePlatform(p);
    v8::V8::Initialize();
    return p;
  }();
  return platform;
}

V8Test::V8Test() {
  platform();
  allocator_ = v8::ArrayBuffer::Allocator::NewDefaultAllocator();
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator = allocator_;
  isolate_ = v8::Isolate::New(params);
  isolate_scope_.emplace(isolate_);
  handle_scope_.emplace(isolate_);
  v8::Local<v8::Context> context = v8::Context::New(isolate_);
  context_.Reset(isolate_, context);
  context_scope_.emplace(context);
}

V8Test::~V8Test() {
  context_scope_.reset();
  context_.Reset();
  handle_scope_.reset();
  isolate_scope_.reset();
  isolate_->Dispose();
  delete allocator_;
}

v8::MaybeLocal<v8::Value> V8Test::Eval(const std::string& source, std::string* exception) {
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::String> code =
      v8::String::NewFromUtf8(isolate_, source.c_str()).ToLocalChecked();
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  if (v8::Script::Compile(context(), code).ToLocal(&script) &&
      script->Run(context()).ToLocal(&result)) {
    return result;
  }
  if (exception != nullptr && try_catch.HasCaught()) {
    v8::String::Utf8Value text(isolate_, try_catch.Exception());
    *exception = *text ? *text : "<exception>";
  }
  return v8::MaybeLocal<v8::Value>();
}

void V8Test::ExpectEval(const std::string& source, const std::string& expected) {
  std::string exception;
  v8::Local<v8::Value> result;
  ASSERT_TRUE(Eval(source, &exception).ToLocal(&result)) << source << " threw " << exception;
  v8::String::Utf8Value text(isolate_, result);
  EXPECT_EQ(expected, *text ? *text : "") << "for " << source;
}

}  // namespace testing
}  // namespace nodus
