// StreamPipe: native piping, what source.pipe(dest) becomes between two sockets when nothing
// else listens to the source's data (see stdlib/lib/net.js). It is a read listener on the
// source (runtime/core/stream_wrap.h) that sends each read straight to the destination's write
// queue without reaching JS, and a write watcher on the destination. The JS side, on every
// stream handle:
//   pipeTo(destHandle) -> 0, or a libuv error code when it can't be done natively
//   unpipe([all])                          all: also every stream piped into this one
//   pipingTo()                             -> the destination handle, or null
//   splicing()                             -> true while in splice mode (below)
// When the destination's queue is not empty the source stops reading, and starts again once it
// drains; the destination's handle.onpipedrain() is then called. A failed write calls the
// destination's handle.onpipeerror(err). EOF and read errors reach JS as always.
// A TCP socket piped into itself (the echo server) that reads full buffers switches to splice:
// the kernel moves the bytes socket -> pipe -> socket without copying them into this process.
// Anything else on that socket (a JS write, end, pause, unpipe, EOF, an error, a close) first
// puts what the kernel pipe still holds at the head of the write queue (or drops it, if the
// socket is closed) and returns to the path above.
//
// Lifetime: a StreamPipe is made by pipeTo() and deletes itself when it is undone: unpipe(), a
// new pipeTo() of the source, or the destruction of the source or of the destination.
#ifndef RUNTIME_CORE_STREAM_PIPE_H_
#define RUNTIME_CORE_STREAM_PIPE_H_

#include <uv.h>

#include "runtime/core/stream_wrap.h"

namespace nodus {

class StreamPipe final : public StreamListener, public StreamWriteWatcher {
 public:
  // Adds pipeTo/unpipe/pipingTo/splicing to a stream handle constructor template.
  static void AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl);
  // Pipes source into dest (source must have no pipe yet).
  static void Create(StreamWrap* source, StreamWrap* dest);
  // The pipe out of `source`, or nullptr.
  static StreamPipe* Of(const StreamWrap* source);
  // Undoes the pipe and deletes it: what the kernel pipe holds in splice mode is queued on the
  // source first; the source reads for JS again if JS wants reads.
  void Undo();

  StreamWrap* source() const { return source_; }
  StreamWrap* dest() const { return dest_; }
  bool splicing() const { return splice_ != nullptr; }

  // StreamListener (on the source):
  void OnStreamRead(ssize_t nread, const uv_buf_t& buf) override;
  void OnStreamGone(StreamWrap* source) override;
  // A failure to queue what the kernel pipe held is not reported here (JS is in the middle of
  // a call); the socket is broken, and the write that follows reports it.
  void OnStreamBeforeWrite() override { ExitSplice(true); }
  bool HoldsReads() const override { return blocked_ || splice_ != nullptr; }
  const void* kind() const override;
  // StreamWriteWatcher (on the destination):
  void OnStreamDrained() override;
  void OnWatchEnded() override;

 private:
  struct SpliceState;

  StreamPipe(StreamWrap* source, StreamWrap* dest);
  ~StreamPipe() override;

  // Sends one read on to dest_; if some of it had to be queued, the source stops reading until
  // dest_ drains.
  void PipeData(const char* data, size_t length);
  void Block();
  void Unblock();

  // Splice mode (a TCP socket piped into itself); see the comment at the top.
  void MaybeEnterSplice();
  int ExitSplice(bool keep_data);
  void PumpSplice();
  void WatchSplice();
  static void OnSplicePoll(uv_poll_t* poll, int status, int events);

  StreamWrap* source_;
  StreamWrap* dest_;
  bool blocked_ = false;        // reading held back until dest_ drains
  bool splice_failed_ = false;  // splice mode could not be set up: don't try again
  SpliceState* splice_ = nullptr;
};

}  // namespace nodus

#endif  // RUNTIME_CORE_STREAM_PIPE_H_
