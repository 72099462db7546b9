// The one set of getters for arguments that come from JS. Every binding reads its arguments
// through these, so every binding words its complaints the same way.
//
// Each getter takes the call's arguments, the argument's index and its name (as the JS caller
// knows it, e.g. "offset"). On success it stores the value and returns true. Otherwise it throws
// and returns false; the caller returns at once. None aborts and none coerces: a value is taken
// only if it already has the type asked for, so a valueOf or toString that throws, or that
// changes state, is never run.
//
// The messages, decided once:
//   TypeError   "<name> must be <a type>"            the value has the wrong type:
//                                                    a number, a boolean, a string, an object,
//                                                    a function, a Buffer
//   RangeError  "<name> must be an integer"          a number that is not whole (NaN, Infinity
//                                                    and 1.5 included)
//   RangeError  "<name> must be an integer from A to B"  a whole number outside [A, B]
//   RangeError  "<name> must be finite"              a double that is NaN or +-Infinity
//   RangeError  "<name> must be 0 or more"           GetCountArg: a number below 0, or NaN
//   TypeError   "<name> must be a string without null bytes"  (GetCStringArg only)
//   TypeError   "fd must be a file descriptor"       GetFdArg: anything but an int32 >= 0; a
//                                                    descriptor is a type of its own, as in v0.6.3
// -0 counts as 0. Integers are exact: the widest range is that of doubles that hold every whole
// number, +-(2^53 - 1), so 2^53 + 1 (which a double rounds) is never taken for something else.
#ifndef RUNTIME_CORE_ARGS_H_
#define RUNTIME_CORE_ARGS_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "v8.h"

namespace nodus {

using Args = v8::FunctionCallbackInfo<v8::Value>;

// The largest integer a double holds together with all smaller ones: 2^53 - 1.
constexpr int64_t kMaxSafeInteger = 9007199254740991;

// Whole numbers in [min, max]. Each range is clamped to +-kMaxSafeInteger.
bool GetInt32Arg(const Args& args, int index, const char* name, int32_t* out,
                 int32_t min = std::numeric_limits<int32_t>::min(),
                 int32_t max = std::numeric_limits<int32_t>::max());
bool GetUint32Arg(const Args& args, int index, const char* name, uint32_t* out,
                  uint32_t max = std::numeric_limits<uint32_t>::max());
bool GetInt64Arg(const Args& args, int index, const char* name, int64_t* out,
                 int64_t min = -kMaxSafeInteger, int64_t max = kMaxSafeInteger);
// A byte count or length in [0, max]. With GetOptionalSizeArg, undefined too, which gives
// `absent` (an offset that defaults to 0, an end that defaults to the length).
bool GetSizeArg(const Args& args, int index, const char* name, size_t* out,
                size_t max = static_cast<size_t>(kMaxSafeInteger));
bool GetOptionalSizeArg(const Args& args, int index, const char* name, size_t absent,
                        size_t* out, size_t max = static_cast<size_t>(kMaxSafeInteger));
// A count that JS may overstate or give with a fraction: a most to write (Buffer's
// write(string, offset, length)), a limit that a user's setting is handed on as (HTTP's
// maxHeadersCount, headersTimeout). Any number >= 0: its fraction is dropped, and anything above
// max, Infinity included, gives max.
bool GetCountArg(const Args& args, int index, const char* name, size_t* out,
                 size_t max = static_cast<size_t>(kMaxSafeInteger));

// Any finite number, fractions allowed.
bool GetDoubleArg(const Args& args, int index, const char* name, double* out);

// true or false; with GetOptionalBoolArg, undefined too, which gives `absent`.
bool GetBoolArg(const Args& args, int index, const char* name, bool* out);
bool GetOptionalBoolArg(const Args& args, int index, const char* name, bool absent, bool* out);

// A string, as UTF-8 (lone surrogates become U+FFFD). GetCStringArg also refuses null bytes, for
// strings that go on to C APIs (host names, paths).
bool GetStringArg(const Args& args, int index, const char* name, std::string* out);
bool GetCStringArg(const Args& args, int index, const char* name, std::string* out);
// The string itself, unconverted, for handing back to V8 (source code, names).
bool GetStringArg(const Args& args, int index, const char* name, v8::Local<v8::String>* out);

// The bytes of a Buffer or any other ArrayBufferView, valid while the view is alive and
// unchanged. `data` is null when `length` is 0.
struct ByteSpan {
  const uint8_t* data = nullptr;
  size_t length = 0;
};
bool GetBytesArg(const Args& args, int index, const char* name, ByteSpan* out);

bool GetFunctionArg(const Args& args, int index, const char* name, v8::Local<v8::Function>* out);
bool GetObjectArg(const Args& args, int index, const char* name, v8::Local<v8::Object>* out);

// A file descriptor: an int32 >= 0.
bool GetFdArg(const Args& args, int index, int* out);

}  // namespace nodus

#endif  // RUNTIME_CORE_ARGS_H_
