#include "runtime/core/args.h"

#include <string>

#include "gtest/gtest.h"
#include "runtime/core/util.h"
#include "runtime/testing/v8_test.h"

namespace nodus {
namespace {

using v8::FunctionCallbackInfo;
using v8::Value;

// Each getter behind a global JS function that reads argument 0, named "x", and returns what it
// read (as a number or string) or lets the getter's exception through.
void Int32(const FunctionCallbackInfo<Value>& args) {
  int32_t out;
  if (GetInt32Arg(args, 0, "x", &out)) args.GetReturnValue().Set(out);
}
void Int32Small(const FunctionCallbackInfo<Value>& args) {
  int32_t out;
  if (GetInt32Arg(args, 0, "x", &out, -2, 7)) args.GetReturnValue().Set(out);
}
void Uint32(const FunctionCallbackInfo<Value>& args) {
  uint32_t out;
  if (GetUint32Arg(args, 0, "x", &out)) args.GetReturnValue().Set(out);
}
void Int64(const FunctionCallbackInfo<Value>& args) {
  int64_t out;
  if (GetInt64Arg(args, 0, "x", &out)) {
    args.GetReturnValue().Set(OneByteString(args.GetIsolate(), std::to_string(out).c_str()));
  }
}
void Size(const FunctionCallbackInfo<Value>& args) {
  size_t out;
  if (GetSizeArg(args, 0, "x", &out, 100)) args.GetReturnValue().Set(static_cast<double>(out));
}
void SizeHuge(const FunctionCallbackInfo<Value>& args) {
  size_t out;
  if (GetSizeArg(args, 0, "x", &out, SIZE_MAX)) {
    args.GetReturnValue().Set(static_cast<double>(out));
  }
}
void OptionalSize(const FunctionCallbackInfo<Value>& args) {
  size_t out;
  if (GetOptionalSizeArg(args, 0, "x", 42, &out, 100)) {
    args.GetReturnValue().Set(static_cast<double>(out));
  }
}
void Count(const FunctionCallbackInfo<Value>& args) {
  size_t out;
  if (GetCountArg(args, 0, "x", &out, 100)) args.GetReturnValue().Set(static_cast<double>(out));
}
void CountHuge(const FunctionCallbackInfo<Value>& args) {
  size_t out;
  if (GetCountArg(args, 0, "x", &out, SIZE_MAX)) {
    // As a string: the result may be above 2^53.
    args.GetReturnValue().Set(OneByteString(args.GetIsolate(), std::to_string(out).c_str()));
  }
}
void Double(const FunctionCallbackInfo<Value>& args) {
  double out;
  if (GetDoubleArg(args, 0, "x", &out)) args.GetReturnValue().Set(out);
}
void Bool(const FunctionCallbackInfo<Value>& args) {
  bool out;
  if (GetBoolArg(args, 0, "x", &out)) args.GetReturnValue().Set(out);
}
void OptionalBool(const FunctionCallbackInfo<Value>& args) {
  bool out;
  if (GetOptionalBoolArg(args, 0, "x", true, &out)) args.GetReturnValue().Set(out);
}
void String(const FunctionCallbackInfo<Value>& args) {
  std::string out;
  if (GetStringArg(args, 0, "x", &out)) {
    args.GetReturnValue().Set(static_cast<double>(out.size()));
  }
}
void CString(const FunctionCallbackInfo<Value>& args) {
  std::string out;
  if (GetCStringArg(args, 0, "x", &out)) {
    args.GetReturnValue().Set(Utf8String(args.GetIsolate(), out).ToLocalChecked());
  }
}
void StringHandle(const FunctionCallbackInfo<Value>& args) {
  v8::Local<v8::String> out;
  if (GetStringArg(args, 0, "x", &out)) args.GetReturnValue().Set(out);
}
void Bytes(const FunctionCallbackInfo<Value>& args) {
  ByteSpan out;
  if (GetBytesArg(args, 0, "x", &out)) {
    std::string text = std::to_string(out.length);
    if (out.data != nullptr) text += ":" + std::to_string(out.data[0]);
    args.GetReturnValue().Set(OneByteString(args.GetIsolate(), text.c_str()));
  }
}
void Function(const FunctionCallbackInfo<Value>& args) {
  v8::Local<v8::Function> out;
  if (GetFunctionArg(args, 0, "x", &out)) args.GetReturnValue().Set(out);
}
void Object(const FunctionCallbackInfo<Value>& args) {
  v8::Local<v8::Object> out;
  if (GetObjectArg(args, 0, "x", &out)) args.GetReturnValue().Set(out);
}
void Fd(const FunctionCallbackInfo<Value>& args) {
  int out;
  if (GetFdArg(args, 0, &out)) args.GetReturnValue().Set(out);
}

class ArgsTest : public testing::V8Test {
 protected:
  ArgsTest() {
    Install("int32", Int32);
    Install("int32Small", Int32Small);
    Install("uint32", Uint32);
    Install("int64", Int64);
    Install("size", Size);
    Install("sizeHuge", SizeHuge);
    Install("optionalSize", OptionalSize);
    Install("count", Count);
    Install("countHuge", CountHuge);
    Install("double", Double);
    Install("bool", Bool);
    Install("optionalBool", OptionalBool);
    Install("string", String);
    Install("cstring", CString);
    Install("stringHandle", StringHandle);
    Install("bytes", Bytes);
    Install("func", Function);
    Install("object", Object);
    Install("fd", Fd);
    // Hostile values: a valueOf/toString that throws, and one that counts its calls.
    Eval("var calls = 0;"
         "var throwing = { valueOf() { throw new Error('valueOf ran'); },"
         "                 toString() { throw new Error('toString ran'); } };"
         "var counting = { valueOf() { calls++; return 1; },"
         "                 toString() { calls++; return 'a'; } };");
  }

