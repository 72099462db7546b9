#include "runtime/core/handle_wrap.h"

#include "runtime/core/check.h"
#include "runtime/core/util.h"

namespace nodus {

using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {
// The address marks a HandleWrap's object (internal field 1); its value means nothing.
const char kHandleWrapTag = 'H';
void* Tag() { return const_cast<char*>(&kHandleWrapTag); }

bool IsTagged(Local<Object> object) {
  if (object->InternalFieldCount() < HandleWrap::kInternalFieldCount) return false;
  // Field 1 is undefined (a tagged V8 value, never our tag's address) until a wrap sets it.
  return object->GetAlignedPointerFromInternalField(1) == Tag();
}
}  // namespace

HandleWrap::HandleWrap(Environment* env, Local<Object> object, uv_handle_t* handle)
    : env_(env), object_(env->isolate(), object), handle_(handle) {
  CHECK_GE(object->InternalFieldCount(), kInternalFieldCount);
  object->SetAlignedPointerInInternalField(0, this);
  object->SetAlignedPointerInInternalField(1, Tag());
  handle_->data = this;
}

HandleWrap::~HandleWrap() {}

HandleWrap* HandleWrap::FromObject(Local<Object> object) {
  if (!IsTagged(object)) return nullptr;
  HandleWrap* wrap = static_cast<HandleWrap*>(object->GetAlignedPointerFromInternalField(0));
  if (wrap == nullptr || wrap->closing_) return nullptr;
  return wrap;
}

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
  if (!IsTagged(self)) return;
  HandleWrap* wrap = static_cast<HandleWrap*>(self->GetAlignedPointerFromInternalField(0));
  // Closing twice is harmless, as in Node: the second call does nothing.
  if (wrap == nullptr || wrap->closing_) return;
  wrap->closing_ = true;
  if (args[0]->IsFunction()) {
    self->Set(wrap->env_->context(), OneByteString(args.GetIsolate(), "_onclose"), args[0]).Check();
  }
  uv_close(wrap->handle_, OnClose);
}

void HandleWrap::OnClose(uv_handle_t* handle) {
  HandleWrap* wrap = static_cast<HandleWrap*>(handle->data);
  Environment* env = wrap->env_;
  HandleScope scope(env->isolate());
  Local<Object> object = wrap->object();
  object->SetAlignedPointerInInternalField(0, nullptr);
  Local<Value> callback;
  Local<v8::String> key = OneByteString(env->isolate(), "_onclose");
  bool has_callback = object->Get(env->context(), key).ToLocal(&callback) &&
                      callback->IsFunction();
  delete wrap;
  if (has_callback) env->MakeCallback(object, callback.As<v8::Function>(), 0, nullptr);
}

void HandleWrap::CloseUnexposed() {
  closing_ = true;
  object()->SetAlignedPointerInInternalField(0, nullptr);
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
