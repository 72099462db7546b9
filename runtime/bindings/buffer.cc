// process.binding('buffer'): the encoding hot paths behind stdlib/lib/buffer.js, plus the native
// SlowBuffer constructor that old code reaches for through process.binding('buffer').SlowBuffer.
//
// The codecs themselves (UTF-8, base64, hex, UCS-2) are in runtime/core/encoding, free of V8; this
// file moves strings in and out of V8 and calls them.
//
// Buffers are Uint8Arrays, so every entry point receives an ArrayBufferView. JS callers are not
// trusted: each function checks its own arguments (view type, integer offsets inside the view,
// string type) through runtime/core/args.h, and throws instead of touching memory it was not
// given. stdlib/lib/buffer.js checks them first, with v0.6.3's messages, so these only reach
// code that calls the binding itself.
#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/array_buffer_allocator.h"
#include "runtime/core/encoding/encoding.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace buffer {

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
// The slot also backs binding.charsWrittenSlot, a Float64Array JS reads it through without a call.
thread_local double last_chars_written = 0;

// The most bytes a Buffer holds, as in v0.6.3 (binding.kMaxLength).
constexpr size_t kMaxLength = 0x3FFFFFFF;

// Common prologue of the write functions: (buffer, string, offset, length). On success `dest`
// and `capacity` describe the writable window. The length may overstate the room after offset
// (write(string, offset, length) allows it), so it is a count, capped at that room; a missing
// length is all of it.
bool WriteArgs(const FunctionCallbackInfo<Value>& args, Local<String>* string, uint8_t** dest,
               size_t* capacity) {
  ByteSpan bytes;
  if (!GetBytesArg(args, 0, "buffer", &bytes) || !GetStringArg(args, 1, "string", string)) {
    return false;
  }
  size_t offset;
  if (!GetOptionalSizeArg(args, 2, "offset", 0, &offset, bytes.length)) return false;
  size_t room = bytes.length - offset;
  if (args[3]->IsUndefined()) {
    *capacity = room;
  } else if (!GetCountArg(args, 3, "length", capacity, room)) {
    return false;
  }
  // V8's string writers take int sizes.
  *capacity = std::min(*capacity, static_cast<size_t>(INT_MAX));
  // The Buffer's own memory, which a write is asked to fill (GetBytesArg hands it out read-only
  // because most bindings only read it).
  *dest = bytes.data == nullptr ? nullptr : const_cast<uint8_t*>(bytes.data) + offset;
  return true;
}

