// process.binding('stdio_wrap'): process.stdout and process.stderr when they are pipes or sockets.
// v0.6 documents those as non-blocking, like other streams, while files and terminals are written
// synchronously (stdlib/lib/_stdio.js). A write goes to the descriptor at once when it can; what
// the pipe cannot take yet waits here, in order, and is written as the pipe becomes writable
// (a uv_poll_t watches it only while something waits, so an idle writer keeps no loop alive).
//
//   isPipe(fd)                    true for a FIFO or a socket
//   new StdioPipe(fd)             one per descriptor; the descriptor is made non-blocking
//   write(bufferOrString)         -> true if it all went out now, false if some waits
//                                    (string: UTF-8); a failed write throws an Error with
//                                    code/errno/syscall (EPIPE when the reader is gone)
//   queued()                      bytes waiting
//   handle.ondrain()              called once everything that waited has been written
//   handle.onerror(err)           called when a write from the queue fails, with libuv's
//                                    negative error code (_stdio.js makes the Error)
//
// Nothing printed is lost at exit: Environment::Exit makes the descriptor blocking again and
// writes out whatever still waits before the process ends.
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include <deque>
#include <memory>
#include <string>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/base_object.h"
#include "runtime/core/errors.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace stdio_wrap {

using v8::ArrayBufferView;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

class StdioPipe : public BaseObject {
 public:
  NODUS_WRAPPER_TYPE(StdioPipe);
  StdioPipe(Environment* env, Local<Object> object, int fd)
      : BaseObject(env, object, &kWrapperType), env_(env), fd_(fd) {
    int flags = fcntl(fd_, F_GETFL);
    was_blocking_ = flags >= 0 && (flags & O_NONBLOCK) == 0;
    if (was_blocking_) fcntl(fd_, F_SETFL, flags | O_NONBLOCK);
    poll_ok_ = uv_poll_init(env->loop(), &poll_, fd_) == 0;
    poll_.data = this;
    if (poll_ok_) uv_unref(reinterpret_cast<uv_handle_t*>(&poll_));
    env->AtExit(FlushAtExit, this);
    // The writer lives as long as the process: stdout and stderr are never closed.
  }

  static StdioPipe* Unwrap(const FunctionCallbackInfo<Value>& args) {
    return UnwrapThis<StdioPipe>(args, "not a StdioPipe");
  }

  static void New(const FunctionCallbackInfo<Value>& args) {
    Environment* env = Environment::GetCurrent(args);
    if (!BaseObject::BeginConstruct(args, "StdioPipe")) return;
    int fd;
    if (!GetFdArg(args, 0, &fd)) return;
    new StdioPipe(env, args.This(), fd);
  }

  static void Write(const FunctionCallbackInfo<Value>& args) {
    StdioPipe* self = Unwrap(args);
    if (self == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    // Send() copies only what the pipe cannot take at once, so the bytes are read in place.
    const char* data;
    size_t length;
    std::unique_ptr<Utf8Value> utf8;
    if (args[0]->IsArrayBufferView()) {
      Local<ArrayBufferView> view = args[0].As<ArrayBufferView>();
      length = view->ByteLength();
      data = length == 0 ? ""
                         : static_cast<const char*>(view->Buffer()->Data()) + view->ByteOffset();
    } else if (args[0]->IsString()) {
      utf8.reset(new Utf8Value(isolate, args[0]));
      if (!utf8->ok()) return;
      data = utf8->c_str();
      length = utf8->length();
    } else {
      return ThrowTypeError(isolate, "data must be a Buffer or a string");
    }
    int err = self->Send(data, length);
    if (err != 0) return ThrowUVException(isolate, err, "write");
    args.GetReturnValue().Set(self->queue_.empty());
  }

  static void Queued(const FunctionCallbackInfo<Value>& args) {
    StdioPipe* self = Unwrap(args);
    if (self == nullptr) return;
    args.GetReturnValue().Set(static_cast<double>(self->queued_bytes_));
  }

 private:
  // Writes what it can now and queues the rest. Returns 0 or a libuv error code.
  int Send(const char* data, size_t length) {
    size_t done = 0;
    if (queue_.empty()) {
      while (done < length) {
        ssize_t n = ::write(fd_, data + done, length - done);
        if (n > 0) {
          done += static_cast<size_t>(n);
        } else if (n < 0 && errno == EINTR) {
          continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
          break;
        } else {
          return n < 0 ? -errno : UV_EIO;
        }
      }
    }
    if (done == length) return 0;
    if (!poll_ok_) {
      // Not pollable (should not happen for a pipe or socket): finish the write blocking.
      return WriteBlocking(data + done, length - done);
    }
    queue_.emplace_back(data + done, length - done);
    queued_bytes_ += length - done;
    if (!polling_) {
      polling_ = true;
      uv_ref(reinterpret_cast<uv_handle_t*>(&poll_));  // the loop lives until it is all out
      uv_poll_start(&poll_, UV_WRITABLE, OnWritable);
    }
    return 0;
  }

  int WriteBlocking(const char* data, size_t length) {
    while (length > 0) {
      ssize_t n = ::write(fd_, data, length);
      if (n > 0) {
        data += n;
        length -= static_cast<size_t>(n);
      } else if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) {
        struct timespec pause = {0, 1000000};
        nanosleep(&pause, nullptr);  // only reached if the descriptor is still non-blocking
      } else {
        return n < 0 ? -errno : UV_EIO;
      }
    }
    return 0;
  }

