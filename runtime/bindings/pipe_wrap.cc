// process.binding('pipe_wrap'): Unix domain sockets and pipes for stdlib/lib/net.js and stdio.
//
//   new Pipe([ipc])                  a stream handle (StreamWrap methods, see stream_wrap.h);
//                                    with ipc true, one end of child_process.fork's channel
//   bind(path)                       -> 0 or a negative libuv error code
//   listen(backlog)                  -> err; then handle.onconnection(status, clientHandle)
//   connect(req, path)               -> req.oncomplete(status, handle, req, readable, writable)
//   open(fd)                         wraps an existing descriptor (stdio pipes; an IPC pipe's
//                                    descriptor is made close-on-exec so it stays private)
//
// Only on IPC pipes (stdlib/lib/child_process.js frames the messages):
//   writeWithHandle(req, string, handle) -> err; sends the string's UTF-8 bytes and, with their
//                                    first byte, a duplicate of `handle`'s descriptor (a TCP or
//                                    Pipe handle). Always completes through req.oncomplete(status,
//                                    handle, req). The duplicate belongs to the request, so
//                                    closing `handle` right after the call is safe.
//   pendingHandleType()              -> 'tcp', 'pipe', 'udp' or 'unknown' for the next descriptor
//                                    received and not yet taken, or null. Descriptors arrive no
//                                    later than the read holding the first byte sent with them.
//   acceptPending([handle])          -> err; moves that descriptor into `handle` (a new TCP or
//                                    Pipe of the matching type), or closes it when no handle is
//                                    given.
#include <fcntl.h>
#include <sys/un.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/base_object.h"
#include "runtime/core/check.h"
#include "runtime/core/connection_wrap.h"
#include "runtime/core/req_wrap.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace pipe_wrap {

using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// Per-Environment binding state: the template of the handles made for accepted connections.
// Freed by the Environment's cleanup hook, once no handle of the binding is left to accept.
struct PipeBinding {
  Global<v8::ObjectTemplate> client_template;
  static void Free(void* arg) { delete static_cast<PipeBinding*>(arg); }
};

class PipeWrap : public ConnectionWrap {
 public:
  NODUS_WRAPPER_TYPE(PipeWrap);
  PipeWrap(Environment* env, Local<Object> object,
           const Global<v8::ObjectTemplate>* client_template, bool ipc)
      : ConnectionWrap(env, object, reinterpret_cast<uv_stream_t*>(&handle_), client_template,
                       &kWrapperType) {
    CHECK_EQ(uv_pipe_init(env->loop(), &handle_, ipc ? 1 : 0), 0);
  }
  uv_pipe_t* pipe() { return &handle_; }
  bool ipc() const { return handle_.ipc != 0; }
  void RefreshWriteQueueSize() { UpdateWriteQueueSize(); }

 protected:
  // An accepted connection is a plain pipe, as `new Pipe()` makes.
  ConnectionWrap* NewClient(Local<Object> object) override {
    return new PipeWrap(env(), object, client_template(), false);
  }

 private:
  uv_pipe_t handle_;
};
NODUS_DEFINE_WRAPPER_TYPE(PipeWrap, ConnectionWrap);

void New(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!BaseObject::BeginConstruct(args, "Pipe")) return;
  PipeBinding* binding = static_cast<PipeBinding*>(args.Data().As<v8::External>()->Value());
  new PipeWrap(env, args.This(), &binding->client_template, args[0]->IsTrue());
}

// libuv 1.44 silently truncates socket paths that do not fit sockaddr_un; refuse them instead.
bool PathFits(const std::string& path) {
  return path.size() < sizeof(reinterpret_cast<sockaddr_un*>(0)->sun_path);
}

void Bind(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = HandleWrap::Unwrap<PipeWrap>(args);
  std::string path;
  if (wrap == nullptr || !GetCStringArg(args, 0, "path", &path)) return;
  if (!PathFits(path)) return args.GetReturnValue().Set(UV_ENAMETOOLONG);
  args.GetReturnValue().Set(uv_pipe_bind(wrap->pipe(), path.c_str()));
}

