#include "debugger/agent/json.h"

#include <string>

#include "gtest/gtest.h"

namespace nodus::debugger {
namespace {

TEST(JsonTest, ReadsNestedValues) {
  Json json;
  ASSERT_TRUE(Json::Parse(R"( {"id": 3, "result": {"list": [1, "two", true, null, -2.5e1]},
                               "s": "a\"b\\c\u00e9\ud83d\ude00\n"} )", &json));
  EXPECT_EQ(json["id"].num(), 3);
  EXPECT_EQ(json["result"]["list"].size(), 5u);
  EXPECT_EQ(json["result"]["list"][1].str(), "two");
  EXPECT_TRUE(json["result"]["list"][2].boolean());
  EXPECT_TRUE(json["result"]["list"][3].is_null());
  EXPECT_EQ(json["result"]["list"][4].num(), -25);
  EXPECT_EQ(json["s"].str(), "a\"b\\c\xc3\xa9\xf0\x9f\x98\x80\n");
  EXPECT_TRUE(json.Has("id"));
  EXPECT_FALSE(json.Has("missing"));
}

TEST(JsonTest, MissingAndMistypedReadAsEmpty) {
  Json json;
  ASSERT_TRUE(Json::Parse(R"({"a": 1})", &json));
  EXPECT_TRUE(json["b"]["c"][7].is_null());
  EXPECT_EQ(json["a"].str(), "");
  EXPECT_EQ(json["b"].num(42), 42);
  EXPECT_EQ(json[0].size(), 0u);
}

TEST(JsonTest, RejectsMalformedText) {
  Json json;
  for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "\"unterminated", "tru", "1 2",
                          "{\"a\":\"\\x\"}", "\"\\u12\"", "-"}) {
    EXPECT_FALSE(Json::Parse(bad, &json)) << bad;
  }
  std::string deep(100000, '[');
  EXPECT_FALSE(Json::Parse(deep, &json));
}

TEST(JsonTest, QuotesStrings) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
  Json json;
  ASSERT_TRUE(Json::Parse(JsonQuote("x\"y\t\x02z"), &json));
  EXPECT_EQ(json.str(), "x\"y\t\x02z");
}

}  // namespace
}  // namespace nodus::debugger
