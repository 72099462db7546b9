// StreamWrap: a HandleWrap over a uv_stream_t (TCP, pipe, TTY). It gives JS the byte-stream
// operations, all asynchronous and reported back through MakeCallback:
//
//   readStart() / readStop()               -> handle.onread(nread, data): data is an ArrayBuffer
//                                             of exactly nread bytes (net.js makes the Buffer); nread < 0 is a libuv error or
//                                             UV_EOF (exposed as binding.UV_EOF)
//   writeBuffer(req, uint8array)           -> 0 or a negative libuv error code. The outcome is in
//   writeUtf8String(req, string)              binding.writeInfo (a Float64Array shared by all
//   writeAsciiString / writeLatin1String      streams): [0] the byte count, [1] 1 if the write
//   writeUcs2String(req, string)              was queued, in which case
//   writev(req, chunks)                       req.oncomplete(status, handle, req) comes later,
//                                             else 0 and nothing follows. writev takes an array
//                                             of strings (utf8) and Uint8Arrays: one syscall.
//   shutdown(req)                          -> req.oncomplete(status, handle, req)
//
// handle.writeQueueSize is the number of bytes libuv still holds for pending writes.
//
// Native piping (what source.pipe(dest) becomes between two sockets when nothing else listens
// to the source's data, see stdlib/lib/net.js):
//   pipeTo(destHandle) -> 0, or a libuv error code when it can't be done natively
//   unpipe([all])                          all: also every stream piped into this one
//   pipingTo()                             -> the destination handle, or null
//   splicing()                             -> true while in splice mode (below)
//   pipedReadBytes() / pipedWrittenBytes() -> bytes read by / written to this stream natively
//                                             (reads include those a StreamReadListener took)
//   listenerReadAge()                      -> ms since a StreamReadListener (the HTTP parser)
//                                             last took a read, or -1 if none ever did: net.js
//                                             counts such reads as activity for setTimeout
// While piped, the source's reads go straight to the destination's write queue without
// reaching JS. When the destination's queue is not empty the source stops reading, and starts
// again once it drains; the destination's handle.onpipedrain() is then called. A failed write
// calls the destination's handle.onpipeerror(err). EOF and read errors reach JS as always.
// A TCP socket piped into itself (the echo server) that reads full buffers switches to splice:
// the kernel moves the bytes socket -> pipe -> socket without copying them into this process.
// Anything else on that socket (a JS write, end, pause, unpipe, EOF, an error) first puts what
// the kernel pipe still holds at the head of the write queue and returns to the path above.
// Reads land in one 64 KiB buffer shared by every stream of the Environment (an idle connection
// holds none); a big read takes that buffer over as its ArrayBuffer, a small one is copied out.
#ifndef RUNTIME_CORE_STREAM_WRAP_H_
#define RUNTIME_CORE_STREAM_WRAP_H_

#include <uv.h>

#include <vector>

#include "runtime/core/handle_wrap.h"

namespace nodus {

// Native code that takes a stream's bytes before JS sees them (the HTTP parser consuming a
// server socket). Data reads go to OnStreamRead instead of handle.onread; EOF and errors still
// reach JS. OnStreamGone tells the listener it no longer has the stream: the stream is being
// destroyed, or another listener took its place; either way the listener must forget it.
class StreamReadListener {
 public:
  virtual ~StreamReadListener() = default;
  virtual void OnStreamRead(const char* data, size_t length) = 0;
  virtual void OnStreamGone() = 0;
};

class StreamWrap : public HandleWrap {
 public:
  NODUS_WRAPPER_TYPE(StreamWrap);
  ~StreamWrap() override;

  // At most one listener: a new one displaces the old, which is told (OnStreamGone).
  void SetReadListener(StreamReadListener* listener) {
    StreamReadListener* old = read_listener_;
    read_listener_ = listener;
    if (old != nullptr && old != listener) old->OnStreamGone();
  }
  // Gives the bytes back to JS, if `listener` is still the one taking them.
  void RemoveReadListener(StreamReadListener* listener) {
    if (read_listener_ == listener) read_listener_ = nullptr;
  }
  StreamWrap* AsStream() override { return this; }

