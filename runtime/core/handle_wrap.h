// HandleWrap: the native half of a JS handle object (a TCP socket, a pipe, a TTY...). It owns the
// libuv handle, which lives inside the derived class, and keeps its JS object alive while the
// handle is open. close([callback]) closes the handle; once libuv confirms, the callback runs
// and the wrap deletes itself. It is a BaseObject (runtime/core/base_object.h): the JS object's
// internal fields name the wrap and its class, so no other native object (a zlib handle, an HTTP
// parser, a crypto object) is ever taken for a HandleWrap, nor a Pipe for a TCP.
#ifndef RUNTIME_CORE_HANDLE_WRAP_H_
#define RUNTIME_CORE_HANDLE_WRAP_H_

#include <uv.h>

#include "runtime/core/base_object.h"
#include "runtime/core/environment.h"
#include "v8.h"

namespace nodus {

class HandleWrap : public BaseObject {
 public:
  NODUS_WRAPPER_TYPE(HandleWrap);

  // Adds close/ref/unref/hasRef to a constructor template whose instances hold HandleWraps.
  static void AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl);

  // The T behind a JS receiver, or nullptr (with a TypeError thrown) if it is not a T's object
  // or its handle is closed.
  template <typename T>
  static T* Unwrap(const v8::FunctionCallbackInfo<v8::Value>& args) {
    T* wrap = FromValue<T>(args.This());
    if (wrap == nullptr) ThrowClosed(args.GetIsolate());
    return wrap;
  }
  // Unwrap for the callback of a method that SetProtoMethod (runtime/core/util.h) put on the
  // template of T's objects. Its v8::Signature has made V8 check the receiver already (any
  // other gets a TypeError, "Illegal invocation"), so the receiver has BaseObject's internal
  // fields and only what they hold is checked: a T's, and not closed. That saves the calls into
  // V8 that learn an unknown object's shape, on every call of a stream's methods.
  template <typename T>
  static T* UnwrapMethod(const v8::FunctionCallbackInfo<v8::Value>& args) {
    static_assert(std::is_same<typename T::WrapperSelf, T>::value,
                  "T must declare NODUS_WRAPPER_TYPE(T) itself");
    T* wrap = static_cast<T*>(BaseObject::FromFields(args.This(), &T::kWrapperType));
    if (wrap == nullptr || wrap->closing()) {
      ThrowClosed(args.GetIsolate());
      return nullptr;
    }
    return wrap;
  }
  // The open T behind any JS value, or nullptr.
  template <typename T = HandleWrap>
  static T* FromValue(v8::Local<v8::Value> value) {
    T* wrap = nodus::Unwrap<T>(value);
    return wrap != nullptr && !wrap->closing() ? wrap : nullptr;
  }
  // The same for an object (kept for callers that have one).
  static HandleWrap* FromObject(v8::Local<v8::Object> object) { return FromValue(object); }

  uv_handle_t* handle() const { return handle_; }
  // close() was called (libuv's own flag: uv_close is called nowhere else on handle_).
  bool closing() const { return uv_is_closing(handle_) != 0; }

  // Closes a handle that never reached JS (an accept that failed) and frees its wrap.
  void CloseUnexposed();

  virtual ~HandleWrap();

  // Non-null for handles that are byte streams (TCP, pipes, TTYs).
  virtual class StreamWrap* AsStream() { return nullptr; }

 protected:
  HandleWrap(Environment* env, v8::Local<v8::Object> object, uv_handle_t* handle,
             const WrapperType* type);

 private:
  static void ThrowClosed(v8::Isolate* isolate);
  static void Close(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Ref(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Unref(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void HasRef(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void OnClose(uv_handle_t* handle);

  uv_handle_t* handle_;
};

}  // namespace nodus

#endif  // RUNTIME_CORE_HANDLE_WRAP_H_
