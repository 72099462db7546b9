// process.binding('buffer'): the encoding hot paths behind stdlib/lib/buffer.js, plus the native
// SlowBuffer constructor that old code reaches for through process.binding('buffer').SlowBuffer.
//
// Buffers are Uint8Arrays, so every entry point receives an ArrayBufferView. JS callers are not
// trusted: each function checks its own arguments (view type, integer offsets inside the view,
// string type) and throws instead of touching memory it was not given.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "runtime/bindings/bindings.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace buffer {

using v8::ArrayBufferView;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::NewStringType;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

// The number of UTF-16 units consumed by the last utf8Write on this thread. v0.6 exposed this as
// Buffer._charsWritten; returning it beside the byte count would need an allocation per write.
thread_local int64_t last_chars_written = 0;

// The bytes a view covers. Views on a detached buffer cover nothing.
struct Bytes {
  uint8_t* data = nullptr;
  size_t length = 0;
};

bool GetBytes(const FunctionCallbackInfo<Value>& args, int index, Bytes* out) {
  Local<Value> value = args[index];
  if (!value->IsArrayBufferView()) {
    ThrowTypeError(args.GetIsolate(), "argument must be a Buffer");
    return false;
  }
  Local<ArrayBufferView> view = value.As<ArrayBufferView>();
  Local<v8::ArrayBuffer> backing = view->Buffer();
  out->length = view->ByteLength();
  out->data = out->length == 0 ? nullptr
                               : static_cast<uint8_t*>(backing->Data()) + view->ByteOffset();
  return true;
}

// An integer argument in [0, limit]. `undefined` means `fallback`.
bool GetIndex(const FunctionCallbackInfo<Value>& args, int index, const char* what, size_t limit,
              size_t fallback, size_t* out) {
  if (args[index]->IsUndefined()) {
    *out = fallback;
    return true;
  }
  int64_t value;
  if (!GetInt64Arg(args, index, what, &value)) return false;
  if (value < 0 || static_cast<uint64_t>(value) > limit) {
    std::string message = std::string(what) + " is out of bounds";
    ThrowRangeError(args.GetIsolate(), message.c_str());
    return false;
  }
  *out = static_cast<size_t>(value);
  return true;
}

// A length argument: any non-negative integer, clamped to `limit` (a byte count the caller may
// overstate, as write(string, offset, length) allows).
bool GetClampedLength(const FunctionCallbackInfo<Value>& args, int index, size_t limit,
                      size_t* out) {
  if (args[index]->IsUndefined()) {
    *out = limit;
    return true;
  }
  // Anything at least as large as the room left (even 2^53 or Infinity) means "all of it".
  if (args[index]->IsNumber() &&
      args[index].As<v8::Number>()->Value() >= static_cast<double>(limit)) {
    *out = limit;
    return true;
  }
  int64_t value;
  if (!GetInt64Arg(args, index, "length", &value)) return false;
  if (value < 0) {
    ThrowRangeError(args.GetIsolate(), "length must not be negative");
    return false;
  }
  *out = std::min(static_cast<uint64_t>(value), static_cast<uint64_t>(limit));
  return true;
}

bool GetString(const FunctionCallbackInfo<Value>& args, int index, Local<String>* out) {
  if (!args[index]->IsString()) {
    ThrowTypeError(args.GetIsolate(), "argument must be a string");
    return false;
  }
  *out = args[index].As<String>();
  return true;
}

// Common prologue of the write functions: (view, string, offset, maxLength). On success `dest`
// and `capacity` describe the writable window.
bool WriteArgs(const FunctionCallbackInfo<Value>& args, Local<String>* string, uint8_t** dest,
               size_t* capacity) {
  Bytes bytes;
  if (!GetBytes(args, 0, &bytes) || !GetString(args, 1, string)) return false;
  size_t offset;
  if (!GetIndex(args, 2, "offset", bytes.length, 0, &offset)) return false;
  if (!GetClampedLength(args, 3, bytes.length - offset, capacity)) return false;
  // V8's string writers take int sizes.
  *capacity = std::min(*capacity, static_cast<size_t>(INT_MAX));
  *dest = bytes.data == nullptr ? nullptr : bytes.data + offset;
  return true;
}

