#include "runtime/core/stream_buf.h"

#include <cstdint>

#include "gtest/gtest.h"

namespace nodus {
namespace {

// Only the length is looked at: no memory of that size is ever touched.
TEST(MakeUvBufTest, KeepsLengthsOf4GiBAndMore) {
  char byte = 0;
  for (uint64_t length : {uint64_t{0}, uint64_t{1}, (uint64_t{1} << 32) - 1, uint64_t{1} << 32,
                          (uint64_t{1} << 32) + 1, uint64_t{5} << 32}) {
    uv_buf_t buf = MakeUvBuf(&byte, static_cast<size_t>(length));
    EXPECT_EQ(buf.base, &byte);
    EXPECT_EQ(static_cast<uint64_t>(buf.len), length);
  }
}

}  // namespace
}  // namespace nodus
