#include "runtime/core/socket_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>
#include <string>

#include "gtest/gtest.h"
#include "runtime/testing/v8_test.h"

namespace nodus {
namespace {

class SocketAddressTest : public testing::V8Test {
 protected:
  // The object SocketAddressToObject fills for `addr`, as JSON.
  std::string Describe(const sockaddr* addr) {
    v8::Local<v8::Object> out = v8::Object::New(isolate());
    EXPECT_TRUE(SocketAddressToObject(isolate(), addr, out));
    v8::Local<v8::String> json = v8::JSON::Stringify(context(), out).ToLocalChecked();
    v8::String::Utf8Value text(isolate(), json);
    return *text;
  }
};

// IPv4 addresses are written without inet_ntop's snprintf: every octet value, in every position,
// must come out as inet_ntop writes it.
TEST_F(SocketAddressTest, IPv4AddressesAreWrittenAsInetNtopWritesThem) {
  for (int value = 0; value < 256; value++) {
    const unsigned char octets[][4] = {
        {static_cast<unsigned char>(value), 0, 0, 1},
        {127, static_cast<unsigned char>(value), 9, 10},
        {10, 99, static_cast<unsigned char>(value), 100},
        {255, 1, 200, static_cast<unsigned char>(value)},
    };
    for (const auto& quad : octets) {
      sockaddr_in in;
      std::memset(&in, 0, sizeof(in));
      in.sin_family = AF_INET;
      in.sin_port = htons(static_cast<uint16_t>(value * 200));
      std::memcpy(&in.sin_addr.s_addr, quad, 4);
      char expected[INET_ADDRSTRLEN];
      ASSERT_NE(inet_ntop(AF_INET, &in.sin_addr, expected, sizeof(expected)), nullptr);
      EXPECT_EQ(Describe(reinterpret_cast<sockaddr*>(&in)),
                std::string("{\"address\":\"") + expected + "\",\"port\":" +
                    std::to_string(value * 200) + ",\"family\":\"IPv4\"}");
    }
  }
}

TEST_F(SocketAddressTest, IPv6AddressesKeepTheirTextAndFamily) {
  sockaddr_in6 in6;
  std::memset(&in6, 0, sizeof(in6));
  in6.sin6_family = AF_INET6;
  in6.sin6_port = htons(8080);
  ASSERT_EQ(inet_pton(AF_INET6, "fe80::1:2", &in6.sin6_addr), 1);
  EXPECT_EQ(Describe(reinterpret_cast<sockaddr*>(&in6)),
            "{\"address\":\"fe80::1:2\",\"port\":8080,\"family\":\"IPv6\"}");
}

TEST_F(SocketAddressTest, OtherFamiliesAreRefused) {
  sockaddr addr;
  std::memset(&addr, 0, sizeof(addr));
  addr.sa_family = AF_UNIX;
  v8::Local<v8::Object> out = v8::Object::New(isolate());
  EXPECT_FALSE(SocketAddressToObject(isolate(), &addr, out));
}

}  // namespace
}  // namespace nodus