// Common prologue of the slice functions: (view, start, end), with start <= end.
bool SliceArgs(const FunctionCallbackInfo<Value>& args, const uint8_t** data, size_t* length) {
  Bytes bytes;
  if (!GetBytes(args, 0, &bytes)) return false;
  size_t start, end;
  if (!GetIndex(args, 1, "start", bytes.length, 0, &start) ||
      !GetIndex(args, 2, "end", bytes.length, bytes.length, &end)) {
    return false;
  }
  if (end < start) end = start;
  *data = bytes.data == nullptr ? nullptr : bytes.data + start;
  *length = end - start;
  return true;
}

void ReturnString(const FunctionCallbackInfo<Value>& args, MaybeLocal<String> maybe) {
  Local<String> result;
  if (maybe.ToLocal(&result)) args.GetReturnValue().Set(result);
}

bool CheckStringLength(Isolate* isolate, size_t length) {
  if (length > static_cast<size_t>(String::kMaxLength)) {
    ThrowRangeError(isolate, "string is too long");
    return false;
  }
  return true;
}

// ---- Writes ------------------------------------------------------------------------------------

void Utf8Write(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  uint8_t* dest;
  size_t capacity;
  if (!WriteArgs(args, &string, &dest, &capacity)) return;
  int chars = 0;
  int written = 0;
  if (capacity > 0) {
    written = string->WriteUtf8(isolate, reinterpret_cast<char*>(dest), static_cast<int>(capacity),
                                &chars,
                                String::NO_NULL_TERMINATION | String::REPLACE_INVALID_UTF8);
  }
  last_chars_written = chars;
  args.GetReturnValue().Set(written);
}

// UTF-16LE. The destination may be at an odd address, so units go through an aligned buffer
// and are stored byte by byte, which also fixes the byte order on any host.
void Ucs2Write(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  uint8_t* dest;
  size_t capacity;
  if (!WriteArgs(args, &string, &dest, &capacity)) return;
  size_t units = std::min(capacity / 2, static_cast<size_t>(string->Length()));
  if (units == 0) return args.GetReturnValue().Set(0);
  std::vector<uint16_t> scratch(units);
  string->Write(isolate, scratch.data(), 0, static_cast<int>(units), String::NO_NULL_TERMINATION);
  for (size_t i = 0; i < units; i++) {
    dest[2 * i] = static_cast<uint8_t>(scratch[i] & 0xFF);
    dest[2 * i + 1] = static_cast<uint8_t>(scratch[i] >> 8);
  }
  args.GetReturnValue().Set(static_cast<double>(units * 2));
}

// 'ascii' and 'binary' both store the low byte of each UTF-16 unit.
void Latin1Write(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  uint8_t* dest;
  size_t capacity;
  if (!WriteArgs(args, &string, &dest, &capacity)) return;
  size_t units = std::min(capacity, static_cast<size_t>(string->Length()));
  if (units == 0) return args.GetReturnValue().Set(0);
  int written = string->WriteOneByte(isolate, dest, 0, static_cast<int>(units),
                                     String::NO_NULL_TERMINATION);
  args.GetReturnValue().Set(written);
}

// The string's UTF-16 units, copied out because V8 gives no stable pointer into a string.
std::vector<uint16_t> StringUnits(Isolate* isolate, Local<String> string) {
  std::vector<uint16_t> units(static_cast<size_t>(string->Length()));
  if (!units.empty()) {
    string->Write(isolate, units.data(), 0, static_cast<int>(units.size()),
                  String::NO_NULL_TERMINATION);
  }
  return units;
}

// Temporary memory for the coders, reused across calls on this thread: a fresh heap block of a
// megabyte comes from mmap, and page-faulting it in on every call cost more than the coding.
// Blocks above kKeep are not kept. At most one Scratch may be live at a time.
class Scratch {
 public:
  explicit Scratch(size_t bytes) {
    static constexpr size_t kKeep = 16 * 1024 * 1024;
    if (bytes > kKeep) {
      owned_.reset(new uint8_t[bytes]);
      data_ = owned_.get();
      return;
    }
    if (kept_size_ < bytes) {
      kept_.reset(new uint8_t[bytes]);
      kept_size_ = bytes;
    }
    data_ = kept_.get();
  }
  uint8_t* data() const { return data_; }

