// FetchDigest (crypto.cc): digests by name, kept for the life of the process.
#include <openssl/err.h>
#include <openssl/evp.h>

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "runtime/bindings/crypto/crypto.h"

namespace nodus {
namespace binding {
namespace crypto {
namespace {

std::string HexDigest(const EVP_MD* md, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EXPECT_EQ(EVP_Digest(data.data(), data.size(), out, &length, md, nullptr), 1);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; i++) {
    hex += kHex[out[i] >> 4];
    hex += kHex[out[i] & 15];
  }
  return hex;
}

TEST(FetchDigestTest, SameObjectForTheSameName) {
  const EVP_MD* first = FetchDigest("sha1");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(FetchDigest("sha1"), first);
  EXPECT_EQ(HexDigest(first, "abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(HexDigest(FetchDigest("sha1"), "abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

TEST(FetchDigestTest, AliasesAndOldNames) {
  const EVP_MD* upper = FetchDigest("SHA256");
  ASSERT_NE(upper, nullptr);
  EXPECT_EQ(HexDigest(upper, "abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Known only to the object table; resolved once and then kept like the others.
  const EVP_MD* old = FetchDigest("RSA-SHA256");
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(FetchDigest("RSA-SHA256"), old);
  EXPECT_EQ(HexDigest(old, "abc"), HexDigest(upper, "abc"));
  EXPECT_EQ(ERR_peek_error(), 0u);
}

TEST(FetchDigestTest, UnknownNamesAreNotKept) {
  for (int i = 0; i < 2; i++) {
    EXPECT_EQ(FetchDigest("no-such-digest"), nullptr);
    EXPECT_EQ(ERR_peek_error(), 0u);
  }
  EXPECT_EQ(FetchDigest(""), nullptr);
  EXPECT_EQ(FetchDigest(std::string("sha1\0x", 6)), nullptr);
}

TEST(FetchDigestTest, FromSeveralThreads) {
  std::vector<const EVP_MD*> seen(8, nullptr);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < seen.size(); t++) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < 1000; i++) seen[t] = FetchDigest(i % 2 ? "md5" : "sha512");
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const EVP_MD* md : seen) EXPECT_EQ(md, seen[0]);
  EXPECT_EQ(seen[0], FetchDigest("md5"));  // the last name each thread asked for
}

}  // namespace
}  // namespace crypto
}  // namespace binding
}  // namespace nodus