  // libuv reports a descriptor in error (POLLERR: the pipe's reader has gone) as UV_EBADF, and
  // stops polling it. The write is tried all the same: it says what really went wrong (EPIPE).
  static void OnWritable(uv_poll_t* poll, int status, int) {
    StdioPipe* self = static_cast<StdioPipe*>(poll->data);
    int err = 0;
    while (err == 0 && !self->queue_.empty()) {
      std::string& front = self->queue_.front();
      ssize_t n = ::write(self->fd_, front.data() + self->front_offset_,
                          front.size() - self->front_offset_);
      if (n > 0) {
        self->front_offset_ += static_cast<size_t>(n);
        self->queued_bytes_ -= static_cast<size_t>(n);
        if (self->front_offset_ == front.size()) {
          self->queue_.pop_front();
          self->front_offset_ = 0;
        }
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (status == 0) return;  // still full: wait for the next writable event
        err = status;             // no more events will come
      } else {
        err = n < 0 ? -errno : UV_EIO;
      }
    }
    self->StopPolling();
    Environment* env = self->env_;
    HandleScope scope(env->isolate());
    Local<Object> object = self->object();
    if (err != 0) {
      self->queue_.clear();
      self->queued_bytes_ = 0;
      self->front_offset_ = 0;
      Local<Value> argv[] = {v8::Integer::New(env->isolate(), err)};
      env->MakeCallback(object, "onerror", 1, argv);
      return;
    }
    env->MakeCallback(object, "ondrain", 0, nullptr);
  }

  void StopPolling() {
    if (!polling_) return;
    polling_ = false;
    uv_poll_stop(&poll_);
    uv_unref(reinterpret_cast<uv_handle_t*>(&poll_));
  }

  static void FlushAtExit(void* arg) {
    StdioPipe* self = static_cast<StdioPipe*>(arg);
    int flags = fcntl(self->fd_, F_GETFL);
    if (flags >= 0 && self->was_blocking_) fcntl(self->fd_, F_SETFL, flags & ~O_NONBLOCK);
    while (!self->queue_.empty()) {
      std::string& front = self->queue_.front();
      if (self->WriteBlocking(front.data() + self->front_offset_,
                              front.size() - self->front_offset_) != 0) {
        break;  // the reader is gone: nothing more can be delivered
      }
      self->queue_.pop_front();
      self->front_offset_ = 0;
    }
  }

  Environment* env_;
  int fd_;
  uv_poll_t poll_;
  std::deque<std::string> queue_;
  size_t front_offset_ = 0;
  size_t queued_bytes_ = 0;
  bool poll_ok_ = false;
  bool polling_ = false;
  bool was_blocking_ = false;
};

void IsPipe(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsInt32()) return ThrowTypeError(args.GetIsolate(), "fd must be an integer");
  int fd = args[0].As<v8::Int32>()->Value();
  struct stat st;
  bool pipe = fd >= 0 && fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
  args.GetReturnValue().Set(pipe);
}

NODUS_DEFINE_WRAPPER_TYPE(StdioPipe, BaseObject);

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<FunctionTemplate> tmpl = BaseObject::MakeTemplate(isolate, StdioPipe::New, "StdioPipe");
  SetProtoMethod(isolate, tmpl, "write", StdioPipe::Write);
  SetProtoMethod(isolate, tmpl, "queued", StdioPipe::Queued);
  target
      ->CreateDataProperty(context, OneByteString(isolate, "StdioPipe"),
            tmpl->GetFunction(context).ToLocalChecked())
      .Check();
  SetMethod(context, target, "isPipe", IsPipe);
}

}  // namespace stdio_wrap
}  // namespace binding
}  // namespace nodus
