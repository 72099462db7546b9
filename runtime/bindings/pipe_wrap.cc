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
#include "runtime/core/stream_wrap.h"
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

class PipeWrap : public StreamWrap {
 public:
  PipeWrap(Environment* env, Local<Object> object, PipeBinding* binding)
      : StreamWrap(env, object, reinterpret_cast<uv_stream_t*>(&handle_)), binding_(binding) {
    CHECK_EQ(uv_pipe_init(env->loop(), &handle_, 0), 0);
  }
  uv_pipe_t* pipe() { return &handle_; }
  PipeBinding* binding() const { return binding_; }

 private:
  uv_pipe_t handle_;
  PipeBinding* binding_;
};

struct ConnectReq {
  uv_connect_t req;
  Environment* env;
  Global<Object> object;
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

void OnConnection(uv_stream_t* server, int status) {
  PipeWrap* wrap = static_cast<PipeWrap*>(server->data);
  Environment* env = wrap->env();
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Value> argv[2] = {Integer::New(isolate, status), v8::Undefined(isolate)};
  if (status == 0) {
    Local<Object> client;
    if (!wrap->binding()->constructor.Get(isolate)->NewInstance(env->context()).ToLocal(&client)) {
      return;
    }
    PipeWrap* client_wrap = static_cast<PipeWrap*>(HandleWrap::FromObject(client));
    int err = uv_accept(server, reinterpret_cast<uv_stream_t*>(client_wrap->pipe()));
    if (err != 0) {
      client_wrap->CloseUnexposed();
      argv[0] = Integer::New(isolate, err);
    } else {
      argv[1] = client;
    }
  }
  env->MakeCallback(wrap->object(), "onconnection", 2, argv);
}

void Listen(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = HandleWrap::Unwrap<PipeWrap>(args);
  if (wrap == nullptr) return;
  int backlog = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : 511;
  if (backlog < 0) backlog = 511;
  args.GetReturnValue().Set(
      uv_listen(reinterpret_cast<uv_stream_t*>(wrap->pipe()), backlog, OnConnection));
}

void OnConnect(uv_connect_t* uv_req, int status) {
  ConnectReq* req = static_cast<ConnectReq*>(uv_req->data);
  Environment* env = req->env;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  PipeWrap* wrap = static_cast<PipeWrap*>(uv_req->handle->data);
  Local<Object> req_object = req->object.Get(isolate);
  delete req;
  Local<Value> argv[] = {Integer::New(isolate, status), wrap->object(), req_object,
                         v8::True(isolate), v8::True(isolate)};
  env->MakeCallback(req_object, "oncomplete", 5, argv);
}

void Connect(const FunctionCallbackInfo<Value>& args) {
  PipeWrap* wrap = HandleWrap::Unwrap<PipeWrap>(args);
  if (wrap == nullptr) return;
  if (!args[0]->IsObject()) return ThrowTypeError(args.GetIsolate(), "req must be an object");
  std::string path;
  if (!GetPath(args, 1, &path)) return;
  if (!PathFits(path)) return args.GetReturnValue().Set(UV_ENAMETOOLONG);
  ConnectReq* req = new ConnectReq();
  req->env = wrap->env();
  req->object.Reset(args.GetIsolate(), args[0].As<Object>());
  req->req.data = req;
  // uv_pipe_connect reports every failure through the callback.
  uv_pipe_connect(&req->req, wrap->pipe(), path.c_str(), OnConnect);
  args.GetReturnValue().Set(0);
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
  StreamWrap::AddMethods(isolate, tmpl);
  StreamWrap::ExposeWriteInfo(env, target);
  SetProtoMethod(isolate, tmpl, "bind", Bind);
  SetProtoMethod(isolate, tmpl, "listen", Listen);
  SetProtoMethod(isolate, tmpl, "connect", Connect);
  SetProtoMethod(isolate, tmpl, "open", Open);
  Local<Function> constructor = tmpl->GetFunction(context).ToLocalChecked();
  binding->constructor.Reset(isolate, constructor);
  target->Set(context, OneByteString(isolate, "Pipe"), constructor).Check();
}

}  // namespace pipe_wrap
}  // namespace binding
}  // namespace nodus
