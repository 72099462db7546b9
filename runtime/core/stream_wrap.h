// StreamWrap: a HandleWrap over a uv_stream_t (TCP, pipe, TTY). It gives JS the byte-stream
// operations, all asynchronous and reported back through MakeCallback:
//
//   readStart() / readStop()               -> handle.onread(nread, data): data is an ArrayBuffer
//                                             of exactly nread bytes (net.js makes the Buffer); nread < 0 is a libuv error or
//                                             UV_EOF (exposed as binding.UV_EOF)
//   readStart(true)                        -> the same, but the first read (nread > 0) calls
//                                             handle.onfirstread(nread) before its bytes go
//                                             anywhere: a listener it pushes gets them natively
//   writeBuffer(req, uint8array)           -> 0 or a negative libuv error code. The outcome is in
//   writeUtf8String(req, string)              binding.writeInfo (a Float64Array shared by all
//   writeAsciiString / writeLatin1String      streams): [0] the byte count, [1] 1 if the write
//   writeUcs2String(req, string)              was queued, in which case
//   writev(req, chunks)                       req.oncomplete(status, handle, req) comes later,
//                                             else 0 and nothing follows. writev takes an array
//                                             of strings (utf8) and Uint8Arrays: one syscall.
//                                             The string writes take up to 16 strings
//                                             (req, s1, s2...), sent as if joined: one write.
//   shutdown(req)                          -> req.oncomplete(status, handle, req)
//
// handle.writeQueueSize is the number of bytes libuv still holds for pending writes.
//
// Reads go through a chain of listeners (StreamListener, below): the newest one sees each read
// first and takes it or hands it on to the one below; at the bottom is the stream's own
// delivery to JS (handle.onread). Native code that takes a stream's bytes is such a listener,
// in a file of its own: native piping and its splice mode (runtime/core/stream_pipe.h, which
// also adds pipeTo/unpipe/pipingTo/splicing to the handles), the HTTP parser's consume()
// (runtime/bindings/http_parser.cc) and a TLS connection's attachSocket()
// (runtime/bindings/crypto/tls_wrap.cc).
//   pipedReadBytes() / pipedWrittenBytes() -> bytes read by / written to this stream natively
//                                             (by a pipe, or taken by a listener)
//   listenerReadAge()                      -> ms since a listener (HTTP parser, TLS) last took a
//                                             read, or -1 if none ever did: net.js counts such
//                                             reads as activity for setTimeout
// Native code also writes (WriteNative: a pipe's reads): what the socket does not take at once
// is copied into the write queue; when such bytes have all gone out, handle.onpipedrain() is
// called, and a failed one calls handle.onpipeerror(err).
// Reads land in one 64 KiB buffer shared by every stream of the Environment (an idle connection
// holds none); a big read takes that buffer over as its ArrayBuffer, a small one is copied out.
#ifndef RUNTIME_CORE_STREAM_WRAP_H_
#define RUNTIME_CORE_STREAM_WRAP_H_

#include <uv.h>

#include <cstdint>
#include <memory>

#include "runtime/core/handle_wrap.h"

namespace nodus {

class StreamWrap;
class StringBytes;  // stream_wrap.cc: the encoded bytes of a string write

// One link in a stream's chain of read listeners. Owned by whoever pushed it (the stream never
// deletes one); it must be removed (StreamWrap::RemoveListener) before it is deleted, unless
// the stream told it OnStreamGone first.
class StreamListener {
 public:
  virtual ~StreamListener() = default;

  // A read: nread > 0 bytes at buf.base (valid only during the call), or nread < 0: UV_EOF or a
  // libuv error. A listener that does not take it calls PassOn.
  virtual void OnStreamRead(ssize_t nread, const uv_buf_t& buf) = 0;
  // `stream` is being destroyed: it is no longer this listener's (stream() is already null).
  // The listener may delete itself here.
  virtual void OnStreamGone(StreamWrap* /*stream*/) {}
  // The stream is about to write, shut down or stop reading for JS: bytes a listener read and
  // has not yet written anywhere (splice mode) go into the write queue first.
  virtual void OnStreamBeforeWrite() {}
  // Whether this listener keeps libuv's reading stopped for now (a pipe waiting for its
  // destination to drain, splice mode): readStart() then only records that JS wants reads.
  virtual bool HoldsReads() const { return false; }
  // Identifies the listener's class (the address of a static of that class), to find one.
  virtual const void* kind() const = 0;

  StreamWrap* stream() const { return stream_; }

 protected:
  // Hands a read to the listener below this one.
  void PassOn(ssize_t nread, const uv_buf_t& buf) { previous_->OnStreamRead(nread, buf); }

 private:
  friend class StreamWrap;
  void StreamGone() {
    StreamWrap* stream = stream_;
    stream_ = nullptr;
    previous_ = nullptr;
    OnStreamGone(stream);
  }

