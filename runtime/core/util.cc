#include "runtime/core/util.h"

#include <string>

#include "runtime/core/encoding/encoding.h"

namespace nodus {

using v8::Context;
using v8::FunctionCallback;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::NewStringType;
using v8::Object;
using v8::String;
using v8::Value;

Utf8Value::Utf8Value(Isolate* isolate, Local<Value> value) {
  Local<String> string;
  if (value->IsString()) {
    string = value.As<String>();
  } else if (!value->ToString(isolate->GetCurrentContext()).ToLocal(&string)) {
    return;
  }
  size_t length = string->Utf8Length(isolate);
  data_.resize(length);
  string->WriteUtf8(isolate, &data_[0], static_cast<int>(length), nullptr,
                    String::NO_NULL_TERMINATION | String::REPLACE_INVALID_UTF8);
  ok_ = true;
}

MaybeLocal<String> Utf8String(Isolate* isolate, const char* data, size_t length) {
  if (length > static_cast<size_t>(String::kMaxLength)) {
    ThrowRangeError(isolate, "string is too long");
    return MaybeLocal<String>();
  }
  // ASCII (URLs, names, most text from the system) is already Latin-1: V8 takes it as one-byte
  // text without running its UTF-8 decoder.
  if (encoding::FirstNonAscii(reinterpret_cast<const uint8_t*>(data), length) == length) {
    return String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(data),
                                  NewStringType::kNormal, static_cast<int>(length));
  }
  return String::NewFromUtf8(isolate, data, NewStringType::kNormal, static_cast<int>(length));
}

void ThrowTypeError(Isolate* isolate, const char* message) {
  isolate->ThrowException(v8::Exception::TypeError(OneByteString(isolate, message)));
}

void ThrowRangeError(Isolate* isolate, const char* message) {
  isolate->ThrowException(v8::Exception::RangeError(OneByteString(isolate, message)));
}

void ThrowError(Isolate* isolate, const char* message) {
  isolate->ThrowException(v8::Exception::Error(OneByteString(isolate, message)));
}

void SetMethod(Local<Context> context, Local<Object> target, const char* name,
               FunctionCallback callback) {
  Isolate* isolate = context->GetIsolate();
  Local<String> key = OneByteString(isolate, name);
  Local<v8::Function> fn = FunctionTemplate::New(isolate, callback, Local<Value>(),
                                                 Local<v8::Signature>(), 0,
                                                 v8::ConstructorBehavior::kThrow)
                               ->GetFunction(context)
                               .ToLocalChecked();
  fn->SetName(key);
  target->CreateDataProperty(context, key, fn).Check();
}

void SetProtoMethod(Isolate* isolate, Local<FunctionTemplate> tmpl, const char* name,
                    FunctionCallback callback) {
  Local<v8::Signature> signature = v8::Signature::New(isolate, tmpl);
  Local<FunctionTemplate> fn = FunctionTemplate::New(isolate, callback, Local<Value>(), signature,
                                                     0, v8::ConstructorBehavior::kThrow);
  Local<String> key = OneByteString(isolate, name);
  fn->SetClassName(key);
  tmpl->PrototypeTemplate()->Set(key, fn);
}

void SetConstant(Local<Context> context, Local<Object> target, const char* name, double value) {
  Isolate* isolate = context->GetIsolate();
  target
      ->DefineOwnProperty(context, OneByteString(isolate, name), v8::Number::New(isolate, value),
                          static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontDelete))
      .Check();
}

}  // namespace nodus
