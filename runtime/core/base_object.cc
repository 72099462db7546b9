#include "runtime/core/base_object.h"

#include <string>

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

const WrapperType BaseObject::kWrapperType = {"BaseObject", nullptr};

BaseObject::BaseObject(Environment* env, Local<Object> object, const WrapperType* type)
    : env_(env), object_(env->isolate(), object) {
  CHECK_GE(object->InternalFieldCount(), kInternalFieldCount);
  // Both fields in one call into V8 (each call looks up the object's header size again).
  int indices[] = {kTypeSlot, kSlot};
  void* values[] = {const_cast<WrapperType*>(type), this};
  object->SetAlignedPointerInInternalFields(2, indices, values);
}

BaseObject::~BaseObject() {
  if (object_.IsEmpty()) return;  // taken by the garbage collector
  HandleScope scope(env_->isolate());
  Local<Object> object = object_.Get(env_->isolate());
  if (object->GetAlignedPointerFromInternalField(kSlot) == this) {
    object->SetAlignedPointerInInternalField(kSlot, nullptr);
  }
  object_.Reset();
}

void BaseObject::DetachFromObject() {
  if (object_.IsEmpty()) return;
  HandleScope scope(env_->isolate());
  object_.Get(env_->isolate())->SetAlignedPointerInInternalField(kSlot, nullptr);
}

void BaseObject::MakeWeak() {
  object_.SetWeak(this, OnFirstWeakPass, v8::WeakCallbackType::kParameter);
}

void BaseObject::ClearWeak() { object_.ClearWeak(); }

// V8's rule: the first pass may only reset the handle; anything else that uses V8 (a
// destructor that adjusts the external memory count, closes a handle...) runs in the second.
void BaseObject::OnFirstWeakPass(const v8::WeakCallbackInfo<BaseObject>& info) {
  BaseObject* self = info.GetParameter();
  self->object_.Reset();
  self->OnCollected();
  info.SetSecondPassCallback([](const v8::WeakCallbackInfo<BaseObject>& second) {
    delete second.GetParameter();
  });
}

bool BaseObject::BeginConstruct(const FunctionCallbackInfo<Value>& args, const char* name) {
  Isolate* isolate = args.GetIsolate();
  if (!args.IsConstructCall()) {
    std::string message = std::string(name) + " must be called with new";
    ThrowTypeError(isolate, message.c_str());
    return false;
  }
  // A construct call's receiver is a new object: made from the template's instance template,
  // its fields hold `undefined` until the BaseObject constructor sets them, which FromFields
  // tells from a pointer of ours.
  if (args.This()->InternalFieldCount() < kInternalFieldCount) {
    ThrowTypeError(isolate, "Illegal constructor");
    return false;
  }
  return true;
}

Local<FunctionTemplate> BaseObject::MakeTemplate(Isolate* isolate, v8::FunctionCallback constructor,
                                                 const char* name, Local<Value> data) {
  Local<FunctionTemplate> tmpl = FunctionTemplate::New(isolate, constructor, data);
  tmpl->SetClassName(OneByteString(isolate, name));
  tmpl->InstanceTemplate()->SetInternalFieldCount(kInternalFieldCount);
  return tmpl;
}

void ThrowWrapperTypeError(Isolate* isolate, const char* message) { ThrowTypeError(isolate, message); }

}  // namespace nodus