void Connect(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = HandleWrap::Unwrap<PipeWrap>(args);
  if (wrap == nullptr) return;
  Local<Object> req;
  if (!GetObjectArg(args, 0, "req", &req)) return;
  std::string path;
  if (!GetCStringArg(args, 1, "path", &path)) return;
  if (!PathFits(path)) return args.GetReturnValue().Set(UV_ENAMETOOLONG);
  // uv_pipe_connect reports every failure through the callback.
  args.GetReturnValue().Set(
      wrap->Connect(req, [&](uv_connect_t* connect, uv_connect_cb cb) {
        uv_pipe_connect(connect, wrap->pipe(), path.c_str(), cb);
        return 0;
      }));
}

void Open(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = HandleWrap::Unwrap<PipeWrap>(args);
  if (wrap == nullptr) return;
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  int err = StreamWrap::CheckStreamFd(wrap->env()->loop(), fd, false);
  if (err != 0) return args.GetReturnValue().Set(err);
  err = uv_pipe_open(wrap->pipe(), fd);
  // The channel a forked child inherits must not leak on into the processes it starts.
  if (err == 0 && wrap->ipc()) fcntl(fd, F_SETFD, FD_CLOEXEC);
  args.GetReturnValue().Set(err);
}

// The IPC pipe a method was called on, or nullptr with a TypeError thrown.
PipeWrap* UnwrapIpc(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = HandleWrap::Unwrap<PipeWrap>(args);
  if (wrap != nullptr && !wrap->ipc()) {
    ThrowTypeError(args.GetIsolate(), "the pipe is not an IPC channel");
    return nullptr;
  }
  return wrap;
}

// The open TCP or Pipe handle behind a JS value, or nullptr.
StreamWrap* ToSocketHandle(Local<Value> value) {
  if (!value->IsObject()) return nullptr;
  ConnectionWrap* stream = HandleWrap::FromValue<ConnectionWrap>(value);
  if (stream == nullptr) return nullptr;
  uv_handle_type type = stream->handle()->type;
  return type == UV_TCP || type == UV_NAMED_PIPE ? stream : nullptr;
}

// A message written together with a descriptor: the message's UTF-8 bytes are the request's
// storage, and `holder` is a pipe that owns a duplicate of the descriptor sent, so the write does
// not depend on the lifetime of the handle JS passed in. libuv reads the descriptor from the
// holder until the write is done; the holder is then closed, and freed by its close callback.
struct HandleWriteReq : ReqWrap<uv_write_t> {
  using ReqWrap::ReqWrap;
  uv_pipe_t* holder = nullptr;
};

void CloseHolder(uv_pipe_t* holder) {
  uv_close(reinterpret_cast<uv_handle_t*>(holder),
           [](uv_handle_t* handle) { delete reinterpret_cast<uv_pipe_t*>(handle); });
}

void OnHandleWrite(uv_write_t* uv_req, int status) {
  std::unique_ptr<HandleWriteReq> write = HandleWriteReq::From<HandleWriteReq>(uv_req);
  Isolate* isolate = write->env()->isolate();
  HandleScope scope(isolate);
  PipeWrap* wrap = static_cast<PipeWrap*>(uv_req->handle->data);
  CloseHolder(write->holder);
  wrap->RefreshWriteQueueSize();
  Local<Value> argv[] = {Integer::New(isolate, status), wrap->object(), write->object()};
  HandleWriteReq::Complete(std::move(write), 3, argv);
}