 private:
  static thread_local std::unique_ptr<uint8_t[]> kept_;
  static thread_local size_t kept_size_;
  std::unique_ptr<uint8_t[]> owned_;
  uint8_t* data_ = nullptr;
};
thread_local std::unique_ptr<uint8_t[]> Scratch::kept_;
thread_local size_t Scratch::kept_size_ = 0;

// Copies the characters of a string V8 stores one byte per character (string->IsOneByte())
// into scratch (a plain copy, much cheaper than widening to UTF-16).
const uint8_t* StringLatin1(Isolate* isolate, Local<String> string, Scratch* scratch) {
  int length = string->Length();
  if (length > 0) {
    string->WriteOneByte(isolate, scratch->data(), 0, length, String::NO_NULL_TERMINATION);
  }
  return scratch->data();
}

// Base64 digit values for both the standard and the URL-safe alphabet. Anything else is
// kBase64Skip (whitespace, line breaks and junk are ignored) except '=', kBase64End.
constexpr uint8_t kBase64Skip = 0x40;
constexpr uint8_t kBase64End = 0x80;

struct Base64Table {
  uint8_t value[256];
  constexpr Base64Table() : value() {
    for (int c = 0; c < 256; c++) value[c] = kBase64Skip;
    for (int c = 'A'; c <= 'Z'; c++) value[c] = static_cast<uint8_t>(c - 'A');
    for (int c = 'a'; c <= 'z'; c++) value[c] = static_cast<uint8_t>(c - 'a' + 26);
    for (int c = '0'; c <= '9'; c++) value[c] = static_cast<uint8_t>(c - '0' + 52);
    value[static_cast<int>('+')] = value[static_cast<int>('-')] = 62;
    value[static_cast<int>('/')] = value[static_cast<int>('_')] = 63;
    value[static_cast<int>('=')] = kBase64End;
  }
};
constexpr Base64Table kBase64Table;

template <typename Char>
inline uint8_t Base64Value(Char c) {
  return static_cast<uint32_t>(c) < 256 ? kBase64Table.value[static_cast<uint32_t>(c)]
                                        : kBase64Skip;
}

// Decoding is lenient, as v0.6 was: characters outside the alphabet (whitespace, line breaks)
// are skipped, padding is optional, and the first '=' ends the data. Counts the digits in
// chars[from, length) up to the end of the data.
template <typename Char>
size_t Base64CountDigits(const Char* chars, size_t from, size_t length) {
  size_t digits = 0;
  for (size_t i = from; i < length; i++) {
    uint8_t value = Base64Value(chars[i]);
    if (value == kBase64End) break;
    if (value < 64) digits++;
  }
  return digits;
}

size_t Base64BytesOfDigits(size_t digits) { return digits / 4 * 3 + (digits % 4) * 3 / 4; }

// Decodes at most `capacity` bytes into dest; returns the count. *total is what decoding the
// whole string would give, so the caller can tell whether all of it fit.
template <typename Char>
size_t Base64Decode(const Char* chars, size_t length, uint8_t* dest, size_t capacity,
                    size_t* total) {
  size_t i = 0;
  size_t written = 0;
  size_t digits = 0;
  uint32_t accumulator = 0;
  int bits = 0;
  bool full = false;
  while (i < length) {
    if (bits == 0) {
      // Whole groups of four digits, the common case, without per-character bookkeeping.
      while (i + 4 <= length && capacity - written >= 3) {
        uint32_t a = Base64Value(chars[i]), b = Base64Value(chars[i + 1]),
                 c = Base64Value(chars[i + 2]), d = Base64Value(chars[i + 3]);
        if ((a | b | c | d) >= 64) break;
        uint32_t group = (a << 18) | (b << 12) | (c << 6) | d;
        dest[written] = static_cast<uint8_t>(group >> 16);
        dest[written + 1] = static_cast<uint8_t>(group >> 8);
        dest[written + 2] = static_cast<uint8_t>(group);
        written += 3;
        digits += 4;
        i += 4;
      }
      if (i >= length) break;
    }
    if (written >= capacity) {
      full = true;
      break;
    }
    uint8_t value = Base64Value(chars[i]);
    if (value == kBase64End) break;
    i++;
    if (value >= 64) continue;
    digits++;
    accumulator = ((accumulator << 6) | value) & 0xFFFFFF;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      dest[written++] = static_cast<uint8_t>((accumulator >> bits) & 0xFF);
    }
  }
  *total = full ? Base64BytesOfDigits(digits + Base64CountDigits(chars, i, length)) : written;
  return written;
}

