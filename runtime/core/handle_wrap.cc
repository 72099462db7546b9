#include "runtime/core/handle_wrap.h"

#include "runtime/core/check.h"
#include "runtime/core/stream_wrap.h"
#include "runtime/core/util.h"

namespace nodus {

using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

NODUS_DEFINE_WRAPPER_TYPE(HandleWrap, BaseObject);

HandleWrap::HandleWrap(Environment* env, Local<Object> object, uv_handle_t* handle,
                       const WrapperType* type)
    : BaseObject(env, object, type), handle_(handle) {
  handle_->data = this;
}

HandleWrap::~HandleWrap() {}

void HandleWrap::ThrowClosed(Isolate* isolate) {
  ThrowTypeError(isolate, "handle is closed or not a handle");
}

void HandleWrap::AddMethods(Isolate* isolate, Local<FunctionTemplate> tmpl) {
  SetProtoMethod(isolate, tmpl, "close", Close);
  SetProtoMethod(isolate, tmpl, "ref", Ref);
  SetProtoMethod(isolate, tmpl, "unref", Unref);
  SetProtoMethod(isolate, tmpl, "hasRef", HasRef);
}

void HandleWrap::Close(const FunctionCallbackInfo<Value>& args) {
  Local<Object> self = args.This();
  // Closing twice is harmless, as in Node: the second call does nothing.
  HandleWrap* wrap = FromValue(self);
  if (wrap == nullptr) return;
  if (args[0]->IsFunction()) {
    // A setter on the prototype chain can throw (or close the handle itself).
    if (self->Set(wrap->env()->context(), wrap->env()->Key("_onclose"), args[0]).IsNothing() ||
        wrap->closing()) {
      return;
    }
    wrap->env()->NoteCloseCallback(wrap);
  }
  // A held last write leaves now, with the FIN.
  if (StreamWrap* stream = wrap->AsStream()) stream->ReleaseHeldWrite(true);
  uv_close(wrap->handle_, OnClose);
}

void HandleWrap::OnClose(uv_handle_t* handle) {
  HandleWrap* wrap = static_cast<HandleWrap*>(handle->data);
  Environment* env = wrap->env();
  HandleScope scope(env->isolate());
  Local<Object> object = wrap->object();
  wrap->DetachFromObject();
  // Only a close(callback) looks the callback up again (most handles close without one).
  Local<Value> callback;
  bool has_callback = env->TakeCloseCallback(wrap) &&
                      object->Get(env->context(), env->Key("_onclose")).ToLocal(&callback) &&
                      callback->IsFunction();
  delete wrap;
  if (has_callback) env->MakeCallback(object, callback.As<v8::Function>(), 0, nullptr);
}

void HandleWrap::CloseUnexposed() {
  DetachFromObject();
  uv_close(handle_, [](uv_handle_t* handle) { delete static_cast<HandleWrap*>(handle->data); });
}

void HandleWrap::Ref(const FunctionCallbackInfo<Value>& args) {
  HandleWrap* wrap = FromObject(args.This());
  if (wrap != nullptr) uv_ref(wrap->handle_);
}

void HandleWrap::Unref(const FunctionCallbackInfo<Value>& args) {
  HandleWrap* wrap = FromObject(args.This());
  if (wrap != nullptr) uv_unref(wrap->handle_);
}

void HandleWrap::HasRef(const FunctionCallbackInfo<Value>& args) {
  HandleWrap* wrap = FromObject(args.This());
  args.GetReturnValue().Set(wrap != nullptr && uv_has_ref(wrap->handle_) != 0);
}

}  // namespace nodus