void WriteWithHandle(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = UnwrapIpc(args);
  if (wrap == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  Local<Object> req;
  if (!GetObjectArg(args, 0, "req", &req)) return;
  if (!args[1]->IsString()) return ThrowTypeError(isolate, "data must be a string");
  StreamWrap* send = ToSocketHandle(args[2]);
  if (send == nullptr) {
    return ThrowTypeError(isolate, "the handle to send must be an open TCP or Pipe handle");
  }
  if (args[1].As<v8::String>()->Length() == 0) {
    return ThrowTypeError(isolate, "a handle must be sent with at least one byte");
  }
  uv_os_fd_t fd;
  int err = uv_fileno(send->handle(), &fd);
  if (err != 0) return args.GetReturnValue().Set(err);
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return args.GetReturnValue().Set(-errno);

  Environment* env = wrap->env();
  uv_pipe_t* holder = new uv_pipe_t;
  CHECK_EQ(uv_pipe_init(env->loop(), holder, 0), 0);
  err = uv_pipe_open(holder, copy);
  if (err != 0) {
    close(copy);
    CloseHolder(holder);
    return args.GetReturnValue().Set(err);
  }
  std::unique_ptr<HandleWriteReq> write(new HandleWriteReq(env, req));
  write->holder = holder;
  Utf8Value utf8(isolate, args[1]);
  char* data = static_cast<char*>(std::malloc(utf8.length()));
  CHECK(data != nullptr);
  std::memcpy(data, utf8.c_str(), utf8.length());
  write->AdoptStorage(data);
  uv_buf_t buf = uv_buf_init(data, static_cast<unsigned>(utf8.length()));
  err = HandleWriteReq::Dispatch(write, uv_write2, wrap->stream(), &buf, 1,
                                 reinterpret_cast<uv_stream_t*>(holder), OnHandleWrite);
  if (err != 0) {
    CloseHolder(holder);
    return args.GetReturnValue().Set(err);  // `write` frees the message's bytes
  }
  wrap->RefreshWriteQueueSize();
  args.GetReturnValue().Set(0);
}

void PendingHandleType(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = UnwrapIpc(args);
  if (wrap == nullptr) return;
  if (uv_pipe_pending_count(wrap->pipe()) == 0) return args.GetReturnValue().SetNull();
  const char* name;
  switch (uv_pipe_pending_type(wrap->pipe())) {
    case UV_TCP:
      name = "tcp";
      break;
    case UV_NAMED_PIPE:
      name = "pipe";
      break;
    case UV_UDP:
      name = "udp";
      break;
    default:
      name = "unknown";
      break;
  }
  args.GetReturnValue().Set(OneByteString(args.GetIsolate(), name));
}

void AcceptPending(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = UnwrapIpc(args);
  if (wrap == nullptr) return;
  if (uv_pipe_pending_count(wrap->pipe()) == 0) return args.GetReturnValue().Set(UV_EAGAIN);
  uv_stream_t* server = wrap->stream();
  if (args[0]->IsUndefined() || args[0]->IsNull()) {
    // Nobody wants it: take it into a pipe of our own and close that.
    uv_pipe_t* sink = new uv_pipe_t;
    CHECK_EQ(uv_pipe_init(wrap->env()->loop(), sink, 0), 0);
    int err = uv_accept(server, reinterpret_cast<uv_stream_t*>(sink));
    uv_close(reinterpret_cast<uv_handle_t*>(sink),
             [](uv_handle_t* handle) { delete reinterpret_cast<uv_pipe_t*>(handle); });
    return args.GetReturnValue().Set(err);
  }
  StreamWrap* target = ToSocketHandle(args[0]);
  if (target == nullptr) {
    return ThrowTypeError(args.GetIsolate(), "the target must be an open TCP or Pipe handle");
  }
  uv_os_fd_t fd;
  if (uv_fileno(target->handle(), &fd) == 0) return args.GetReturnValue().Set(UV_EBUSY);
  if (uv_pipe_pending_type(wrap->pipe()) != target->handle()->type) {
    return args.GetReturnValue().Set(UV_EINVAL);
  }
  args.GetReturnValue().Set(uv_accept(server, target->stream()));
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  PipeBinding* binding = new PipeBinding();
  env->AddCleanupHook(PipeBinding::Free, binding);
  Local<FunctionTemplate> tmpl =
      FunctionTemplate::New(isolate, New, v8::External::New(isolate, binding));
  tmpl->SetClassName(OneByteString(isolate, "Pipe"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  ConnectionWrap::AddMethods(isolate, tmpl);
  StreamWrap::ExposeWriteInfo(env, target);
  SetProtoMethod(isolate, tmpl, "bind", Bind);
  SetProtoMethod(isolate, tmpl, "connect", Connect);
  SetProtoMethod(isolate, tmpl, "open", Open);
  SetProtoMethod(isolate, tmpl, "writeWithHandle", WriteWithHandle);
  SetProtoMethod(isolate, tmpl, "pendingHandleType", PendingHandleType);
  SetProtoMethod(isolate, tmpl, "acceptPending", AcceptPending);
  Local<Function> constructor = tmpl->GetFunction(context).ToLocalChecked();
  binding->client_template.Reset(isolate, tmpl->InstanceTemplate());
  target->CreateDataProperty(context, OneByteString(isolate, "Pipe"), constructor)
      .FromMaybe(false);
}

}  // namespace pipe_wrap
}  // namespace binding
}  // namespace nodus
