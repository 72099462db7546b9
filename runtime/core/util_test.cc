#include "runtime/core/util.h"

#include "gtest/gtest.h"
#include "runtime/testing/v8_test.h"

namespace nodus {
namespace {

class UtilTest : public testing::V8Test {};

TEST_F(UtilTest, Utf8ValueConvertsStringsAndNumbers) {
  Utf8Value text(isolate(), Eval("'h\\u00e9llo'").ToLocalChecked());
  ASSERT_TRUE(text.ok());
  EXPECT_EQ("h\xc3\xa9llo", text.str());
  Utf8Value number(isolate(), Eval("42").ToLocalChecked());
  EXPECT_EQ("42", number.str());
}

TEST_F(UtilTest, Utf8ValueReportsAThrowingToString) {
  v8::TryCatch try_catch(isolate());
  Utf8Value value(isolate(), Eval("({toString() { throw new Error('no'); }})").ToLocalChecked());
  EXPECT_FALSE(value.ok());
  EXPECT_TRUE(try_catch.HasCaught());
}

TEST_F(UtilTest, Utf8ValueReplacesLoneSurrogates) {
  Utf8Value value(isolate(), Eval("'a\\ud800b'").ToLocalChecked());
  EXPECT_EQ("a\xef\xbf\xbd" "b", value.str());
}

TEST_F(UtilTest, ThrowHelpersThrowTheRightType) {
  {
    v8::TryCatch try_catch(isolate());
    ThrowTypeError(isolate(), "bad type");
    v8::String::Utf8Value text(isolate(), try_catch.Exception());
    EXPECT_STREQ("TypeError: bad type", *text);
  }
  {
    v8::TryCatch try_catch(isolate());
    ThrowRangeError(isolate(), "bad range");
    v8::String::Utf8Value text(isolate(), try_catch.Exception());
    EXPECT_STREQ("RangeError: bad range", *text);
  }
}

}  // namespace
}  // namespace nodus
