#include "runtime/core/stream_pipe.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "runtime/core/check.h"
#include "runtime/core/util.h"

namespace nodus {

using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::Value;

namespace {
const char kPipeKind = 0;  // StreamPipe's kind(): this byte's address
}  // namespace

const void* StreamPipe::kind() const { return &kPipeKind; }

// static
StreamPipe* StreamPipe::Of(const StreamWrap* source) {
  return static_cast<StreamPipe*>(source->FindListener(&kPipeKind));
}

StreamPipe::StreamPipe(StreamWrap* source, StreamWrap* dest) : source_(source), dest_(dest) {
  source->PushListener(this);
  dest->AddWriteWatcher(this);
}

StreamPipe::~StreamPipe() { CHECK(splice_ == nullptr); }

void StreamPipe::Undo() {
  StreamWrap* source = source_;
  // A failure to queue what the kernel pipe held is not reported here (JS is in the middle of
  // a call); the socket is broken, and its next write or read reports that.
  ExitSplice(true);
  if (dest_ != nullptr) dest_->RemoveWriteWatcher(this);
  source->RemoveListener(this);
  delete this;
  source->ResumeReading();
}

void StreamPipe::OnStreamGone(StreamWrap*) {
  // The source is being destroyed: what the kernel pipe holds has nowhere to go.
  ExitSplice(false);
  if (dest_ != nullptr) dest_->RemoveWriteWatcher(this);
  delete this;
}

void StreamPipe::OnWatchEnded() {
  dest_ = nullptr;
  Undo();
}

void StreamPipe::OnStreamDrained() { Unblock(); }

void StreamPipe::Unblock() {
  if (!blocked_) return;
  blocked_ = false;
  source_->ResumeReading();
}

void StreamPipe::OnStreamRead(ssize_t nread, const uv_buf_t& buf) {
  if (nread > 0) return PipeData(buf.base, static_cast<size_t>(nread));
  PassOn(nread, buf);  // EOF and errors reach JS as always
}

void StreamPipe::PipeData(const char* data, size_t length) {
  StreamWrap* source = source_;
  StreamWrap* dest = dest_;
  source->CountNativeRead(length);
  // A destroyed destination drops the data, as pipe() does once dest.writable is false.
  if (uv_is_closing(dest->handle())) return;
  bool queued = false;
  int err = dest->WriteNative(data, length, true, &queued);
  if (err != 0) return dest->CallPipeCallback("onpipeerror", err);  // may undo this pipe
  dest->CountNativeWrite(length);
  if (queued) {
    Block();
  } else if (dest == source && length == Environment::kReadBufferSize) {
    MaybeEnterSplice();
  }
}

void StreamPipe::Block() {
  if (blocked_) return;
  blocked_ = true;
  source_->StopReading();
}

// ---- Splice mode --------------------------------------------------------------------------------

struct StreamPipe::SpliceState {
  uv_poll_t poll;       // on dup_fd: the socket's readiness, while libuv's reading is stopped
  StreamPipe* pipe;     // null once the pipe has left splice mode
  int fd = -1;          // the socket (libuv's descriptor)
  int dup_fd = -1;
  int pipe_r = -1;
  int pipe_w = -1;
  size_t in_pipe = 0;   // bytes in the kernel pipe, read but not yet written back
  bool waited = false;  // the socket was full: 'drain' is due once the pipe is empty
};

constexpr size_t kSpliceChunk = 256 * 1024;

void StreamPipe::MaybeEnterSplice() {
  StreamWrap* source = source_;
  if (splice_ != nullptr || splice_failed_ || blocked_ || !source->js_reading() ||
      source->handle()->type != UV_TCP || source->stream()->write_queue_size != 0 ||
      uv_is_closing(source->handle())) {
    return;
  }
  uv_os_fd_t fd;
  int fds[2];
  if (uv_fileno(source->handle(), &fd) != 0 || pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) {
    splice_failed_ = true;
    return;
  }
  fcntl(fds[1], F_SETPIPE_SZ, static_cast<int>(kSpliceChunk));  // best effort
  SpliceState* state = new SpliceState();
  state->pipe = this;
  state->fd = fd;
  state->pipe_r = fds[0];
  state->pipe_w = fds[1];
  state->dup_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (state->dup_fd < 0 || uv_poll_init(source->env()->loop(), &state->poll, state->dup_fd) != 0) {
    if (state->dup_fd >= 0) close(state->dup_fd);
    close(fds[0]);
    close(fds[1]);
    delete state;
    splice_failed_ = true;
    return;
  }
  state->poll.data = state;
  source->StopReading();
  splice_ = state;
  WatchSplice();
}

void StreamPipe::WatchSplice() {
  SpliceState* state = splice_;
  uv_poll_start(&state->poll, state->in_pipe > 0 ? UV_WRITABLE : UV_READABLE, OnSplicePoll);
}

void StreamPipe::OnSplicePoll(uv_poll_t* poll, int status, int) {
  SpliceState* state = static_cast<SpliceState*>(poll->data);
  StreamPipe* pipe = state->pipe;
  if (pipe == nullptr) return;
  if (uv_is_closing(pipe->source_->handle())) return (void)pipe->ExitSplice(false);
  if (status < 0) {  // libuv's reading, started again, meets the error
    StreamWrap* source = pipe->source_;
    int err = pipe->ExitSplice(true);
    if (err != 0) source->CallPipeCallback("onpipeerror", err);
    return;
  }
  pipe->PumpSplice();
}

void StreamPipe::PumpSplice() {
  SpliceState* state = splice_;
  StreamWrap* source = source_;
  for (int round = 0; round < 16; round++) {
    if (state->in_pipe > 0) {
      ssize_t n = splice(state->pipe_r, nullptr, state->fd, nullptr, state->in_pipe,
                         SPLICE_F_NONBLOCK | SPLICE_F_MOVE);
      if (n > 0) {
        // Part taken: the socket is full, as much as after EAGAIN. (The rounds may end on
        // this write, and the rest go out when the socket is writable: 'drain' is due then.)
        if (static_cast<size_t>(n) < state->in_pipe) state->waited = true;
        state->in_pipe -= static_cast<size_t>(n);
        source->CountNativeWrite(static_cast<size_t>(n));
        if (state->in_pipe == 0 && state->waited) {
          // As a queued write would: the socket took everything after being full.
          state->waited = false;
          source->CallPipeCallback("onpipedrain", 0);
          // JS wrote, paused, ended or unpiped meanwhile (the pipe may be deleted: only the
          // state, freed when its poll handle closes, is looked at).
          if (state->pipe == nullptr) return;
          // JS closed the socket: libuv has already closed its descriptor, whose number the
          // next open() may get, so nothing more is spliced from or to it.
          if (uv_is_closing(source->handle())) return (void)ExitSplice(false);
        }
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EAGAIN) {
        state->waited = true;
        break;
      }
      int err = n < 0 ? -errno : UV_EPIPE;
      ExitSplice(false);
      return source->CallPipeCallback("onpipeerror", err);
    }
    ssize_t n = splice(state->fd, nullptr, state->pipe_w, nullptr, kSpliceChunk,
                       SPLICE_F_NONBLOCK | SPLICE_F_MOVE);
    if (n > 0) {
      state->in_pipe += static_cast<size_t>(n);
      source->CountNativeRead(static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) break;
    // EOF or an error: libuv's reading, started again, meets it and reports it to JS.
    int err = ExitSplice(true);
    if (err != 0) source->CallPipeCallback("onpipeerror", err);
    return;
  }
  WatchSplice();
}

// Leaves splice mode. keep_data: what the kernel pipe holds goes to the head of the write queue
// (it was read before anything JS may write next); otherwise it is dropped (the socket is gone).
// Calls no JS: returns 0, or the error that kept those bytes from being queued (they are lost).
int StreamPipe::ExitSplice(bool keep_data) {
  SpliceState* state = splice_;
  if (state == nullptr) return 0;
  StreamWrap* source = source_;
  splice_ = nullptr;
  state->pipe = nullptr;
  int err = 0;
  if (keep_data && state->in_pipe > 0 && !uv_is_closing(source->handle())) {
    std::vector<char> rest(state->in_pipe);
    size_t got = 0;
    while (got < rest.size()) {
      ssize_t n = read(state->pipe_r, rest.data() + got, rest.size() - got);
      if (n > 0) {
        got += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else {
        break;
      }
    }
    source->CountNativeWrite(got);
    if (got > 0) {
      bool queued = false;
      err = source->WriteNative(rest.data(), got, false, &queued);
      if (queued) Block();
    }
  }
  uv_poll_stop(&state->poll);
  uv_close(reinterpret_cast<uv_handle_t*>(&state->poll), [](uv_handle_t* poll) {
    SpliceState* closed = static_cast<SpliceState*>(poll->data);
    close(closed->dup_fd);
    close(closed->pipe_r);
    close(closed->pipe_w);
    delete closed;
  });
  source->ResumeReading();
  return err;
}

// ---- JS methods ---------------------------------------------------------------------------------

namespace {

void PipeTo(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = HandleWrap::UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  if (!args[0]->IsObject()) {
    return ThrowTypeError(args.GetIsolate(), "the destination must be a stream handle");
  }
  StreamWrap* dest = HandleWrap::FromValue<StreamWrap>(args[0]);
  StreamPipe* old = StreamPipe::Of(wrap);
  // Another listener (a consuming HTTP parser) takes the reads: they are not to be piped.
  if (dest == nullptr || wrap->HasNativeListenerOtherThan(old) || uv_is_closing(wrap->handle()) ||
      uv_is_closing(dest->handle())) {
    return args.GetReturnValue().Set(UV_EINVAL);
  }
  if (old != nullptr) old->Undo();
  StreamPipe::Create(wrap, dest);
  args.GetReturnValue().Set(0);
}

void Unpipe(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = HandleWrap::UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  StreamPipe* pipe = StreamPipe::Of(wrap);
  if (pipe != nullptr) pipe->Undo();
  if (args[0]->IsTrue()) wrap->EndWriteWatchers();  // also every stream piped into this one
}

void Splicing(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = HandleWrap::UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  StreamPipe* pipe = StreamPipe::Of(wrap);
  args.GetReturnValue().Set(pipe != nullptr && pipe->splicing());
}

void PipingTo(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = HandleWrap::UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  StreamPipe* pipe = StreamPipe::Of(wrap);
  if (pipe == nullptr) return args.GetReturnValue().SetNull();
  args.GetReturnValue().Set(pipe->dest()->object());
}

}  // namespace

void StreamPipe::Create(StreamWrap* source, StreamWrap* dest) { new StreamPipe(source, dest); }

// static
void StreamPipe::AddMethods(Isolate* isolate, Local<FunctionTemplate> tmpl) {
  SetProtoMethod(isolate, tmpl, "pipeTo", PipeTo);
  SetProtoMethod(isolate, tmpl, "unpipe", Unpipe);
  SetProtoMethod(isolate, tmpl, "pipingTo", PipingTo);
  SetProtoMethod(isolate, tmpl, "splicing", Splicing);
}

}  // namespace nodus
