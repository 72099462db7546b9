#include "runtime/core/connection_wrap.h"

#include "runtime/core/util.h"

namespace nodus {

using v8::FunctionCallbackInfo;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

NODUS_DEFINE_WRAPPER_TYPE(ConnectionWrap, StreamWrap);

void ConnectionWrap::AddMethods(Isolate* isolate, Local<v8::FunctionTemplate> tmpl) {
  StreamWrap::AddMethods(isolate, tmpl);
  SetProtoMethod(isolate, tmpl, "listen", Listen);
}

void ConnectionWrap::Listen(const FunctionCallbackInfo<Value>& args) {
  ConnectionWrap* wrap = UnwrapMethod<ConnectionWrap>(args);
  if (wrap == nullptr) return;
  int backlog = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : 511;
  if (backlog < 0) backlog = 511;
  args.GetReturnValue().Set(uv_listen(wrap->stream(), backlog, OnConnection));
}

void ConnectionWrap::OnConnection(uv_stream_t* server, int status) {
  ConnectionWrap* wrap = static_cast<ConnectionWrap*>(server->data);
  Environment* env = wrap->env();
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Value> argv[2] = {Integer::New(isolate, status), v8::Undefined(isolate)};
  ConnectionWrap* accepted = nullptr;
  if (status == 0) {
    // An instance of the binding's template (its prototype is the constructor's; the
    // constructor itself is not called) and its wrap, made here.
    Local<Object> client;
    if (!wrap->client_template_->Get(isolate)->NewInstance(env->context()).ToLocal(&client)) {
      return;
    }
    ConnectionWrap* client_wrap = wrap->NewClient(client);
    int err = uv_accept(server, client_wrap->stream());
    if (err != 0) {
      // Out of descriptors and the like: report it; the server keeps listening.
      client_wrap->CloseUnexposed();
      argv[0] = Integer::New(isolate, err);
    } else {
      argv[1] = client;
      accepted = client_wrap;
    }
  }
  env->MakeCallback(wrap->object(), Environment::BindingFunction::kOnconnection, "onconnection",
                    2, argv);
  // `client`, in this scope, keeps the accepted handle's object and so its wrap alive. The read
  // goes where libuv's would have gone (nothing, unless JS started reading it).
  if (accepted != nullptr && wrap->read_on_accept_) accepted->ReadNow();
}

void ConnectionWrap::OnConnect(uv_connect_t* uv_req, int status) {
  std::unique_ptr<ConnectReq> req = ConnectReq::From(uv_req);
  Isolate* isolate = req->env()->isolate();
  HandleScope scope(isolate);
  ConnectionWrap* wrap = static_cast<ConnectionWrap*>(uv_req->handle->data);
  Local<Value> argv[] = {Integer::New(isolate, status), wrap->object(), req->object(),
                         v8::True(isolate), v8::True(isolate)};
  ConnectReq::Complete(std::move(req), 5, argv);
}

}  // namespace nodus