  void Install(const char* name, v8::FunctionCallback callback) {
    SetMethod(context(), context()->Global(), name, callback);
  }

  // The result's string form, or the exception's ("TypeError: x must be a number").
  std::string Run(const std::string& source) {
    std::string exception;
    v8::Local<v8::Value> result;
    if (!Eval(source, &exception).ToLocal(&result)) return exception;
    v8::String::Utf8Value text(isolate(), result);
    return *text ? *text : "";
  }
};

constexpr char kNotNumber[] = "TypeError: x must be a number";
constexpr char kNotInteger[] = "RangeError: x must be an integer";

TEST_F(ArgsTest, Int32AcceptsItsWholeRange) {
  EXPECT_EQ("0", Run("int32(0)"));
  EXPECT_EQ("0", Run("int32(-0)"));
  EXPECT_EQ("3", Run("int32(3.0)"));
  EXPECT_EQ("2147483647", Run("int32(2147483647)"));
  EXPECT_EQ("-2147483648", Run("int32(-2147483648)"));
}

TEST_F(ArgsTest, Int32RejectsEverythingElse) {
  EXPECT_EQ(kNotNumber, Run("int32()"));
  EXPECT_EQ(kNotNumber, Run("int32('1')"));
  EXPECT_EQ(kNotNumber, Run("int32(null)"));
  EXPECT_EQ(kNotNumber, Run("int32(true)"));
  EXPECT_EQ(kNotNumber, Run("int32(new Number(1))"));
  EXPECT_EQ(kNotNumber, Run("int32(1n)"));
  EXPECT_EQ(kNotInteger, Run("int32(NaN)"));
  EXPECT_EQ(kNotInteger, Run("int32(Infinity)"));
  EXPECT_EQ(kNotInteger, Run("int32(-Infinity)"));
  EXPECT_EQ(kNotInteger, Run("int32(1.5)"));
  EXPECT_EQ(kNotInteger, Run("int32(Number.MIN_VALUE)"));
  EXPECT_EQ("RangeError: x must be an integer from -2147483648 to 2147483647",
            Run("int32(2147483648)"));
  EXPECT_EQ("RangeError: x must be an integer from -2147483648 to 2147483647",
            Run("int32(-2147483649)"));
  EXPECT_EQ("RangeError: x must be an integer from -2147483648 to 2147483647",
            Run("int32(2 ** 53 + 2)"));
}

TEST_F(ArgsTest, Int32HonoursANarrowRange) {
  EXPECT_EQ("-2", Run("int32Small(-2)"));
  EXPECT_EQ("7", Run("int32Small(7)"));
  EXPECT_EQ("RangeError: x must be an integer from -2 to 7", Run("int32Small(8)"));
  EXPECT_EQ("RangeError: x must be an integer from -2 to 7", Run("int32Small(-3)"));
}

TEST_F(ArgsTest, Uint32) {
  EXPECT_EQ("0", Run("uint32(-0)"));
  EXPECT_EQ("4294967295", Run("uint32(4294967295)"));
  EXPECT_EQ("RangeError: x must be an integer from 0 to 4294967295", Run("uint32(4294967296)"));
  EXPECT_EQ("RangeError: x must be an integer from 0 to 4294967295", Run("uint32(-1)"));
  EXPECT_EQ(kNotInteger, Run("uint32(0.5)"));
  EXPECT_EQ(kNotNumber, Run("uint32('7')"));
}

TEST_F(ArgsTest, Int64StopsAtTheSafeIntegers) {
  EXPECT_EQ("9007199254740991", Run("int64(2 ** 53 - 1)"));
  EXPECT_EQ("-9007199254740991", Run("int64(-(2 ** 53 - 1))"));
  // 2^53 + 1 is rounded to 2^53 by the double; neither is taken.
  const char* range =
      "RangeError: x must be an integer from -9007199254740991 to 9007199254740991";
  EXPECT_EQ(range, Run("int64(2 ** 53)"));
  EXPECT_EQ(range, Run("int64(2 ** 53 + 1)"));
  EXPECT_EQ(range, Run("int64(-(2 ** 53))"));
  EXPECT_EQ(range, Run("int64(Number.MAX_VALUE)"));
  EXPECT_EQ(kNotInteger, Run("int64(NaN)"));
  EXPECT_EQ(kNotNumber, Run("int64(undefined)"));
}

TEST_F(ArgsTest, Size) {
  EXPECT_EQ("0", Run("size(0)"));
  EXPECT_EQ("0", Run("size(-0)"));
  EXPECT_EQ("100", Run("size(100)"));
  EXPECT_EQ("RangeError: x must be an integer from 0 to 100", Run("size(101)"));
  EXPECT_EQ("RangeError: x must be an integer from 0 to 100", Run("size(-1)"));
  EXPECT_EQ(kNotInteger, Run("size(Infinity)"));
  EXPECT_EQ(kNotNumber, Run("size([5])"));
  // A limit beyond the safe integers is clamped to them.
  EXPECT_EQ("9007199254740991", Run("sizeHuge(2 ** 53 - 1)"));
  EXPECT_EQ("RangeError: x must be an integer from 0 to 9007199254740991",
            Run("sizeHuge(2 ** 53)"));
}

TEST_F(ArgsTest, OptionalSize) {
  EXPECT_EQ("42", Run("optionalSize()"));
  EXPECT_EQ("42", Run("optionalSize(undefined)"));
  EXPECT_EQ("0", Run("optionalSize(0)"));
  EXPECT_EQ("100", Run("optionalSize(100)"));
  // Only undefined is absent: null and the rest are checked as GetSizeArg checks them.
  EXPECT_EQ(kNotNumber, Run("optionalSize(null)"));
  EXPECT_EQ(kNotNumber, Run("optionalSize('1')"));
  EXPECT_EQ("RangeError: x must be an integer from 0 to 100", Run("optionalSize(101)"));
  EXPECT_EQ("RangeError: x must be an integer from 0 to 100", Run("optionalSize(-1)"));
  EXPECT_EQ(kNotInteger, Run("optionalSize(1.5)"));
  EXPECT_EQ(kNotInteger, Run("optionalSize(NaN)"));
}

TEST_F(ArgsTest, Count) {
  EXPECT_EQ("0", Run("count(0)"));
  EXPECT_EQ("0", Run("count(-0)"));
  EXPECT_EQ("7", Run("count(7)"));
  EXPECT_EQ("1", Run("count(1.9)"));  // the fraction is dropped
  EXPECT_EQ("0", Run("count(Number.MIN_VALUE)"));
  EXPECT_EQ("99", Run("count(99.99)"));
  // Overstated: max.
  EXPECT_EQ("100", Run("count(100)"));
  EXPECT_EQ("100", Run("count(100.5)"));
  EXPECT_EQ("100", Run("count(2 ** 53 + 2)"));
  EXPECT_EQ("100", Run("count(Number.MAX_VALUE)"));
  EXPECT_EQ("100", Run("count(Infinity)"));
  EXPECT_EQ("RangeError: x must be 0 or more", Run("count(-1)"));
  EXPECT_EQ("RangeError: x must be 0 or more", Run("count(-0.5)"));
  EXPECT_EQ("RangeError: x must be 0 or more", Run("count(-Infinity)"));
  EXPECT_EQ("RangeError: x must be 0 or more", Run("count(NaN)"));
  EXPECT_EQ(kNotNumber, Run("count()"));
  EXPECT_EQ(kNotNumber, Run("count('5')"));
  EXPECT_EQ(kNotNumber, Run("count(new Number(5))"));
  // A max with no exact double: nothing above it, and no double that size_t cannot hold, gets
  // through.
  EXPECT_EQ(std::to_string(SIZE_MAX), Run("countHuge(Infinity)"));
  EXPECT_EQ(std::to_string(SIZE_MAX), Run("countHuge(2 ** 64)"));
  EXPECT_EQ(std::to_string(SIZE_MAX), Run("countHuge(2 ** 70)"));
  EXPECT_EQ("9007199254740992", Run("countHuge(2 ** 53)"));
  EXPECT_EQ("18446744073709549568", Run("countHuge(2 ** 64 - 2048)"));  // the largest below 2^64
}

TEST_F(ArgsTest, Double) {
  EXPECT_EQ("1.5", Run("double(1.5)"));
  EXPECT_EQ("0", Run("double(-0)"));
  EXPECT_EQ("-Infinity", Run("1 / double(-0)"));  // kept as given
  EXPECT_EQ("1.7976931348623157e+308", Run("double(Number.MAX_VALUE)"));
  EXPECT_EQ("RangeError: x must be finite", Run("double(NaN)"));
  EXPECT_EQ("RangeError: x must be finite", Run("double(Infinity)"));
  EXPECT_EQ("RangeError: x must be finite", Run("double(-Infinity)"));
  EXPECT_EQ(kNotNumber, Run("double('1.5')"));
  EXPECT_EQ(kNotNumber, Run("double({})"));
}

TEST_F(ArgsTest, Bool) {
  EXPECT_EQ("true", Run("bool(true)"));
  EXPECT_EQ("false", Run("bool(false)"));
  EXPECT_EQ("TypeError: x must be a boolean", Run("bool()"));
  EXPECT_EQ("TypeError: x must be a boolean", Run("bool(1)"));
  EXPECT_EQ("TypeError: x must be a boolean", Run("bool(new Boolean(true))"));
  EXPECT_EQ("true", Run("optionalBool()"));
  EXPECT_EQ("false", Run("optionalBool(false)"));
  EXPECT_EQ("TypeError: x must be a boolean", Run("optionalBool(null)"));
}

TEST_F(ArgsTest, Strings) {
  EXPECT_EQ("0", Run("string('')"));
  EXPECT_EQ("2", Run("string('\\u00e9')"));
  EXPECT_EQ("3", Run("string('a\\u0000b')"));
  EXPECT_EQ("3", Run("string('\\ud800')"));  // a lone surrogate becomes U+FFFD
  EXPECT_EQ("TypeError: x must be a string", Run("string(new String('a'))"));
  EXPECT_EQ("TypeError: x must be a string", Run("string(1)"));
  EXPECT_EQ("TypeError: x must be a string", Run("string()"));
  EXPECT_EQ("host", Run("cstring('host')"));
  EXPECT_EQ("TypeError: x must be a string without null bytes", Run("cstring('a\\u0000b')"));
  EXPECT_EQ("TypeError: x must be a string", Run("cstring(Symbol())"));
  EXPECT_EQ("true", Run("stringHandle('a\\u0000\\ud800') === 'a\\u0000\\ud800'"));
  EXPECT_EQ("TypeError: x must be a string", Run("stringHandle(new String('a'))"));
}

TEST_F(ArgsTest, Bytes) {
  EXPECT_EQ("0", Run("bytes(new Uint8Array(0))"));
  EXPECT_EQ("3:7", Run("bytes(new Uint8Array([7, 8, 9]))"));
  EXPECT_EQ("2:9", Run("bytes(new Uint8Array([7, 8, 9]).subarray(2).length ? "
                       "new Uint8Array([7, 8, 9, 10]).subarray(2) : null)"));
  EXPECT_EQ("4:1", Run("bytes(new DataView(new Uint8Array([1, 2, 3, 4]).buffer))"));
  EXPECT_EQ("TypeError: x must be a Buffer", Run("bytes(new ArrayBuffer(4))"));
  EXPECT_EQ("TypeError: x must be a Buffer", Run("bytes([1, 2])"));
  EXPECT_EQ("TypeError: x must be a Buffer", Run("bytes('ab')"));
}

TEST_F(ArgsTest, FunctionAndObject) {
  EXPECT_EQ("true", Run("var f = function() {}; func(f) === f"));
  EXPECT_EQ("true", Run("typeof func(class {}) === 'function'"));
  EXPECT_EQ("TypeError: x must be a function", Run("func({})"));
  EXPECT_EQ("TypeError: x must be a function", Run("func()"));
  EXPECT_EQ("true", Run("var o = {}; object(o) === o"));
  EXPECT_EQ("true", Run("var g = function() {}; object(g) === g"));  // functions are objects
  EXPECT_EQ("TypeError: x must be an object", Run("object(null)"));
  EXPECT_EQ("TypeError: x must be an object", Run("object('s')"));
}

TEST_F(ArgsTest, Fd) {
  EXPECT_EQ("0", Run("fd(0)"));
  EXPECT_EQ("0", Run("fd(-0)"));
  EXPECT_EQ("2147483647", Run("fd(2147483647)"));
  const char* bad = "TypeError: fd must be a file descriptor";
  EXPECT_EQ(bad, Run("fd(-1)"));
  EXPECT_EQ(bad, Run("fd(2147483648)"));
  EXPECT_EQ(bad, Run("fd(1.5)"));
  EXPECT_EQ(bad, Run("fd(NaN)"));
  EXPECT_EQ(bad, Run("fd(Infinity)"));
  EXPECT_EQ(bad, Run("fd('1')"));
  EXPECT_EQ(bad, Run("fd()"));
}

TEST_F(ArgsTest, NoGetterRunsUserCode) {
  for (const char* getter : {"int32", "uint32", "int64", "size", "optionalSize", "count",
                             "double", "bool", "string", "cstring", "stringHandle", "bytes",
                             "func", "fd"}) {
    std::string call = std::string(getter) + "(throwing)";
    std::string result = Run(call);
    EXPECT_EQ(std::string::npos, result.find("ran")) << call << " gave " << result;
    EXPECT_EQ(0u, result.find("TypeError: ")) << call << " gave " << result;
    Run(std::string(getter) + "(counting)");
  }
  EXPECT_EQ("0", Run("calls"));
}

}  // namespace
}  // namespace nodus
