#include "runtime/core/req_wrap.h"

#include <cstdlib>

namespace nodus {

using v8::Function;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

ReqWrapBase::ReqWrapBase(Environment* env, Local<Object> req_object)
    : env_(env), target_(env->isolate(), req_object) {}

ReqWrapBase::ReqWrapBase(Environment* env, Local<Function> callback)
    : env_(env), target_(env->isolate(), callback), target_is_callback_(true) {}

ReqWrapBase::~ReqWrapBase() { std::free(storage_); }

void ReqWrapBase::AdoptStorage(char* storage) {
  std::free(storage_);
  storage_ = storage;
}

void ReqWrapBase::Complete(std::unique_ptr<ReqWrapBase> wrap, int argc, Local<Value>* argv) {
  Environment* env = wrap->env();
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  if (wrap->target_.IsEmpty()) return;
  Local<Object> target = wrap->target_.Get(isolate);
  bool is_callback = wrap->target_is_callback_;
  wrap.reset();
  if (is_callback) {
    env->MakeCallback(env->context()->Global(), target.As<Function>(), argc, argv);
  } else {
    env->MakeCallback(target, "oncomplete", argc, argv);
  }
}

}  // namespace nodus
