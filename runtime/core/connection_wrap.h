// ConnectionWrap: a StreamWrap that can listen and connect (TCP sockets and pipes). It adds
//   listen(backlog)  -> 0 or a negative libuv code; each accepted connection arrives as
//                       handle.onconnection(status, clientHandle), where clientHandle is a new
//                       object of the same binding (made from the binding's instance template
//                       and NewClient(), without a call of the JS constructor)
// and the shared plumbing of connect(): the binding starts the libuv connect through Connect(),
// and the result arrives as req.oncomplete(status, handle, req, readable, writable).
#ifndef RUNTIME_CORE_CONNECTION_WRAP_H_
#define RUNTIME_CORE_CONNECTION_WRAP_H_

#include <uv.h>

#include <memory>

#include "runtime/core/req_wrap.h"
#include "runtime/core/stream_wrap.h"

namespace nodus {

class ConnectionWrap : public StreamWrap {
 public:
  NODUS_WRAPPER_TYPE(ConnectionWrap);
  static void AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl);

  // Runs `start(uv_connect_t*, uv_connect_cb)`, which begins a libuv connect on this handle.
  // Returns its error code; on success the request object hears back through oncomplete.
  template <typename Start>
  int Connect(v8::Local<v8::Object> req_object, Start start) {
    std::unique_ptr<ConnectReq> req(new ConnectReq(env(), req_object));
    return ConnectReq::Dispatch(req, start, OnConnect);
  }

 protected:
  // `client_template` (the instance template of the binding's constructor) makes the JS objects
  // for accepted connections; it outlives every handle.
  ConnectionWrap(Environment* env, v8::Local<v8::Object> object, uv_stream_t* stream,
                 const v8::Global<v8::ObjectTemplate>* client_template, const WrapperType* type)
      : StreamWrap(env, object, stream, type), client_template_(client_template) {}

  const v8::Global<v8::ObjectTemplate>* client_template() const { return client_template_; }

  // Whether each accepted connection is read once right after handle.onconnection returns,
  // instead of after the loop's next poll: for a listener whose connections are accepted only
  // once their first bytes came (TCP_DEFER_ACCEPT), where that read finds them. A connection
  // answered and closed in that turn never enters the loop's epoll set (no epoll_ctl to add it,
  // no pass of the loop to find it readable).
  void set_read_on_accept(bool on) { read_on_accept_ = on; }

  // The native half of an accepted connection, for `object`, a fresh instance of
  // client_template() (its internal fields not yet set): a wrap of the listener's own class.
  virtual ConnectionWrap* NewClient(v8::Local<v8::Object> object) = 0;

 private:
  using ConnectReq = ReqWrap<uv_connect_t>;

  static void Listen(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void OnConnection(uv_stream_t* server, int status);
  static void OnConnect(uv_connect_t* req, int status);

  const v8::Global<v8::ObjectTemplate>* client_template_;
};

}  // namespace nodus

#endif  // RUNTIME_CORE_CONNECTION_WRAP_H_