  static void AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl);
  // Puts `writeInfo` on a stream binding's exports (tcp_wrap, pipe_wrap, tty_wrap).
  static void ExposeWriteInfo(Environment* env, v8::Local<v8::Object> target);

  // Whether fd can become a stream handle of `loop` (uv_tcp_open / uv_pipe_open, then reads):
  // 0, or a negative libuv error code. libuv aborts when epoll refuses a descriptor it watches
  // (a regular file, a directory, /dev/null: EPERM; the loop's own epoll descriptor: EINVAL), so
  // that is tried here first: added to the loop's epoll set and taken out again (while JS runs
  // the loop is not polling). One already in the set gives UV_EEXIST. `socket` also requires a
  // stream socket (UV_ENOTSOCK, UV_EINVAL otherwise).
  static int CheckStreamFd(uv_loop_t* loop, int fd, bool socket);
  uv_stream_t* stream() const { return stream_; }

 protected:
  StreamWrap(Environment* env, v8::Local<v8::Object> object, uv_stream_t* stream,
             const WrapperType* type);

  void UpdateWriteQueueSize();

 private:
  static void ReadStart(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void ReadStop(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void WriteBuffer(const v8::FunctionCallbackInfo<v8::Value>& args);
  template <int kEncoding>
  static void WriteString(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Writev(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Shutdown(const v8::FunctionCallbackInfo<v8::Value>& args);

  static void OnAlloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void OnWrite(uv_write_t* req, int status);
  static void OnShutdown(uv_shutdown_t* req, int status);

  // Writes `bufs`; `storage` (may be null) owns string bytes until the write completes. The
  // ArrayBufferViews among `sources` are what the other bufs point into: a queued write holds
  // their backing stores until it is done.
  void DoWrite(const v8::FunctionCallbackInfo<v8::Value>& args, v8::Local<v8::Object> req,
               uv_buf_t* bufs, size_t count, size_t total, char* storage,
               const v8::Local<v8::Value>* sources, size_t source_count);

  static void PipeTo(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Unpipe(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void PipingTo(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Splicing(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void PipedReadBytes(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void PipedWrittenBytes(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void ListenerReadAge(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void OnPipeWrite(uv_write_t* req, int status);

  // Splice mode (self-pipe of a TCP socket); see the comment at the top.
  struct SpliceState;
  void MaybeEnterSplice();
  void ExitSplice(bool keep_data);
  void PumpSplice();
  void WatchSplice();
  static void OnSplicePoll(uv_poll_t* poll, int status, int events);
  void QueuePipedCopy(StreamWrap* dest, const char* data, size_t length);

  // Sends one read on to pipe_dest_.
  void PipeData(char* data, size_t length);
  void Unlink();
  // Reads again, if JS wants reads and the pipe no longer holds them back.
  void Unblock();
  // After a write on this stream completes with nothing left queued: restarts the sources
  // piped into it and tells JS (once per time the queue filled up).
  void OnQueueDrained();
  void CallPipeCallback(const char* name, int status);

  uv_stream_t* stream_;
  StreamReadListener* read_listener_ = nullptr;
  StreamWrap* pipe_dest_ = nullptr;          // where this stream's reads go natively
  std::vector<StreamWrap*> pipe_sources_;    // streams piped natively into this one
  double piped_read_bytes_ = 0;
  double piped_written_bytes_ = 0;
  uint64_t listener_read_at_ = 0;  // uv_now() of the last read a listener took
  bool listener_read_ = false;     // a listener has taken a read
  bool js_reading_ = false;    // readStart() called and not readStop()
  bool pipe_blocked_ = false;  // reading held back until pipe_dest_ drains
  bool pipe_queued_ = false;   // piped data waited in this stream's queue since the last drain
  bool splice_failed_ = false;  // splice mode could not be set up: don't try again
  SpliceState* splice_ = nullptr;
};

}  // namespace nodus

#endif  // RUNTIME_CORE_STREAM_WRAP_H_