  StreamWrap* stream_ = nullptr;
  StreamListener* previous_ = nullptr;
};

// Native code that writes into a stream (a pipe from another one) and must know when the
// stream's write queue drains of the bytes it queued, and when the stream goes away.
class StreamWriteWatcher {
 public:
  virtual ~StreamWriteWatcher() = default;
  // The queue emptied after native writes had waited in it.
  virtual void OnStreamDrained() = 0;
  // The stream drops this watcher: it is being destroyed, or JS undid every pipe into it
  // (unpipe(true)). The watcher may delete itself here.
  virtual void OnWatchEnded() = 0;

 private:
  friend class StreamWrap;
  // The next watcher of the same stream: the stream keeps its watchers in a list through them,
  // so a stream that no pipe writes into holds no array for them.
  StreamWriteWatcher* next_watcher_ = nullptr;
};

class StreamWrap : public HandleWrap {
 public:
  NODUS_WRAPPER_TYPE(StreamWrap);
  ~StreamWrap() override;

  StreamWrap* AsStream() override { return this; }

  static void AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl);
  // Puts `writeInfo` and `setCallbackDispatchers` on a stream binding's exports (tcp_wrap,
  // pipe_wrap, tty_wrap).
  static void ExposeWriteInfo(Environment* env, v8::Local<v8::Object> target);

  // Whether fd can become a stream handle of `loop` (uv_tcp_open / uv_pipe_open, then reads):
  // 0, or a negative libuv error code. libuv aborts when epoll refuses a descriptor it watches
  // (a regular file, a directory, /dev/null: EPERM; the loop's own epoll descriptor: EINVAL), so
  // that is tried here first: added to the loop's epoll set and taken out again (while JS runs
  // the loop is not polling). One already in the set gives UV_EEXIST. `socket` also requires a
  // stream socket (UV_ENOTSOCK, UV_EINVAL otherwise).
  static int CheckStreamFd(uv_loop_t* loop, int fd, bool socket);
  uv_stream_t* stream() const { return reinterpret_cast<uv_stream_t*>(handle()); }

  // ---- The listener chain ----
  // Puts `listener` on top: it sees reads first.
  void PushListener(StreamListener* listener);
  // Takes `listener` out of the chain, wherever it is (nothing if it is not in it).
  void RemoveListener(StreamListener* listener);
  // The listener of class `kind` nearest the top, or nullptr.
  StreamListener* FindListener(const void* kind) const;
  // Whether any listener other than the JS delivery and `except` (may be null) is in the chain.
  bool HasNativeListenerOtherThan(const StreamListener* except) const;

  // ---- Reading, for listeners ----
  // JS called readStart() (and not readStop() since).
  bool js_reading() const { return js_reading_; }
  // Starts libuv's reading if JS wants reads and no listener holds them back.
  void ResumeReading();
  void StopReading() { uv_read_stop(stream()); }
  // If reads are on (JS reads, no listener holds them, libuv's reading started), reads the
  // descriptor once now, as libuv would on its next poll, and hands what came to the listener
  // chain. Returns whether bytes came; nothing else (no bytes yet, end of stream, an error) is
  // reported here: libuv finds those itself when it polls.
  bool ReadNow();
  // Statistics of the bytes that did not reach JS (see pipedReadBytes/listenerReadAge).
  void CountNativeRead(size_t bytes) { stats().piped_read_bytes += static_cast<double>(bytes); }
  void CountNativeWrite(size_t bytes) {
    stats().piped_written_bytes += static_cast<double>(bytes);
  }
  void NoteListenerRead() {
    stats().listener_read_at = static_cast<int64_t>(uv_now(env()->loop()));
  }

  // ---- Writing, for native code ----
  // Writes bytes that native code holds (a pipe's reads): tries at once if nothing is queued
  // (unless try_first is false), and queues a copy of the rest. Returns 0 and sets *queued if a
  // copy waits, or a libuv error (nothing was queued; reporting it is the caller's). A queued
  // copy that fails later calls handle.onpipeerror(err); once the queue is empty after such
  // copies, the watchers are told and handle.onpipedrain() is called.
  int WriteNative(const char* data, size_t length, bool try_first, bool* queued);
  void AddWriteWatcher(StreamWriteWatcher* watcher);
  void RemoveWriteWatcher(StreamWriteWatcher* watcher);
  // Drops every write watcher (each is told OnWatchEnded).
  void EndWriteWatchers();
  // Calls handle[name](status) (onpipeerror, onpipedrain), unless the handle is closing.
  void CallPipeCallback(const char* name, int status);

