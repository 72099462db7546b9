#include "runtime/core/errors.h"

#include <uv.h>

#include "gtest/gtest.h"
#include "runtime/core/util.h"
#include "runtime/testing/v8_test.h"

namespace nodus {
namespace {

class ErrorsTest : public testing::V8Test {
 protected:
  // Installs the value as a global so JS expressions can inspect it.
  void SetGlobal(const char* name, v8::Local<v8::Value> value) {
    context()->Global()->Set(context(), OneByteString(isolate(), name), value).Check();
  }
};

TEST_F(ErrorsTest, UVExceptionCarriesCodeErrnoSyscallAndPath) {
  SetGlobal("e", UVException(isolate(), UV_ENOENT, "open", "/nope"));
  ExpectEval("e instanceof Error", "true");
  ExpectEval("e.code", "ENOENT");
  ExpectEval("e.errno", std::to_string(UV_ENOENT));
  ExpectEval("e.syscall", "open");
  ExpectEval("e.path", "/nope");
  ExpectEval("e.message", "ENOENT, no such file or directory '/nope'");
}

TEST_F(ErrorsTest, UVExceptionWithoutPathHasNoPathProperty) {
  SetGlobal("e", UVException(isolate(), UV_ECONNREFUSED, "connect"));
  ExpectEval("'path' in e", "false");
  ExpectEval("e.code", "ECONNREFUSED");
}

TEST_F(ErrorsTest, UVExceptionDefinesOwnPropertiesPastHostileSetters) {
  // Setters that throw on the prototypes must neither run nor abort the process.
  ExpectEval("var ran = 0; ['errno', 'code', 'syscall', 'path'].forEach(function(name) {"
             "  Object.defineProperty(Error.prototype, name, {"
             "    set: function() { ran++; throw new Error('setter ran'); }, configurable: true });"
             "  Object.defineProperty(Object.prototype, name, {"
             "    set: function() { ran++; throw new Error('setter ran'); }, configurable: true });"
             "}); ran",
             "0");
  v8::TryCatch try_catch(isolate());
  SetGlobal("e", UVException(isolate(), UV_ENOENT, "open", "/nope"));
  EXPECT_FALSE(try_catch.HasCaught());
  ExpectEval("ran", "0");
  ExpectEval("e.hasOwnProperty('code') && e.code", "ENOENT");
  ExpectEval("e.hasOwnProperty('errno') && e.errno", std::to_string(UV_ENOENT));
  ExpectEval("e.hasOwnProperty('syscall') && e.syscall", "open");
  ExpectEval("e.hasOwnProperty('path') && e.path", "/nope");
  ExpectEval("Object.keys(e).join()", "errno,code,syscall,path");
}

TEST_F(ErrorsTest, UVExceptionNamesACodeLibuvDoesNotKnow) {
  // Under ASan this also checks that naming such a code allocates nothing that is never freed.
  SetGlobal("e", UVException(isolate(), -100000, "read"));
  ExpectEval("e.code", "Unknown system error -100000");
  ExpectEval("e.errno", "-100000");
  ExpectEval("e.message", "Unknown system error -100000, Unknown system error -100000");
}

TEST_F(ErrorsTest, FormatShowsLocationSourceLineCaretAndStack) {
  v8::TryCatch try_catch(isolate());
  v8::ScriptOrigin origin(isolate(), OneByteString(isolate(), "/tmp/x.js"));
  v8::Local<v8::String> code = OneByteString(isolate(), "var a = 1;\n  null.foo;");
  v8::ScriptCompiler::Source source(code, origin);
  v8::Local<v8::Script> script =
      v8::ScriptCompiler::Compile(context(), &source).ToLocalChecked();
  EXPECT_TRUE(script->Run(context()).IsEmpty());
  ASSERT_TRUE(try_catch.HasCaught());
  std::string report =
      FormatUncaughtException(isolate(), try_catch.Exception(), try_catch.Message());
  EXPECT_EQ(0u, report.find("\n/tmp/x.js:2\n  null.foo;\n"));
  EXPECT_NE(std::string::npos, report.find("\n       ^"));
  EXPECT_NE(std::string::npos, report.find("TypeError: Cannot read properties of null"));
  EXPECT_NE(std::string::npos, report.find("at /tmp/x.js:2:"));
}

TEST_F(ErrorsTest, FormatOfNonErrorValueUsesItsStringForm) {
  std::string report = FormatUncaughtException(isolate(), OneByteString(isolate(), "just text"),
                                               v8::Local<v8::Message>());
  EXPECT_EQ("just text\n", report);
}

}  // namespace
}  // namespace nodus
