// ReqWrap: the native half of every request the runtime hands to libuv (a stream write or
// shutdown, a connect, a datagram send, an fs call or a getaddrinfo on the thread pool) and,
// through its base ReqWrapBase, of c-ares's DNS queries, which are requests of the same kind
// without a libuv struct.
//
// What a wrapper owns while its request is in flight, whatever JS does meanwhile:
//   - the libuv request itself (ReqWrap<uv_write_t>, <uv_fs_t>, ...); its `data` points back at
//     the wrapper, which the callback finds again with From();
//   - the Environment*, and whom to tell when the request finishes, held strongly (a Global):
//     the JS request object (its oncomplete method is called), or a JS function (fs's callbacks,
//     called on the global object), or nobody (a request native code makes for itself);
//   - the memory the request reads or writes: the backing stores of the Buffers involved
//     (KeepAlive), so a Buffer that JS drops, detaches or lets the collector take stays valid
//     for libuv, and at most one block of malloc'd storage (AdoptStorage: a string's encoded
//     bytes, a copy of bytes to send).
// Subclasses add what one kind of request needs (fs's path and syscall, c-ares's query type).
//
// Ownership, one rule for every request: the wrapper is owned by one std::unique_ptr, except while
// libuv (or c-ares) holds the request. The binding call makes it and passes it to Dispatch(). If
// libuv accepts the request, the unique_ptr is released and libuv holds the wrapper until the
// request's callback takes it back with From(); if libuv refuses, nothing was started and the
// caller's unique_ptr still owns the wrapper: the caller may still read it (to report the error)
// and everything it holds is freed when it goes out of scope. A finished request reaches JS only
// through Complete(), which frees the wrapper first (libuv is done with the memory) and then makes
// the call through Environment::MakeCallback, i.e. inside a CallbackScope (callback_scope.h).
//
// The request objects JS passes ({oncomplete: ...}, made by net.js, dgram.js, dns.js) are plain
// objects, not BaseObjects: nothing leads from one back to its wrapper, so JS can neither reach
// nor free a request's native half, and a request object reused or passed twice is only a
// receiver of two calls. The runtime keeps no count of requests in flight: libuv's own count
// keeps the loop alive while any is pending, and nothing else reads one.
#ifndef RUNTIME_CORE_REQ_WRAP_H_
#define RUNTIME_CORE_REQ_WRAP_H_

#include <uv.h>

#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "runtime/core/environment.h"
#include "v8.h"

namespace nodus {

class ReqWrapBase {
 public:
  // A request whose completion calls req_object.oncomplete(...).
  ReqWrapBase(Environment* env, v8::Local<v8::Object> req_object);
  // A request whose completion calls callback(...) with the global object as receiver.
  ReqWrapBase(Environment* env, v8::Local<v8::Function> callback);
  // A request no JS waits for: Complete() only frees it.
  explicit ReqWrapBase(Environment* env) : env_(env) {}
  virtual ~ReqWrapBase();
  ReqWrapBase(const ReqWrapBase&) = delete;
  ReqWrapBase& operator=(const ReqWrapBase&) = delete;

  Environment* env() const { return env_; }
  // The JS request object, or the callback function; empty for a request no JS waits for.
  v8::Local<v8::Object> object() const { return target_.Get(env_->isolate()); }

  // Holds `store` until the wrapper is freed.
  void KeepAlive(std::shared_ptr<v8::BackingStore> store) {
    if (store == nullptr) return;
    if (store_ == nullptr) {
      store_ = std::move(store);
    } else {
      more_stores_.push_back(std::move(store));
    }
  }
  // Holds the backing store under `view` (a Buffer or any other view; getting it moves a small
  // on-heap array's bytes off the heap first, so pointers taken after this call stay valid).
  void KeepAlive(v8::Local<v8::ArrayBufferView> view) {
    KeepAlive(view->Buffer()->GetBackingStore());
  }
  // Takes memory from std::malloc (or null), freed with std::free when the wrapper is freed.
  // A wrapper owns at most one block: adopting a second frees the first.
  void AdoptStorage(char* storage);
  char* storage() const { return storage_; }

  // The one way a finished request reaches JS. Frees `wrap` and everything it holds, then calls
  // the JS side with argv (which may include object(): it is read before the wrapper goes)
  // through Environment::MakeCallback. A request no JS waits for is only freed. Call it inside a
  // HandleScope.
  static void Complete(std::unique_ptr<ReqWrapBase> wrap, int argc, v8::Local<v8::Value>* argv);

  // The `void* data` that leads back to this wrapper (a libuv request's `data`, a c-ares
  // callback's `arg`), and the way back: the wrapper of type W behind such a pointer, owned by
  // the caller again.
  void* AsData() { return static_cast<void*>(this); }
  template <typename W>
  static std::unique_ptr<W> FromData(void* data) {
    return std::unique_ptr<W>(static_cast<W*>(static_cast<ReqWrapBase*>(data)));
  }

 private:
  Environment* env_;
  v8::Global<v8::Object> target_;
  bool target_is_callback_ = false;
  char* storage_ = nullptr;
  // Most requests hold one Buffer (a write, a send, an fs read): it needs no allocation of its
  // own. writev's further Buffers go into the vector.
  std::shared_ptr<v8::BackingStore> store_;
  std::vector<std::shared_ptr<v8::BackingStore>> more_stores_;
};

// A ReqWrapBase that holds libuv request T. Used as it is for most requests
// (ReqWrap<uv_shutdown_t>); subclass it for requests that carry more.
template <typename T>
class ReqWrap : public ReqWrapBase {
 public:
  using ReqWrapBase::ReqWrapBase;

  T* req() { return &req_; }

  // Starts `*wrap`'s request: sets req()->data, then returns fn(req(), args...), where fn is a
  // libuv call that takes the request first (uv_write, uv_shutdown, uv_udp_send, ...) with its
  // callback among args, or a lambda around one that does not (uv_fs_*, uv_getaddrinfo).
  //   0:     libuv accepted it. `wrap` is released: the wrapper belongs to the request until its
  //          callback takes it back with From().
  //   else:  a negative libuv code: nothing was started and `wrap` still owns the wrapper.
  template <typename W, typename Fn, typename... Args>
  static int Dispatch(std::unique_ptr<W>& wrap, Fn&& fn, Args&&... args) {
    static_assert(std::is_base_of<ReqWrap, W>::value, "wrap must hold a ReqWrap<T>");
    ReqWrap* self = wrap.get();
    self->req_.data = self->AsData();
    int err = std::forward<Fn>(fn)(&self->req_, std::forward<Args>(args)...);
    if (err == 0) wrap.release();
    return err;
  }

  // In a libuv callback: the wrapper (of type W, ReqWrap<T> or a subclass) whose request `req`
  // is, owned by the caller again.
  template <typename W = ReqWrap>
  static std::unique_ptr<W> From(T* req) {
    static_assert(std::is_base_of<ReqWrap, W>::value, "W must be a ReqWrap<T>");
    return FromData<W>(req->data);
  }

 private:
  T req_{};
};

}  // namespace nodus

#endif  // RUNTIME_CORE_REQ_WRAP_H_
