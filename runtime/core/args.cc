#include "runtime/core/args.h"

#include <algorithm>
#include <cmath>

#include "runtime/core/util.h"

namespace nodus {

using v8::Local;
using v8::Value;

namespace {

void ThrowNamed(void (*thrower)(v8::Isolate*, const char*), const Args& args, const char* name,
                const std::string& rest) {
  std::string message = std::string(name) + " " + rest;
  thrower(args.GetIsolate(), message.c_str());
}

// The shared core of the integer getters: a whole number in [min, max], both within
// +-kMaxSafeInteger, so every value in range converts to int64_t exactly.
bool GetWhole(const Args& args, int index, const char* name, int64_t min, int64_t max,
              int64_t* out) {
  min = std::max(min, -kMaxSafeInteger);
  max = std::min(max, kMaxSafeInteger);
  Local<Value> value = args[index];
  if (!value->IsNumber()) {
    ThrowNamed(ThrowTypeError, args, name, "must be a number");
    return false;
  }
  double d = value.As<v8::Number>()->Value();
  // NaN and the infinities fail here too: trunc(NaN) != NaN, and isfinite rules out infinity.
  if (!std::isfinite(d) || d != std::trunc(d)) {
    ThrowNamed(ThrowRangeError, args, name, "must be an integer");
    return false;
  }
  // Compared as doubles: min and max are exact doubles, and so is d.
  if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
    ThrowNamed(ThrowRangeError, args, name,
               "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return false;
  }
  *out = static_cast<int64_t>(d);  // -0 becomes 0
  return true;
}

}  // namespace

bool GetInt32Arg(const Args& args, int index, const char* name, int32_t* out, int32_t min,
                 int32_t max) {
  int64_t value;
  if (!GetWhole(args, index, name, min, max, &value)) return false;
  *out = static_cast<int32_t>(value);
  return true;
}

bool GetUint32Arg(const Args& args, int index, const char* name, uint32_t* out, uint32_t max) {
  int64_t value;
  if (!GetWhole(args, index, name, 0, max, &value)) return false;
  *out = static_cast<uint32_t>(value);
  return true;
}

bool GetInt64Arg(const Args& args, int index, const char* name, int64_t* out, int64_t min,
                 int64_t max) {
  return GetWhole(args, index, name, min, max, out);
}

bool GetSizeArg(const Args& args, int index, const char* name, size_t* out, size_t max) {
  int64_t value;
  int64_t limit = max > static_cast<size_t>(kMaxSafeInteger) ? kMaxSafeInteger
                                                              : static_cast<int64_t>(max);
  if (!GetWhole(args, index, name, 0, limit, &value)) return false;
  *out = static_cast<size_t>(value);
  return true;
}

bool GetOptionalSizeArg(const Args& args, int index, const char* name, size_t absent,
                        size_t* out, size_t max) {
  if (args[index]->IsUndefined()) {
    *out = absent;
    return true;
  }
  return GetSizeArg(args, index, name, out, max);
}

bool GetCountArg(const Args& args, int index, const char* name, size_t* out, size_t max) {
  Local<Value> value = args[index];
  if (!value->IsNumber()) {
    ThrowNamed(ThrowTypeError, args, name, "must be a number");
    return false;
  }
  double d = value.As<v8::Number>()->Value();
  if (!(d >= 0)) {  // NaN too
    ThrowNamed(ThrowRangeError, args, name, "must be 0 or more");
    return false;
  }
  // max may have no exact double (SIZE_MAX): whatever d is, the result is at most max, and a d
  // that would not convert to size_t is not converted.
  *out = d >= static_cast<double>(max) ? max : std::min(static_cast<size_t>(d), max);
  return true;
}

bool GetDoubleArg(const Args& args, int index, const char* name, double* out) {
  Local<Value> value = args[index];
  if (!value->IsNumber()) {
    ThrowNamed(ThrowTypeError, args, name, "must be a number");
    return false;
  }
  double d = value.As<v8::Number>()->Value();
  if (!std::isfinite(d)) {
    ThrowNamed(ThrowRangeError, args, name, "must be finite");
    return false;
  }
  *out = d;
  return true;
}

bool GetBoolArg(const Args& args, int index, const char* name, bool* out) {
  Local<Value> value = args[index];
  if (!value->IsBoolean()) {
    ThrowNamed(ThrowTypeError, args, name, "must be a boolean");
    return false;
  }
  *out = value->IsTrue();
  return true;
}

bool GetOptionalBoolArg(const Args& args, int index, const char* name, bool absent, bool* out) {
  if (args[index]->IsUndefined()) {
    *out = absent;
    return true;
  }
  return GetBoolArg(args, index, name, out);
}

bool GetStringArg(const Args& args, int index, const char* name, std::string* out) {
  Local<Value> value = args[index];
  if (!value->IsString()) {
    ThrowNamed(ThrowTypeError, args, name, "must be a string");
    return false;
  }
  // A primitive string: converting it runs no user code.
  Utf8Value text(args.GetIsolate(), value);
  if (!text.ok()) return false;
  *out = text.str();
  return true;
}

bool GetStringArg(const Args& args, int index, const char* name, Local<v8::String>* out) {
  if (!args[index]->IsString()) {
    ThrowNamed(ThrowTypeError, args, name, "must be a string");
    return false;
  }
  *out = args[index].As<v8::String>();
  return true;
}

bool GetCStringArg(const Args& args, int index, const char* name, std::string* out) {
  std::string text;
  if (!GetStringArg(args, index, name, &text)) return false;
  if (text.find('\0') != std::string::npos) {
    ThrowNamed(ThrowTypeError, args, name, "must be a string without null bytes");
    return false;
  }
  *out = std::move(text);
  return true;
}

bool GetBytesArg(const Args& args, int index, const char* name, ByteSpan* out) {
  Local<Value> value = args[index];
  if (!value->IsArrayBufferView()) {
    ThrowNamed(ThrowTypeError, args, name, "must be a Buffer");
    return false;
  }
  Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  out->length = view->ByteLength();
  out->data = out->length == 0
                  ? nullptr
                  : static_cast<const uint8_t*>(view->Buffer()->Data()) + view->ByteOffset();
  return true;
}

bool GetFunctionArg(const Args& args, int index, const char* name, Local<v8::Function>* out) {
  if (!args[index]->IsFunction()) {
    ThrowNamed(ThrowTypeError, args, name, "must be a function");
    return false;
  }
  *out = args[index].As<v8::Function>();
  return true;
}

bool GetObjectArg(const Args& args, int index, const char* name, Local<v8::Object>* out) {
  if (!args[index]->IsObject()) {
    ThrowNamed(ThrowTypeError, args, name, "must be an object");
    return false;
  }
  *out = args[index].As<v8::Object>();
  return true;
}

bool GetFdArg(const Args& args, int index, int* out) {
  Local<Value> value = args[index];
  double d = value->IsNumber() ? value.As<v8::Number>()->Value() : -1;
  // Written so NaN fails too; -0 passes as 0.
  if (!(d >= 0 && d <= std::numeric_limits<int32_t>::max() && d == std::trunc(d))) {
    ThrowTypeError(args.GetIsolate(), "fd must be a file descriptor");
    return false;
  }
  *out = static_cast<int>(d);
  return true;
}

}  // namespace nodus
