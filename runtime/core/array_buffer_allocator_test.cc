#include "runtime/core/array_buffer_allocator.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "gtest/gtest.h"

namespace nodus {
namespace {

bool AllZero(const void* data, size_t length) {
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  for (size_t i = 0; i < length; i++) {
    if (bytes[i] != 0) return false;
  }
  return true;
}

TEST(ArrayBufferAllocatorTest, AllocateZeroFillsSmallAndBig) {
  ArrayBufferAllocator allocator;
  for (size_t length : {size_t{0}, size_t{1}, size_t{64}, size_t{8192}, BlockCache::kMinSize,
                        size_t{3} * 1024 * 1024}) {
    void* data = allocator.Allocate(length);
    ASSERT_NE(nullptr, data) << length;
    EXPECT_TRUE(AllZero(data, length)) << length;
    allocator.Free(data, length);
  }
}

// A big block freed dirty goes to the cache; the next big Allocate may get it back, and must
// still see only zeros. The uninitialized paths may reuse it as it is.
TEST(ArrayBufferAllocatorTest, ReusedBigBlocksAreClearedUnlessAskedNotTo) {
  ArrayBufferAllocator allocator;
  const size_t length = 1024 * 1024;
  for (int round = 0; round < 4; round++) {
    void* dirty = allocator.AllocateUninitialized(length);
    ASSERT_NE(nullptr, dirty);
    std::memset(dirty, 0xAB, length);
    allocator.Free(dirty, length);
    void* again = allocator.Allocate(length);
    ASSERT_NE(nullptr, again);
    EXPECT_TRUE(AllZero(again, length)) << "round " << round;
    std::memset(again, 0xCD, length);
    allocator.Free(again, length);
  }
  // The cache hands a block out once: two live blocks never share memory.
  void* a = allocator.Allocate(length);
  void* b = allocator.Allocate(length);
  EXPECT_NE(a, b);
  allocator.Free(a, length);
  allocator.Free(b, length);
}

TEST(ArrayBufferAllocatorTest, NoZeroFillScopeIsScopedAndNests) {
  ArrayBufferAllocator allocator;
  const size_t length = 512 * 1024;
  size_t capacity;
  for (size_t size : {length, 2 * length}) {  // empty the cache of what could serve `length`
    while (void* old = BlockCache::Get()->TakeCached(size, &capacity)) std::free(old);
  }
  void* dirty = allocator.AllocateUninitialized(length);
  std::memset(dirty, 0x5A, length);
  allocator.Free(dirty, length);
  {
    ArrayBufferAllocator::NoZeroFillScope outer;
    {
      ArrayBufferAllocator::NoZeroFillScope inner;
    }
    // Still inside `outer`: no clearing. The block comes from the cache, whose only block was
    // freed dirty just above, so its old bytes show (the caller must write all of it).
    void* data = allocator.Allocate(length);
    ASSERT_NE(nullptr, data);
    EXPECT_FALSE(AllZero(data, length));
    std::memset(data, 0x11, length);
    allocator.Free(data, length);
  }
  // Outside every scope zero-filling is back.
  void* data = allocator.Allocate(length);
  EXPECT_TRUE(AllZero(data, length));
  allocator.Free(data, length);
}

TEST(BlockCacheTest, TakesOnlyBlocksThatFitWithoutWastingHalf) {
  BlockCache* cache = BlockCache::Get();
  size_t capacity = 0;
  // Empty the cache of anything earlier tests left that could serve these sizes.
  while (void* old = cache->TakeCached(BlockCache::kMinSize, &capacity)) std::free(old);
  while (void* old = cache->TakeCached(4 * BlockCache::kMinSize, &capacity)) std::free(old);
  void* block = cache->Take(4 * BlockCache::kMinSize, &capacity);
  ASSERT_NE(nullptr, block);
  EXPECT_EQ(4 * BlockCache::kMinSize, capacity);
  cache->Give(block, capacity);
  // Too small a request for it (it would waste more than half), then one it serves.
  EXPECT_EQ(nullptr, cache->TakeCached(BlockCache::kMinSize, &capacity));
  EXPECT_EQ(block, cache->TakeCached(3 * BlockCache::kMinSize, &capacity));
  EXPECT_EQ(4 * BlockCache::kMinSize, capacity);
  // Small blocks are never cached.
  void* small = cache->Take(100, &capacity);
  cache->Give(small, capacity);
  EXPECT_EQ(nullptr, cache->TakeCached(100, &capacity));
  cache->Give(block, 4 * BlockCache::kMinSize);
}

TEST(BlockCacheTest, ReleaseEmptiesIt) {
  BlockCache* cache = BlockCache::Get();
  size_t capacity = 0;
  void* block = cache->Take(BlockCache::kMinSize, &capacity);
  cache->Give(block, capacity);
  cache->Release();
  EXPECT_EQ(nullptr, cache->TakeCached(BlockCache::kMinSize, &capacity));
  // And it fills again afterwards.
  block = cache->Take(BlockCache::kMinSize, &capacity);
  cache->Give(block, capacity);
  EXPECT_EQ(block, cache->TakeCached(BlockCache::kMinSize, &capacity));
  cache->Give(block, capacity);
}

}  // namespace
}  // namespace nodus
