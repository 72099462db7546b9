// The ArrayBuffer allocator of the runtime's isolates. It behaves as V8's default one (memory
// for a new ArrayBuffer is zero-filled) except inside a NoZeroFillScope: native code that is about
// to write every byte of a new backing store before JS can reach it asks V8 for the store inside
// one and so skips the zero-filling.
//
// Asking V8 for the store (v8::ArrayBuffer::NewBackingStore(isolate, length)) rather than handing
// it memory of our own matters for big Buffers: V8 then counts the bytes as young-generation
// backing stores and frees dead ones with a quick scavenge, where stores it is merely given are
// external memory that this V8 reclaims only by full mark-sweeps, with tens of megabytes of dead
// Buffers waiting in between.
#ifndef RUNTIME_CORE_ARRAY_BUFFER_ALLOCATOR_H_
#define RUNTIME_CORE_ARRAY_BUFFER_ALLOCATOR_H_

#include <cstddef>
#include <mutex>

#include "v8.h"

namespace nodus {

// Big blocks, recycled: a fresh block of a megabyte comes from mmap (or from a heap top that
// free() just trimmed), and faulting its pages in cost several times what filling it did. Freed
// blocks (their owners may die on any thread: V8 frees backing stores on its worker threads) wait
// here, up to kMaxBytes in all, for the next request they fit without wasting more than half.
// Serves big ArrayBuffers, new Buffers made from strings and big external strings.
class BlockCache {
 public:
  static constexpr size_t kMinSize = 256 * 1024;

  static BlockCache* Get();

  // A block of at least `size` bytes (contents undefined) or nullptr; *capacity is its size.
  void* Take(size_t size, size_t* capacity);
  // A cached block for `size`, or nullptr if none fits.
  void* TakeCached(size_t size, size_t* capacity);
  // Takes back a block from Take (or malloc) of at least `capacity` bytes.
  void Give(void* data, size_t capacity);
  // Frees every cached block (the process has gone idle: hand the memory back).
  void Release();

 private:
  static constexpr size_t kMaxBlocks = 64;
  static constexpr size_t kMaxBytes = 32 * 1024 * 1024;
  struct Block {
    void* data;
    size_t capacity;
  };
  std::mutex mutex_;
  Block blocks_[kMaxBlocks] = {};
  size_t count_ = 0;
  size_t bytes_ = 0;
};

class ArrayBufferAllocator : public v8::ArrayBuffer::Allocator {
 public:
  void* Allocate(size_t length) override;
  void* AllocateUninitialized(size_t length) override;
  void Free(void* data, size_t length) override;

  // While one is alive on a thread, Allocate on that thread does not zero-fill.
  class NoZeroFillScope {
   public:
    NoZeroFillScope() : previous_(skip_zero_fill_) { skip_zero_fill_ = true; }
    ~NoZeroFillScope() { skip_zero_fill_ = previous_; }
    NoZeroFillScope(const NoZeroFillScope&) = delete;
    NoZeroFillScope& operator=(const NoZeroFillScope&) = delete;

   private:
    bool previous_;
  };

 private:
  static thread_local bool skip_zero_fill_;
};

}  // namespace nodus

#endif  // RUNTIME_CORE_ARRAY_BUFFER_ALLOCATOR_H_
