// process.binding('pipe_wrap'): Unix domain sockets and pipes for stdlib/lib/net.js and stdio.
//
//   new Pipe()                       a stream handle (StreamWrap methods, see stream_wrap.h)
//   bind(path)                       -> 0 or a negative libuv error code
//   listen(backlog)                  -> err; then handle.onconnection(status, clientHandle)
//   connect(req, path)               -> req.oncomplete(status, handle, req, readable, writable)
//   open(fd)                         wraps an existing descriptor (stdio pipes)
#include <sys/un.h>
#include <uv.h>

#include "runtime/bindings/bindings.h"
#include "runtime/core/check.h"
#include "runtime/core/connection_wrap.h"
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

// Per-Environment binding state: the constructor used to make handles for accepted connections.
struct PipeBinding {
  Global<Function> constructor;
};

class PipeWrap : public ConnectionWrap {
 public:
  PipeWrap(Environment* env, Local<Object> object, PipeBinding* binding)
      : ConnectionWrap(env, object, reinterpret_cast<uv_stream_t*>(&handle_),
                       &binding->constructor) {
    CHECK_EQ(uv_pipe_init(env->loop(), &handle_, 0), 0);
  }
  uv_pipe_t* pipe() { return &handle_; }

 private:
  uv_pipe_t handle_;
};

void New(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!args.IsConstructCall()) return ThrowTypeError(env->isolate(), "Pipe must be called with new");
  new PipeWrap(env, args.This(), static_cast<PipeBinding*>(args.Data().As<v8::External>()->Value()));
}

bool GetPath(const FunctionCallbackInfo<Value>& args, int index, std::string* path) {
  if (!args[index]->IsString()) {
    ThrowTypeError(args.GetIsolate(), "path must be a string");
    return false;
  }
  *path = Utf8Value(args.GetIsolate(), args[index]).str();
  if (path->find('\0') != std::string::npos) {
    ThrowTypeError(args.GetIsolate(), "path must not contain null bytes");
    return false;
  }
  return true;
}

// libuv 1.44 silently truncates socket paths that do not fit sockaddr_un; refuse them instead.
bool PathFits(const std::string& path) {
  return path.size() < sizeof(reinterpret_cast<sockaddr_un*>(0)->sun_path);
}

void Bind(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = HandleWrap::Unwrap<PipeWrap>(args);
  std::string path;
  if (wrap == nullptr || !GetPath(args, 0, &path)) return;
  if (!PathFits(path)) return args.GetReturnValue().Set(UV_ENAMETOOLONG);
  args.GetReturnValue().Set(uv_pipe_bind(wrap->pipe(), path.c_str()));
}

void Connect(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = HandleWrap::Unwrap<PipeWrap>(args);
  if (wrap == nullptr) return;
  if (!args[0]->IsObject()) return ThrowTypeError(args.GetIsolate(), "req must be an object");
  std::string path;
  if (!GetPath(args, 1, &path)) return;
  if (!PathFits(path)) return args.GetReturnValue().Set(UV_ENAMETOOLONG);
  // uv_pipe_connect reports every failure through the callback.
  args.GetReturnValue().Set(
      wrap->Connect(args[0].As<Object>(), [&](uv_connect_t* req, uv_connect_cb cb) {
        uv_pipe_connect(req, wrap->pipe(), path.c_str(), cb);
        return 0;
      }));
}

void Open(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = HandleWrap::Unwrap<PipeWrap>(args);
  if (wrap == nullptr) return;
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  args.GetReturnValue().Set(uv_pipe_open(wrap->pipe(), fd));
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  PipeBinding* binding = new PipeBinding();  // Lives as long as the Environment.
  Local<FunctionTemplate> tmpl =
      FunctionTemplate::New(isolate, New, v8::External::New(isolate, binding));
  tmpl->SetClassName(OneByteString(isolate, "Pipe"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(HandleWrap::kInternalFieldCount);
  ConnectionWrap::AddMethods(isolate, tmpl);
  StreamWrap::ExposeWriteInfo(env, target);
  SetProtoMethod(isolate, tmpl, "bind", Bind);
  SetProtoMethod(isolate, tmpl, "connect", Connect);
  SetProtoMethod(isolate, tmpl, "open", Open);
  Local<Function> constructor = tmpl->GetFunction(context).ToLocalChecked();
  binding->constructor.Reset(isolate, constructor);
  target->Set(context, OneByteString(isolate, "Pipe"), constructor).Check();
}

}  // namespace pipe_wrap
}  // namespace binding
}  // namespace nodus