  // ---- A last write that leaves with the FIN ----
  // The next write from JS is the last before the handle closes (an HTTP response on a
  // connection that closes after it): what the kernel takes of it at once is sent with MSG_MORE,
  // so the kernel holds it back and the close attaches the FIN to it, one packet instead of two
  // (each costs both ends a trip through the TCP stack). JS reaches it on TCP handles only
  // (tcp_wrap's holdNextWrite); on a descriptor that is not a socket the write is an ordinary
  // one. A write that had to wait goes out as any other: its push sends what was held.
  void HoldNextWrite() { hold_next_write_ = true; }
  // Sends what a held write left in the kernel: before a close, with the FIN (shutdown, so that
  // the bytes leave ahead of the reset a close with unread input makes); otherwise at once.
  // Streams still holding bytes after the loop's next poll are released so (the close did not
  // come: a 'finish' listener threw), so bytes are never held for long.
  void ReleaseHeldWrite(bool closing);

 protected:
  StreamWrap(Environment* env, v8::Local<v8::Object> object, uv_stream_t* stream,
             const WrapperType* type);

  void UpdateWriteQueueSize();

 private:
  // The bottom of the chain: reads to handle.onread.
  class JSListener final : public StreamListener {
   public:
    void OnStreamRead(ssize_t nread, const uv_buf_t& buf) override;
    const void* kind() const override;
  };

  static void ReadStart(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void ReadStop(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void WriteBuffer(const v8::FunctionCallbackInfo<v8::Value>& args);
  template <int kEncoding>
  static void WriteString(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Writev(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Shutdown(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void PipedReadBytes(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void PipedWrittenBytes(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void ListenerReadAge(const v8::FunctionCallbackInfo<v8::Value>& args);

  static void OnAlloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void OnWrite(uv_write_t* req, int status);
  static void OnNativeWrite(uv_write_t* req, int status);
  static void OnShutdown(uv_shutdown_t* req, int status);

  // Delivers one read to handle.onread (the JS listener's work).
  void EmitRead(ssize_t nread, const uv_buf_t& buf);
  // The first read of a stream whose readStart(true) asked for it: handle.onfirstread(nread) is
  // called before the bytes go anywhere, then they go to the top of the listener chain, which
  // may now be a listener onfirstread pushed (an HTTP server's parser taking the connection
  // over: no ArrayBuffer, Buffer or JS parse call for the bytes).
  void AnnounceFirstRead(ssize_t nread, const uv_buf_t& buf);
  // Tells every listener that JS is about to write, shut down or stop reading.
  void BeforeWrite();
  bool ListenersHoldReads() const;
  // JS reads, the handle is open and no listener holds reads back: libuv's reading should run.
  bool ReadsWanted() const;

  // Writes `bufs`. bufs[i] points into an ArrayBufferView if sources[i] is one (a queued write
  // holds their backing stores until it is done); every other buf points into `strings` (null
  // if there are none), whose bytes move to the heap for a write that has to wait.
  void DoWrite(const v8::FunctionCallbackInfo<v8::Value>& args, v8::Local<v8::Object> req,
               uv_buf_t* bufs, size_t count, size_t total, StringBytes* strings,
               const v8::Local<v8::Value>* sources, size_t source_count);
  // uv_try_write with MSG_MORE (a socket's held write): the bytes written, UV_EAGAIN or an error.
  int TryWriteHeld(const uv_buf_t* bufs, size_t count);

  // After a write on this stream completes with nothing left queued: tells the watchers and JS
  // (once per time native writes had to wait).
  void OnQueueDrained();

  // What only streams with native readers or writers need (pipedReadBytes and the rest), made
  // on first use: an idle connection holds none of it.
  struct NativeStats {
    double piped_read_bytes = 0;
    double piped_written_bytes = 0;
    int64_t listener_read_at = -1;  // uv_now() of the last read a listener took, or -1
  };
  NativeStats& stats() {
    if (!stats_) stats_.reset(new NativeStats());
    return *stats_;
  }

  // Every connection has one of these, so the members are kept few: with libuv's uv_tcp_t a
  // TCP handle's wrap fits a 352-byte malloc chunk.
  JSListener js_listener_;
  StreamListener* listener_ = &js_listener_;       // the top of the chain
  StreamWriteWatcher* write_watchers_ = nullptr;  // the first, in the order they were added
  std::unique_ptr<NativeStats> stats_;
  bool js_reading_ = false;     // readStart() called and not readStop()
  bool native_queued_ = false;  // native writes waited in the queue since the last drain
  bool announce_first_read_ = false;  // readStart(true), and no read came since
  bool hold_next_write_ = false;      // HoldNextWrite() and no write since
  bool write_held_ = false;           // the kernel holds bytes of a held write (MSG_MORE)

 protected:
  // ConnectionWrap's (a listener whose accepted connections are read at once), kept here where
  // it fits the padding after the flags above.
  bool read_on_accept_ = false;
};

// The member budget above (HandleWrap's 32 bytes and 56 of StreamWrap's own); ConnectionWrap adds
// 8 and the uv_tcp_t (248 bytes in libuv 1.44 on x86-64), 344 in all.
static_assert(sizeof(StreamWrap) <= 88, "StreamWrap grew: see the comment on its members");

}  // namespace nodus

#endif  // RUNTIME_CORE_STREAM_WRAP_H_
