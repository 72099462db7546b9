#include "debugger/inspector/websocket.h"

#include <string>

#include "gtest/gtest.h"

namespace nodus::debugger::ws {
namespace {

std::string Hex(const std::string& s) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

// A client frame: masked unless told otherwise.
std::string ClientFrame(uint8_t first_byte, const std::string& payload, bool mask = true) {
  std::string out;
  out.push_back(static_cast<char>(first_byte));
  uint8_t mask_bit = mask ? 0x80 : 0;
  if (payload.size() < 126) {
    out.push_back(static_cast<char>(mask_bit | payload.size()));
  } else if (payload.size() <= 0xffff) {
    out.push_back(static_cast<char>(mask_bit | 126));
    out.push_back(static_cast<char>(payload.size() >> 8));
    out.push_back(static_cast<char>(payload.size()));
  } else {
    out.push_back(static_cast<char>(mask_bit | 127));
    for (int i = 7; i >= 0; i--) out.push_back(static_cast<char>(uint64_t{payload.size()} >> (i * 8)));
  }
  const unsigned char key[4] = {0x37, 0xfa, 0x21, 0x3d};
  if (mask) out.append(reinterpret_cast<const char*>(key), 4);
  for (size_t i = 0; i < payload.size(); i++) {
    out.push_back(mask ? static_cast<char>(payload[i] ^ key[i & 3]) : payload[i]);
  }
  return out;
}

TEST(Sha1, KnownAnswers) {
  EXPECT_EQ(Hex(Sha1("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(Hex(Sha1("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(Hex(Sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

TEST(Handshake, AcceptKeyFromRfc6455) {
  // RFC 6455 section 1.3's example.
  EXPECT_EQ(AcceptKey("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
}

TEST(Http, ParsesAHead) {
  HttpRequest request;
  size_t consumed = 0;
  std::string text =
      "GET /json/list HTTP/1.1\r\nHost: 127.0.0.1:9229\r\nUpgrade: websocket\r\n"
      "Connection: keep-alive, Upgrade\r\n\r\nextra";
  ASSERT_EQ(ParseHead(text, &request, &consumed), HeadResult::kComplete);
  EXPECT_EQ(consumed, text.size() - 5);
  EXPECT_EQ(request.method, "GET");
  EXPECT_EQ(request.path, "/json/list");
  EXPECT_EQ(request.Header("host"), "127.0.0.1:9229");
  EXPECT_TRUE(request.HeaderHasToken("connection", "upgrade"));
  EXPECT_FALSE(request.HeaderHasToken("connection", "close"));
}

TEST(Http, RefusesGarbage) {
  HttpRequest request;
  size_t consumed = 0;
  EXPECT_EQ(ParseHead("GET /json", &request, &consumed), HeadResult::kNeedMore);
  EXPECT_EQ(ParseHead(std::string("\x16\x03\x01\x02\x00", 5), &request, &consumed),
            HeadResult::kBad);
  EXPECT_EQ(ParseHead("HELLO\r\n\r\n", &request, &consumed), HeadResult::kBad);
  EXPECT_EQ(ParseHead("GET / SPDY/3\r\n\r\n", &request, &consumed), HeadResult::kBad);
  EXPECT_EQ(ParseHead("GET / HTTP/1.1\r\nno colon\r\n\r\n", &request, &consumed),
            HeadResult::kBad);
  EXPECT_EQ(ParseHead("GET / HTTP/1.1\r\nX: " + std::string(kMaxHeadBytes, 'a'), &request,
                      &consumed),
            HeadResult::kTooLarge);
}

TEST(Frames, MaskedTextFrame) {
  FrameReader reader;
  std::string bytes = ClientFrame(0x81, "{\"id\":1}");
  reader.Append(bytes.data(), bytes.size());
  Opcode op;
  std::string payload;
  ASSERT_EQ(reader.Next(&op, &payload), FrameReader::Result::kMessage);
  EXPECT_EQ(op, kText);
  EXPECT_EQ(payload, "{\"id\":1}");
  EXPECT_EQ(reader.Next(&op, &payload), FrameReader::Result::kNeedMore);
}

TEST(Frames, ByteAtATimeAndLongLengths) {
  FrameReader reader;
  std::string medium(300, 'm');
  std::string big(70000, 'b');
  std::string bytes = ClientFrame(0x81, medium) + ClientFrame(0x82, big);
  Opcode op;
  std::string payload;
  std::vector<std::string> got;
  for (char c : bytes) {
    reader.Append(&c, 1);
    while (reader.Next(&op, &payload) == FrameReader::Result::kMessage) got.push_back(payload);
  }
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], medium);
  EXPECT_EQ(got[1], big);
  EXPECT_EQ(op, kBinary);
}

TEST(Frames, FragmentsWithAPingBetween) {
  FrameReader reader;
  std::string bytes = ClientFrame(0x01, "hel") + ClientFrame(0x89, "are you there") +
                      ClientFrame(0x00, "lo ") + ClientFrame(0x80, "world");
  reader.Append(bytes.data(), bytes.size());
  Opcode op;
  std::string payload;
  ASSERT_EQ(reader.Next(&op, &payload), FrameReader::Result::kMessage);
  EXPECT_EQ(op, kPing);
  EXPECT_EQ(payload, "are you there");
  ASSERT_EQ(reader.Next(&op, &payload), FrameReader::Result::kMessage);
  EXPECT_EQ(op, kText);
  EXPECT_EQ(payload, "hello world");
}

TEST(Frames, UnmaskedClientFrameIsAProtocolError) {
  FrameReader reader;
  std::string bytes = ClientFrame(0x81, "hi", /*mask=*/false);
  reader.Append(bytes.data(), bytes.size());
  Opcode op;
  std::string payload;
  EXPECT_EQ(reader.Next(&op, &payload), FrameReader::Result::kError);
  EXPECT_EQ(reader.close_code(), kCloseProtocolError);
  // Done for good, whatever follows.
  std::string more = ClientFrame(0x81, "again");
  reader.Append(more.data(), more.size());
  EXPECT_EQ(reader.Next(&op, &payload), FrameReader::Result::kError);
}

TEST(Frames, HugeLengthsAreRefusedFromTheHeader) {
  // 2^63 and 2^63 - 1: no bytes of the payload need arrive for the refusal.
  for (uint8_t top : {0x80, 0x7f}) {
    FrameReader reader;
    std::string bytes = {static_cast<char>(0x81), static_cast<char>(0xff),
                         static_cast<char>(top)};
    bytes += std::string(7, '\xff');
    reader.Append(bytes.data(), bytes.size());
    Opcode op;
    std::string payload;
    EXPECT_EQ(reader.Next(&op, &payload), FrameReader::Result::kError);
    EXPECT_TRUE(reader.close_code() == kCloseProtocolError || reader.close_code() == kCloseTooBig);
  }
  FrameReader small(100);
  std::string bytes = ClientFrame(0x01, std::string(60, 'x')) + ClientFrame(0x80, std::string(60, 'y'));
  small.Append(bytes.data(), bytes.size());
  Opcode op;
  std::string payload;
  EXPECT_EQ(small.Next(&op, &payload), FrameReader::Result::kError);
  EXPECT_EQ(small.close_code(), kCloseTooBig);
}

TEST(Frames, ForbiddenShapes) {
  const std::string cases[] = {
      ClientFrame(0x80, "continuation of nothing"),
      ClientFrame(0xc1, "reserved bit"),
      ClientFrame(0x83, "opcode 3"),
      ClientFrame(0x09, "fragmented ping"),
      ClientFrame(0x89, std::string(126, 'p')),
      ClientFrame(0x01, "a") + ClientFrame(0x81, "new message inside"),
  };
  for (const std::string& bytes : cases) {
    FrameReader reader;
    reader.Append(bytes.data(), bytes.size());
    Opcode op;
    std::string payload;
    FrameReader::Result result;
    do {
      result = reader.Next(&op, &payload);
    } while (result == FrameReader::Result::kMessage);
    EXPECT_EQ(result, FrameReader::Result::kError) << Hex(bytes);
    EXPECT_EQ(reader.close_code(), kCloseProtocolError);
  }
}

TEST(Frames, ServerFramesAreUnmaskedAndFinal) {
  EXPECT_EQ(Hex(EncodeFrame(kText, "hi")), "81026869");
  std::string medium = EncodeFrame(kText, std::string(200, 'a'));
  EXPECT_EQ(Hex(medium.substr(0, 4)), "817e00c8");
  std::string big = EncodeFrame(kBinary, std::string(70000, 'a'));
  EXPECT_EQ(Hex(big.substr(0, 10)), "827f0000000000011170");
  EXPECT_EQ(Hex(EncodeClose(1002, "x")), "880303ea78");
}

}  // namespace
}  // namespace nodus::debugger::ws
