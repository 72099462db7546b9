#include "debugger/proto/framing.h"

#include <string>

#include "debugger/proto/debugger.pb.h"
#include "gtest/gtest.h"

namespace nodus::debugger {
namespace {

TEST(FramingTest, RoundTripsInPieces) {
  Request request;
  request.set_seq(7);
  request.mutable_evaluate()->set_expression("x + 1");
  std::string wire = EncodeFrame(request) + EncodeFrame(request);
  FrameReader reader;
  std::string payload;
  int frames = 0;
  for (char c : wire) {
    reader.Append(&c, 1);
    while (reader.Next(&payload) == FrameReader::Result::kFrame) {
      Request decoded;
      ASSERT_TRUE(decoded.ParseFromString(payload));
      EXPECT_EQ(decoded.seq(), 7u);
      EXPECT_EQ(decoded.evaluate().expression(), "x + 1");
      frames++;
    }
  }
  EXPECT_EQ(frames, 2);
}

TEST(FramingTest, RejectsOversizedLength) {
  FrameReader reader;
  const char huge[] = {'\x7f', '\xff', '\xff', '\xff', 'a'};
  reader.Append(huge, sizeof(huge));
  std::string payload;
  EXPECT_EQ(reader.Next(&payload), FrameReader::Result::kTooLarge);
}

TEST(FramingTest, WaitsForWholeFrame) {
  FrameReader reader;
  const char partial[] = {0, 0, 0, 3, 'a'};
  reader.Append(partial, sizeof(partial));
  std::string payload;
  EXPECT_EQ(reader.Next(&payload), FrameReader::Result::kNeedMore);
  reader.Append("bc", 2);
  EXPECT_EQ(reader.Next(&payload), FrameReader::Result::kFrame);
  EXPECT_EQ(payload, "abc");
}

}  // namespace
}  // namespace nodus::debugger