// Common prologue of the slice functions: (buffer, start, end), with start <= end.
bool SliceArgs(const FunctionCallbackInfo<Value>& args, const uint8_t** data, size_t* length) {
  ByteSpan bytes;
  if (!GetBytesArg(args, 0, "buffer", &bytes)) return false;
  size_t start, end;
  if (!GetOptionalSizeArg(args, 1, "start", 0, &start, bytes.length) ||
      !GetOptionalSizeArg(args, 2, "end", bytes.length, &end, bytes.length)) {
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

// ---- UTF-8 encoding ----------------------------------------------------------------------------

// string as UTF-8 into dest[0, capacity) (WriteUtf8's semantics with REPLACE_INVALID_UTF8, but
// the string is copied out of V8 in chunks, a memcpy for flat strings, and encoded many
// characters at a time); returns the bytes written.
size_t WriteUtf8(Isolate* isolate, Local<String> string, uint8_t* dest, size_t capacity,
                 int* units_read) {
  size_t length = static_cast<size_t>(string->Length());
  size_t consumed = 0;
  size_t written;
  if (string->IsOneByte()) {
    auto read = [&](size_t start, size_t count, uint8_t* into) {
      string->WriteOneByte(isolate, into, static_cast<int>(start), static_cast<int>(count),
                           String::NO_NULL_TERMINATION);
    };
    written = encoding::EncodeLatin1Text(length, read, dest, capacity, &consumed);
  } else {
    auto read = [&](size_t start, size_t count, uint16_t* into) {
      string->Write(isolate, into, static_cast<int>(start), static_cast<int>(count),
                    String::NO_NULL_TERMINATION);
    };
    written = encoding::EncodeUtf16Text(length, read, dest, capacity, &consumed);
  }
  if (units_read != nullptr) *units_read = static_cast<int>(consumed);
  return written;
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
    written = static_cast<int>(WriteUtf8(isolate, string, dest, capacity, &chars));
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
  encoding::Ucs2Encode(scratch.data(), units, dest);
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

// Characters per piece when a string is copied out of V8 to be decoded: small enough to stay
// in the L1/L2 cache between the copy and the decode.
constexpr size_t kPieceChars = 8 * 1024;

// Decodes the base64 in `string` into dest[0, capacity); returns the bytes stored. *total is
// what decoding the whole string would give, so the caller can tell whether all of it fit.
size_t Base64DecodeString(Isolate* isolate, Local<String> string, uint8_t* dest, size_t capacity,
                          size_t* total) {
  size_t length = static_cast<size_t>(string->Length());
  encoding::Base64Decoder decoder(dest, capacity);
  if (string->IsExternalOneByte()) {
    const char* chars = string->GetExternalOneByteStringResource()->data();
    decoder.Feed(reinterpret_cast<const uint8_t*>(chars), length);
  } else if (string->IsOneByte()) {
    uint8_t piece[kPieceChars];
    for (size_t start = 0; start < length && !decoder.ended(); start += kPieceChars) {
      size_t n = std::min(kPieceChars, length - start);
      string->WriteOneByte(isolate, piece, static_cast<int>(start), static_cast<int>(n),
                           String::NO_NULL_TERMINATION);
      decoder.Feed(piece, n);
    }
  } else {
    uint16_t piece[kPieceChars];
    for (size_t start = 0; start < length && !decoder.ended(); start += kPieceChars) {
      size_t n = std::min(kPieceChars, length - start);
      string->Write(isolate, piece, static_cast<int>(start), static_cast<int>(n),
                    String::NO_NULL_TERMINATION);
      decoder.Feed(piece, n);
    }
  }
  *total = decoder.total();
  return decoder.written();
}

void Base64Write(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<String> string;
  uint8_t* dest;
  size_t capacity;
  if (!WriteArgs(args, &string, &dest, &capacity)) return;
  size_t length = static_cast<size_t>(string->Length());
  size_t total = 0;
  // With no room, the decoder only counts what the string holds.
  size_t written = length > 0 ? Base64DecodeString(isolate, string, dest, capacity, &total) : 0;
  // Buffer._charsWritten: the whole string when all of its data fit, else the characters that
  // the bytes written came from.
  last_chars_written = written == total ? static_cast<double>(length)
                                        : static_cast<double>((written * 4 + 2) / 3);
  args.GetReturnValue().Set(static_cast<double>(written));
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
  size_t written = encoding::HexDecode(units.data(), pairs, dest);
  args.GetReturnValue().Set(static_cast<double>(written));
}

void CharsWritten(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(last_chars_written));
}

// ---- Slices ------------------------------------------------------------------------------------

// Results at most this long are decoded here; longer ones go to V8, which writes them straight
// into the string rather than through scratch memory.
constexpr size_t kUtf8DecodeMax = 4 * 1024 * 1024;

void Utf8Slice(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  if (length == 0) return args.GetReturnValue().SetEmptyString();
  // All ASCII, the common case: the bytes are the string, with no decoding pass.
  if (length <= kUtf8DecodeMax && encoding::FirstNonAscii(data, length) == length) {
    return ReturnString(args, String::NewFromOneByte(isolate, data, NewStringType::kNormal,
                                                     static_cast<int>(length)));
  }
  if (length <= kUtf8DecodeMax) {
    Scratch scratch(length * sizeof(uint16_t));
    uint16_t* units = reinterpret_cast<uint16_t*>(scratch.data());
    uint32_t max_unit = 0;
    std::optional<size_t> decoded = encoding::DecodeUtf8Strict(data, length, units, &max_unit);
    if (decoded.has_value()) {
      size_t count = *decoded;
      if (count == length) {  // all ASCII: the bytes are the string
        return ReturnString(args, String::NewFromOneByte(isolate, data, NewStringType::kNormal,
                                                         static_cast<int>(length)));
      }
      if (max_unit < 0x100) {
        uint8_t* narrow = reinterpret_cast<uint8_t*>(units);
        for (size_t k = 0; k < count; k++) narrow[k] = static_cast<uint8_t>(units[k]);
        return ReturnString(args, String::NewFromOneByte(isolate, narrow, NewStringType::kNormal,
                                                         static_cast<int>(count)));
      }
      return ReturnString(args, String::NewFromTwoByte(isolate, units, NewStringType::kNormal,
                                                       static_cast<int>(count)));
    }
  }
  // Malformed (or long): Utf8String checks the length; V8 replaces malformed sequences with
  // U+FFFD.
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
  encoding::Ucs2Decode(data, units, scratch.data());
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
  // 7-bit data (the contract, and nearly always so) is the string as it stands.
  if (encoding::FirstNonAscii(data, length) == length) {
    return ReturnString(args, String::NewFromOneByte(isolate, data, NewStringType::kNormal,
                                                     static_cast<int>(length)));
  }
  Scratch scratch(length);
  encoding::StripHighBit(data, length, scratch.data());
  ReturnString(args, String::NewFromOneByte(isolate, scratch.data(), NewStringType::kNormal,
                                            static_cast<int>(length)));
}

// The documented 'ascii' contract: 7-bit data, the high bit is stripped.
void AsciiSlice(const FunctionCallbackInfo<Value>& args) { OneByteSlice(args, true); }
void BinarySlice(const FunctionCallbackInfo<Value>& args) { OneByteSlice(args, false); }

// A one-byte string whose characters live in malloc'ed memory that V8 frees (through Dispose)
// when the string dies. Big results are returned this way: V8 would otherwise copy them into a
// fresh large-object page, and faulting those pages in cost more than the encoding.
class ExternalOneByte : public String::ExternalOneByteStringResource {
 public:
  ExternalOneByte(Isolate* isolate, char* data, size_t length, size_t capacity)
      : isolate_(isolate), data_(data), length_(length), capacity_(capacity) {
    isolate_->AdjustAmountOfExternalAllocatedMemory(static_cast<int64_t>(length_));
  }
  ~ExternalOneByte() override {
    isolate_->AdjustAmountOfExternalAllocatedMemory(-static_cast<int64_t>(length_));
    BlockCache::Get()->Give(data_, capacity_);
  }
  const char* data() const override { return data_; }
  size_t length() const override { return length_; }

 private:
  Isolate* isolate_;
  char* data_;
  size_t length_;
  size_t capacity_;
};

// Results at least this long become external strings.
constexpr size_t kExternalMinLength = 256 * 1024;

void Base64Slice(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  if (length == 0) return args.GetReturnValue().SetEmptyString();
  size_t out_length = encoding::Base64EncodedLength(length);
  if (!CheckStringLength(isolate, out_length)) return;
  if (out_length >= kExternalMinLength) {
    size_t capacity;
    char* out = static_cast<char*>(BlockCache::Get()->Take(out_length, &capacity));
    if (out == nullptr) return ThrowRangeError(isolate, "out of memory");
    encoding::Base64Encode(data, length, reinterpret_cast<uint8_t*>(out));
    auto* resource = new ExternalOneByte(isolate, out, out_length, capacity);
    Local<String> result;
    if (!String::NewExternalOneByte(isolate, resource).ToLocal(&result)) {
      delete resource;  // Not adopted by V8; an exception is pending.
      return;
    }
    return args.GetReturnValue().Set(result);
  }
  Scratch out(out_length);
  encoding::Base64Encode(data, length, out.data());
  ReturnString(args, String::NewFromOneByte(isolate, out.data(), NewStringType::kNormal,
                                            static_cast<int>(out_length)));
}

void HexSlice(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  const uint8_t* data;
  size_t length;
  if (!SliceArgs(args, &data, &length)) return;
  if (length == 0) return args.GetReturnValue().SetEmptyString();
  if (length > static_cast<size_t>(String::kMaxLength) / 2) {
    return ThrowRangeError(isolate, "string is too long");
  }
  std::string out(length * 2, '\0');
  encoding::HexEncode(data, length, reinterpret_cast<uint8_t*>(&out[0]));
  ReturnString(args, String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(out.data()),
                                            NewStringType::kNormal, static_cast<int>(out.size())));
}

// ---- Byte lengths ------------------------------------------------------------------------------

void ByteLengthUtf8(const FunctionCallbackInfo<Value>& args) {
  Local<String> string;
  if (!GetStringArg(args, 0, "string", &string)) return;
  // Lone surrogates count as the 3 bytes of U+FFFD, which is what utf8Write stores for them.
  args.GetReturnValue().Set(string->Utf8Length(args.GetIsolate()));
}

void ByteLengthBase64(const FunctionCallbackInfo<Value>& args) {
  Local<String> string;
  if (!GetStringArg(args, 0, "string", &string)) return;
  // With no room at all the decoder only counts.
  size_t total = 0;
  Base64DecodeString(args.GetIsolate(), string, nullptr, 0, &total);
  args.GetReturnValue().Set(static_cast<double>(total));
}

// ---- New Buffers from strings ------------------------------------------------------------------

constexpr int kEncodingUtf8 = 0;
constexpr int kEncodingBase64 = 1;
// Above this many bytes of worst case, utf8 sizes the string first rather than over-allocate.
constexpr size_t kUtf8GuessMax = 64 * 1024 * 1024;

// deleter_data is the block's capacity.
void FreeBackingStore(void* data, size_t, void* capacity) {
  BlockCache::Get()->Give(data, reinterpret_cast<uintptr_t>(capacity));
}

// fromString(string, encoding): a new SlowBuffer (prototype: the callback's data) holding the
// string encoded as utf8 (encoding 0) or decoded from base64 (1). The bytes are written once into
// uninitialized memory sized for the worst case, which is then trimmed: nothing is read from JS
// before every byte of the result has been written.
void FromString(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Local<String> string;
  if (!GetStringArg(args, 0, "string", &string)) return;
  int32_t kind;
  if (!GetInt32Arg(args, 1, "encoding", &kind, kEncodingUtf8, kEncodingBase64)) return;
  size_t length = static_cast<size_t>(string->Length());
  size_t max;
  if (kind == kEncodingBase64) {
    max = encoding::Base64BytesOfDigits(length);
  } else {
    max = length * 3;
    if (max > kUtf8GuessMax) max = static_cast<size_t>(string->Utf8Length(isolate));
  }
  if (max > static_cast<size_t>(INT_MAX)) {
    return ThrowRangeError(isolate, "Buffer size must not exceed 0x3fffffff bytes");
  }
  std::unique_ptr<v8::BackingStore> store;
  size_t size = 0;
  if (kind == kEncodingBase64) {
    // Base64's worst case is the size within a few bytes, so the store comes from V8 (which
    // reclaims big dead ones promptly) and is not trimmed. Decoding runs no JS, and the bytes
    // past what was decoded are cleared: nothing uninitialized is reachable through .buffer.
    {
      ArrayBufferAllocator::NoZeroFillScope no_zero_fill;
      store = v8::ArrayBuffer::NewBackingStore(isolate, max);
    }
    uint8_t* data = static_cast<uint8_t*>(store->Data());
    size_t total;
    if (max > 0) size = Base64DecodeString(isolate, string, data, max, &total);
    if (size < max) std::memset(data + size, 0, max - size);
  } else {
    // UTF-8 is written into a block sized for 3 bytes a character, then trimmed.
    size_t capacity;
    uint8_t* data = static_cast<uint8_t*>(BlockCache::Get()->Take(max, &capacity));
    if (data == nullptr) return ThrowRangeError(isolate, "out of memory");
    int chars = 0;
    if (max > 0) size = WriteUtf8(isolate, string, data, max, &chars);
    if (size > kMaxLength) {
      BlockCache::Get()->Give(data, capacity);
      return ThrowRangeError(isolate, "Buffer size must not exceed 0x3fffffff bytes");
    }
    if (size < capacity / 2 && capacity >= BlockCache::kMinSize) {
      // Much smaller than the worst case (utf8 of ASCII): trim, in place, rather than hold 3x.
      void* smaller = realloc(data, size == 0 ? 1 : size);
      if (smaller != nullptr) {
        data = static_cast<uint8_t*>(smaller);
        capacity = size == 0 ? 1 : size;
      }
    }
    store = v8::ArrayBuffer::NewBackingStore(
        data, size, FreeBackingStore, reinterpret_cast<void*>(static_cast<uintptr_t>(capacity)));
  }
  Local<v8::ArrayBuffer> array_buffer = v8::ArrayBuffer::New(isolate, std::move(store));
  Local<v8::Uint8Array> array = v8::Uint8Array::New(array_buffer, 0, size);
  if (args.Data()->IsObject() && array->SetPrototype(context, args.Data()).IsNothing()) return;
  args.GetReturnValue().Set(array);
}

// ---- SlowBuffer --------------------------------------------------------------------------------

// new SlowBuffer(length): a zero-filled Uint8Array whose prototype is SlowBuffer.prototype (the
// callback's data). The memory comes from the JS Uint8Array constructor so that a failed
// allocation is a RangeError rather than a fatal out-of-memory.
void SlowBufferNew(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  // SlowBuffer is public (require('buffer').SlowBuffer), and v0.6.3 refused anything but a
  // number with this TypeError; the range is checked as every binding checks one.
  if (!args[0]->IsNumber()) return ThrowTypeError(isolate, "Bad argument");
  size_t length;
  if (!GetSizeArg(args, 0, "length", &length, kMaxLength)) return;
  Local<Value> ctor_value;
  if (!context->Global()->Get(context, OneByteString(isolate, "Uint8Array")).ToLocal(&ctor_value) ||
      !ctor_value->IsFunction()) {
    return ThrowError(isolate, "Uint8Array is not available");
  }
  Local<Value> argv[] = {v8::Number::New(isolate, static_cast<double>(length))};
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
  SetConstant(context, target, "kMaxLength", static_cast<double>(kMaxLength));
  {
    // A view of last_chars_written. The memory is this thread's, so V8 must not free it.
    std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        &last_chars_written, sizeof(last_chars_written), [](void*, size_t, void*) {}, nullptr);
    Local<v8::ArrayBuffer> slot = v8::ArrayBuffer::New(isolate, std::move(store));
    target->CreateDataProperty(context, OneByteString(isolate, "charsWrittenSlot"),
                v8::Float64Array::New(slot, 0, 1)).Check();
  }

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
  // A function's own `prototype` is not a plain data property: Set (of a fresh function, which
  // no script has seen) replaces it, CreateDataProperty would be refused.
  slow_buffer->Set(context, OneByteString(isolate, "prototype"), prototype).Check();
  prototype->CreateDataProperty(context, OneByteString(isolate, "constructor"), slow_buffer)
      .Check();
  target->CreateDataProperty(context, name, slow_buffer).Check();
  Local<Function> from_string =
      FunctionTemplate::New(isolate, FromString, prototype)->GetFunction(context).ToLocalChecked();
  target->CreateDataProperty(context, OneByteString(isolate, "fromString"), from_string).Check();
}

}  // namespace buffer
}  // namespace binding
}  // namespace nodus