void Base64Write(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  uint8_t* dest;
  size_t capacity;
  if (!WriteArgs(args, &string, &dest, &capacity)) return;
  size_t length = static_cast<size_t>(string->Length());
  size_t written = 0;
  size_t total = 0;
  // With no room, Base64Decode only counts what the string holds.
  if (length > 0) {
    if (string->IsOneByte()) {
      Scratch scratch(length);
      written = Base64Decode(StringLatin1(isolate, string, &scratch), length, dest, capacity,
                             &total);
    } else {
      std::vector<uint16_t> units = StringUnits(isolate, string);
      written = Base64Decode(units.data(), length, dest, capacity, &total);
    }
  }
  // Buffer._charsWritten: the whole string when all of its data fit, else the characters that
  // the bytes written came from.
  last_chars_written = written == total ? static_cast<int64_t>(length)
                                        : static_cast<int64_t>((written * 4 + 2) / 3);
  args.GetReturnValue().Set(static_cast<double>(written));
}

int HexDigit(uint16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Writes whole pairs until the first pair that is not two hex digits; an odd last digit is
// ignored.
void HexWrite(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  uint8_t* dest;
  size_t capacity;
  if (!WriteArgs(args, &string, &dest, &capacity)) return;
  size_t pairs = std::min(capacity, static_cast<size_t>(string->Length()) / 2);
  if (pairs == 0) return args.GetReturnValue().Set(0);
  std::vector<uint16_t> units(pairs * 2);
  string->Write(isolate, units.data(), 0, static_cast<int>(units.size()),
                String::NO_NULL_TERMINATION);
  size_t written = 0;
  for (; written < pairs; written++) {
    int high = HexDigit(units[2 * written]);
    int low = HexDigit(units[2 * written + 1]);
    if (high < 0 || low < 0) break;
    dest[written] = static_cast<uint8_t>(high * 16 + low);
  }
  args.GetReturnValue().Set(static_cast<double>(written));
}

void CharsWritten(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(last_chars_written));
}

// ---- Slices ------------------------------------------------------------------------------------

void Utf8Slice(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  if (length == 0) return args.GetReturnValue().SetEmptyString();
  // Utf8String checks the length; V8 replaces malformed sequences with U+FFFD.
  ReturnString(args, Utf8String(isolate, reinterpret_cast<const char*>(data), length));
}

void Ucs2Slice(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  size_t units = length / 2;  // An odd last byte is not a character.
  if (units == 0) return args.GetReturnValue().SetEmptyString();
  if (!CheckStringLength(isolate, units)) return;
  std::vector<uint16_t> scratch(units);
  for (size_t i = 0; i < units; i++) {
    scratch[i] = static_cast<uint16_t>(data[2 * i] | (data[2 * i + 1] << 8));
  }
  ReturnString(args, String::NewFromTwoByte(isolate, scratch.data(), NewStringType::kNormal,
                                            static_cast<int>(units)));
}

void OneByteSlice(const FunctionCallbackInfo<Value>& args, bool strip_high_bit) {
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  if (length == 0) return args.GetReturnValue().SetEmptyString();
  if (!CheckStringLength(isolate, length)) return;
  if (!strip_high_bit) {
    return ReturnString(args, String::NewFromOneByte(isolate, data, NewStringType::kNormal,
                                                     static_cast<int>(length)));
  }
  std::vector<uint8_t> scratch(data, data + length);
  for (uint8_t& byte : scratch) byte &= 0x7F;
  ReturnString(args, String::NewFromOneByte(isolate, scratch.data(), NewStringType::kNormal,
                                            static_cast<int>(length)));
}

// The documented 'ascii' contract: 7-bit data, the high bit is stripped.
void AsciiSlice(const FunctionCallbackInfo<Value>& args) { OneByteSlice(args, true); }
void BinarySlice(const FunctionCallbackInfo<Value>& args) { OneByteSlice(args, false); }

