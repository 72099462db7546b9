// HandleWrap: the native half of a JS handle object (a TCP socket, a pipe, a TTY...). It owns the
// libuv handle, which lives inside the derived class, and keeps its JS object alive while the
// handle is open. close([callback]) closes the handle; once libuv confirms, the callback runs
// and the wrap deletes itself. The JS object's internal field 0 points back at the wrap, and
// field 1 holds a tag that only HandleWraps set: other native objects (a zlib handle, an HTTP
// parser, a crypto object) also keep a pointer in field 0, and FromObject must never take theirs
// for a HandleWrap.
#ifndef RUNTIME_CORE_HANDLE_WRAP_H_
#define RUNTIME_CORE_HANDLE_WRAP_H_

#include <uv.h>

#include "runtime/core/environment.h"
#include "v8.h"

namespace nodus {

class HandleWrap {
 public:
  static constexpr int kInternalFieldCount = 2;

  // Adds close/ref/unref/hasRef to a constructor template whose instances hold HandleWraps.
  static void AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl);

  // The wrap of a JS receiver, or nullptr (with a TypeError thrown) if it is not one or is closed.
  template <typename T>
  static T* Unwrap(const v8::FunctionCallbackInfo<v8::Value>& args) {
    HandleWrap* wrap = FromObject(args.This());
    if (wrap == nullptr) {
      ThrowClosed(args.GetIsolate());
      return nullptr;
    }
    return static_cast<T*>(wrap);
  }
  // The wrap of any JS value's object, or nullptr if it is not a live HandleWrap's object.
  static HandleWrap* FromObject(v8::Local<v8::Object> object);

  Environment* env() const { return env_; }
  v8::Local<v8::Object> object() const { return object_.Get(env_->isolate()); }
  uv_handle_t* handle() const { return handle_; }

  // Closes a handle that never reached JS (an accept that failed) and frees its wrap.
  void CloseUnexposed();

  virtual ~HandleWrap();

  // Non-null for handles that are byte streams (TCP, pipes, TTYs).
  virtual class StreamWrap* AsStream() { return nullptr; }

 protected:
  HandleWrap(Environment* env, v8::Local<v8::Object> object, uv_handle_t* handle);

 private:
  static void ThrowClosed(v8::Isolate* isolate);
  static void Close(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Ref(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Unref(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void HasRef(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void OnClose(uv_handle_t* handle);

  Environment* env_;
  v8::Global<v8::Object> object_;
  uv_handle_t* handle_;
  bool closing_ = false;
};

}  // namespace nodus

#endif  // RUNTIME_CORE_HANDLE_WRAP_H_
