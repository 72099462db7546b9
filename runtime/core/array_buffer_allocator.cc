#include "runtime/core/array_buffer_allocator.h"

#include <cstdlib>
#include <cstring>

namespace nodus {

BlockCache* BlockCache::Get() {
  static BlockCache* cache = new BlockCache();  // never destroyed: owners may outlive statics
  return cache;
}

void* BlockCache::Take(size_t size, size_t* capacity) {
  void* data = TakeCached(size, capacity);
  if (data != nullptr) return data;
  *capacity = size;
  return std::malloc(size == 0 ? 1 : size);
}

void* BlockCache::TakeCached(size_t size, size_t* capacity) {
  if (size >= kMinSize) {
    std::lock_guard<std::mutex> lock(mutex_);
    // Newest first: the block freed last is the likeliest to still be in the cache.
    for (size_t k = count_; k-- > 0;) {
      if (blocks_[k].capacity >= size && blocks_[k].capacity / 2 <= size) {
        Block block = blocks_[k];
        for (size_t j = k + 1; j < count_; j++) blocks_[j - 1] = blocks_[j];
        count_--;
        bytes_ -= block.capacity;
        *capacity = block.capacity;
        return block.data;
      }
    }
  }
  return nullptr;
}

void BlockCache::Give(void* data, size_t capacity) {
  if (data == nullptr) return;
  if (capacity >= kMinSize) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (count_ < kMaxBlocks && bytes_ + capacity <= kMaxBytes) {
      blocks_[count_++] = Block{data, capacity};
      bytes_ += capacity;
      return;
    }
  }
  std::free(data);
}

void BlockCache::Release() {
  Block blocks[kMaxBlocks];
  size_t count;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    count = count_;
    for (size_t k = 0; k < count; k++) blocks[k] = blocks_[k];
    count_ = 0;
    bytes_ = 0;
  }
  for (size_t k = 0; k < count; k++) std::free(blocks[k].data);
}

thread_local bool ArrayBufferAllocator::skip_zero_fill_ = false;

// A zero-length request still gets a distinct pointer, as from V8's own allocator. Big ones go
// through the BlockCache; V8 passes the same length back to Free, which the cache then takes as
// the block's capacity (the block may be bigger: it only ever serves smaller requests).
void* ArrayBufferAllocator::Allocate(size_t length) {
  if (length >= BlockCache::kMinSize) {
    size_t capacity;
    void* data = BlockCache::Get()->TakeCached(length, &capacity);
    if (data != nullptr) {
      if (!skip_zero_fill_) std::memset(data, 0, length);
      return data;
    }
    // A fresh block: calloc's pages come zeroed from the kernel as they are first touched.
  }
  if (skip_zero_fill_) return std::malloc(length == 0 ? 1 : length);
  return std::calloc(length == 0 ? 1 : length, 1);
}

void* ArrayBufferAllocator::AllocateUninitialized(size_t length) {
  if (length >= BlockCache::kMinSize) {
    size_t capacity;
    return BlockCache::Get()->Take(length, &capacity);
  }
  return std::malloc(length == 0 ? 1 : length);
}

void ArrayBufferAllocator::Free(void* data, size_t length) {
  if (length >= BlockCache::kMinSize) return BlockCache::Get()->Give(data, length);
  std::free(data);
}

}  // namespace nodus