// Writes the base64 of data[0, length) to out, (length + 2) / 3 * 4 characters.
void Base64Encode(const uint8_t* data, size_t length, uint8_t* out) {
  static const uint8_t kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  uint8_t* p = out;
  size_t i = 0;
  for (; i + 3 <= length; i += 3, p += 4) {
    uint32_t group = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    p[0] = kAlphabet[(group >> 18) & 63];
    p[1] = kAlphabet[(group >> 12) & 63];
    p[2] = kAlphabet[(group >> 6) & 63];
    p[3] = kAlphabet[group & 63];
  }
  if (i < length) {
    uint32_t group = data[i] << 16;
    if (i + 1 < length) group |= data[i + 1] << 8;
    p[0] = kAlphabet[(group >> 18) & 63];
    p[1] = kAlphabet[(group >> 12) & 63];
    p[2] = i + 1 < length ? kAlphabet[(group >> 6) & 63] : '=';
    p[3] = '=';
  }
}

// A one-byte string whose characters live in malloc'ed memory that V8 frees (through Dispose)
// when the string dies. Big results are returned this way: V8 would otherwise copy them into a
// fresh large-object page, and faulting those pages in cost more than the encoding.
class ExternalOneByte : public String::ExternalOneByteStringResource {
 public:
  ExternalOneByte(Isolate* isolate, char* data, size_t length)
      : isolate_(isolate), data_(data), length_(length) {
    isolate_->AdjustAmountOfExternalAllocatedMemory(static_cast<int64_t>(length_));
  }
  ~ExternalOneByte() override {
    isolate_->AdjustAmountOfExternalAllocatedMemory(-static_cast<int64_t>(length_));
    free(data_);
  }
  const char* data() const override { return data_; }
  size_t length() const override { return length_; }

 private:
  Isolate* isolate_;
  char* data_;
  size_t length_;
};

// Results at least this long become external strings.
constexpr size_t kExternalMinLength = 256 * 1024;

void Base64Slice(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  if (length == 0) return args.GetReturnValue().SetEmptyString();
  size_t out_length = (length + 2) / 3 * 4;
  if (!CheckStringLength(isolate, out_length)) return;
  if (out_length >= kExternalMinLength) {
    char* out = static_cast<char*>(malloc(out_length));
    if (out == nullptr) return ThrowRangeError(isolate, "out of memory");
    Base64Encode(data, length, reinterpret_cast<uint8_t*>(out));
    auto* resource = new ExternalOneByte(isolate, out, out_length);
    Local<String> result;
    if (!String::NewExternalOneByte(isolate, resource).ToLocal(&result)) {
      delete resource;  // Not adopted by V8; an exception is pending.
      return;
    }
    return args.GetReturnValue().Set(result);
  }
  Scratch out(out_length);
  Base64Encode(data, length, out.data());
  ReturnString(args, String::NewFromOneByte(isolate, out.data(), NewStringType::kNormal,
                                            static_cast<int>(out_length)));
}

void HexSlice(const FunctionCallbackInfo<Value>& args) {
  static const char kDigits[] = "0123456789abcdef";
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  if (length == 0) return args.GetReturnValue().SetEmptyString();
  if (length > static_cast<size_t>(String::kMaxLength) / 2) {
    return ThrowRangeError(isolate, "string is too long");
  }
  std::string out(length * 2, '\0');
  for (size_t i = 0; i < length; i++) {
    out[2 * i] = kDigits[data[i] >> 4];
    out[2 * i + 1] = kDigits[data[i] & 15];
  }
  ReturnString(args, String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(out.data()),
                                            NewStringType::kNormal, static_cast<int>(out.size())));
}

// ---- Byte lengths ------------------------------------------------------------------------------

void ByteLengthUtf8(const FunctionCallbackInfo<Value>& args) {
  Local<String> string;
  if (!GetString(args, 0, &string)) return;
  // Lone surrogates count as the 3 bytes of U+FFFD, which is what utf8Write stores for them.
  args.GetReturnValue().Set(string->Utf8Length(args.GetIsolate()));
}

