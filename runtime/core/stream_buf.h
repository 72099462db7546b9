// MakeUvBuf: a uv_buf_t over `length` bytes at `base`. libuv's own uv_buf_init() takes an
// `unsigned int` length, so a Buffer of 2^32 bytes or more passed through it silently becomes a
// short or empty write; uv_buf_t's `len` is a size_t on Unix, and this keeps every bit of it.
// Every write and read that takes its length from JS (stream writes, fs read/write) goes through
// here.
#ifndef RUNTIME_CORE_STREAM_BUF_H_
#define RUNTIME_CORE_STREAM_BUF_H_

#include <uv.h>

#include <cstddef>

namespace nodus {

inline uv_buf_t MakeUvBuf(char* base, size_t length) {
  uv_buf_t buf;
  buf.base = base;
  buf.len = length;
  return buf;
}

}  // namespace nodus

#endif  // RUNTIME_CORE_STREAM_BUF_H_
