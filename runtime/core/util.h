// Small helpers shared by the core and the bindings: string conversion and constants. Argument
// checking is args.h's.
#ifndef RUNTIME_CORE_UTIL_H_
#define RUNTIME_CORE_UTIL_H_

#include <string>

#include "v8.h"

namespace nodus {

// A JS value converted to UTF-8 for the duration of a native call. Conversion can run user code
// (toString) and fail; `ok()` is false then and an exception is pending.
class Utf8Value {
 public:
  Utf8Value(v8::Isolate* isolate, v8::Local<v8::Value> value);
  const char* c_str() const { return data_.c_str(); }
  const std::string& str() const { return data_; }
  size_t length() const { return data_.size(); }
  bool ok() const { return ok_; }

 private:
  std::string data_;
  bool ok_ = false;
};

inline v8::Local<v8::String> OneByteString(v8::Isolate* isolate, const char* s, int length = -1) {
  return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(s),
                                    v8::NewStringType::kInternalized, length)
      .ToLocalChecked();
}

// Makes a UTF-8 string; only fails for strings beyond V8's maximum length, which then throws.
v8::MaybeLocal<v8::String> Utf8String(v8::Isolate* isolate, const char* data, size_t length);
inline v8::MaybeLocal<v8::String> Utf8String(v8::Isolate* isolate, const std::string& s) {
  return Utf8String(isolate, s.data(), s.size());
}

void ThrowTypeError(v8::Isolate* isolate, const char* message);
void ThrowRangeError(v8::Isolate* isolate, const char* message);
void ThrowError(v8::Isolate* isolate, const char* message);

// Sets a method on a template or object: the one way bindings expose functions.
void SetMethod(v8::Local<v8::Context> context, v8::Local<v8::Object> target, const char* name,
               v8::FunctionCallback callback);
void SetProtoMethod(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> tmpl, const char* name,
                    v8::FunctionCallback callback);
void SetConstant(v8::Local<v8::Context> context, v8::Local<v8::Object> target, const char* name,
                 double value);

// Discards a result on purpose, e.g. a MaybeLocal whose failure is handled by a TryCatch.
template <typename T>
inline void Ignore(T&&) {}

}  // namespace nodus

#endif  // RUNTIME_CORE_UTIL_H_