void ByteLengthBase64(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  if (!GetString(args, 0, &string)) return;
  size_t length = static_cast<size_t>(string->Length());
  size_t digits;
  if (string->IsOneByte()) {
    Scratch scratch(length);
    digits = Base64CountDigits(StringLatin1(isolate, string, &scratch), 0, length);
  } else {
    digits = Base64CountDigits(StringUnits(isolate, string).data(), 0, length);
  }
  args.GetReturnValue().Set(static_cast<double>(Base64BytesOfDigits(digits)));
}

// ---- SlowBuffer --------------------------------------------------------------------------------

// new SlowBuffer(length): a zero-filled Uint8Array whose prototype is SlowBuffer.prototype (the
// callback's data). The memory comes from the JS Uint8Array constructor so that a failed
// allocation is a RangeError rather than a fatal out-of-memory.
void SlowBufferNew(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  // v0.6 also refused anything but a number here.
  if (!args[0]->IsNumber()) return ThrowTypeError(isolate, "Bad argument");
  double length = args[0].As<v8::Number>()->Value();
  if (!(length >= 0) || length > 0x3FFFFFFF || length != std::trunc(length)) {
    return ThrowRangeError(isolate, "SlowBuffer length must be an integer in [0, 2^30)");
  }
  Local<Value> ctor_value;
  if (!context->Global()->Get(context, OneByteString(isolate, "Uint8Array")).ToLocal(&ctor_value) ||
      !ctor_value->IsFunction()) {
    return ThrowError(isolate, "Uint8Array is not available");
  }
  Local<Value> argv[] = {v8::Number::New(isolate, length)};
  Local<Object> array;
  if (!ctor_value.As<Function>()->NewInstance(context, 1, argv).ToLocal(&array)) return;
  if (args.Data()->IsObject() && array->SetPrototype(context, args.Data()).IsNothing()) return;
  args.GetReturnValue().Set(array);
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Local<Context> context = env->context();
  Isolate* isolate = context->GetIsolate();
  SetMethod(context, target, "utf8Write", Utf8Write);
  SetMethod(context, target, "ucs2Write", Ucs2Write);
  SetMethod(context, target, "asciiWrite", Latin1Write);
  SetMethod(context, target, "binaryWrite", Latin1Write);
  SetMethod(context, target, "base64Write", Base64Write);
  SetMethod(context, target, "hexWrite", HexWrite);
  SetMethod(context, target, "charsWritten", CharsWritten);
  SetMethod(context, target, "utf8Slice", Utf8Slice);
  SetMethod(context, target, "ucs2Slice", Ucs2Slice);
  SetMethod(context, target, "asciiSlice", AsciiSlice);
  SetMethod(context, target, "binarySlice", BinarySlice);
  SetMethod(context, target, "base64Slice", Base64Slice);
  SetMethod(context, target, "hexSlice", HexSlice);
  SetMethod(context, target, "byteLengthUtf8", ByteLengthUtf8);
  SetMethod(context, target, "byteLengthBase64", ByteLengthBase64);
  SetConstant(context, target, "kMaxLength", 0x3FFFFFFF);

  // SlowBuffer.prototype starts out inheriting from Uint8Array.prototype; buffer.js re-parents
  // it under Buffer.prototype so SlowBuffers get every Buffer method.
  Local<Object> prototype = Object::New(isolate);
  Local<Value> uint8array;
  if (context->Global()->Get(context, OneByteString(isolate, "Uint8Array")).ToLocal(&uint8array) &&
      uint8array->IsFunction()) {
    Local<Value> uint8_proto;
    if (uint8array.As<Function>()
            ->Get(context, OneByteString(isolate, "prototype"))
            .ToLocal(&uint8_proto)) {
      prototype->SetPrototype(context, uint8_proto).Check();
    }
  }
  Local<FunctionTemplate> tmpl = FunctionTemplate::New(isolate, SlowBufferNew, prototype);
  Local<String> name = OneByteString(isolate, "SlowBuffer");
  tmpl->SetClassName(name);
  Local<Function> slow_buffer = tmpl->GetFunction(context).ToLocalChecked();
  slow_buffer->Set(context, OneByteString(isolate, "prototype"), prototype).Check();
  prototype->Set(context, OneByteString(isolate, "constructor"), slow_buffer).Check();
  target->Set(context, name, slow_buffer).Check();
}

}  // namespace buffer
}  // namespace binding
}  // namespace nodus
