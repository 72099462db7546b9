// Digests over streamed data, for process.binding('crypto'):
//
//   new Hash(algorithm)          update(data, [utf8]), digest([form]) -> Uint8Array or string
//   new Hmac(algorithm, key)     update(data, [utf8]), digest([form]) -> Uint8Array or string
//   new Sign(algorithm)          update(data, [utf8]), sign(pem, [passphrase]) -> Uint8Array
//   new Verify(algorithm)        update(data, [utf8]), verify(pem, signature) -> boolean
//
//   checkDigest(algorithm)       throws as new Hash(algorithm) would for a name it refuses
//   hashOnce(algorithm, data, [utf8], [form])
//                                the digest of data alone, as new Hash + update + digest give it
//   hmacOnce(algorithm, key, [keyUtf8], data, [utf8], [form])
//                                the same for an HMAC
//
// update() takes a Buffer, or a string: with `utf8` true its UTF-8 form, else each character's
// low byte ('binary', v0.6's default). digest(1) returns the digest as a hex string, digest(2)
// as a 'binary' string (a character per byte), digest() as a Uint8Array. The common cases
// (hashing a short string to hex) then make no Buffer on either side. crypto.js hashes the data
// of a Hash (or an Hmac with a string key) updated once with a string by hashOnce (hmacOnce),
// with no native object at all.
//
// digest(), sign() and verify() end the object: its OpenSSL context is freed at once and any
// further call throws, as Node's did. The rest is freed when the JS object is collected.
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <string>

#include "runtime/bindings/crypto/crypto.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace crypto {

using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// Reads the algorithm name argument and resolves it; throws if it is not a known digest.
const EVP_MD* DigestArg(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  // The name asked for last (a program nearly always asks for the same one) is matched here
  // without making a std::string, taking FetchDigest's lock or hashing the name: a tenth of a
  // short hash. Only a string stored one byte per character can match, so that every character
  // compared is the one written.
  constexpr int kLastNameSize = 32;
  thread_local char last_name[kLastNameSize];
  thread_local int last_length = -1;
  thread_local const EVP_MD* last_md = nullptr;
  if (args.Length() > 0 && args[0]->IsString()) {
    Local<v8::String> given = args[0].As<v8::String>();
    if (given->Length() == last_length && given->IsOneByte()) {
      char text[kLastNameSize];
      given->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(text), 0, last_length,
                          v8::String::NO_NULL_TERMINATION);
      if (std::memcmp(text, last_name, static_cast<size_t>(last_length)) == 0) return last_md;
    }
  }
  std::string name;
  if (!GetStringArg(args, 0, "algorithm", &name)) return nullptr;
  const EVP_MD* md = FetchDigest(name);
  if (md == nullptr) {
    ThrowErrorWithCode(isolate, "Digest method not supported: " + name,
                       "ERR_CRYPTO_INVALID_DIGEST");
    return nullptr;
  }
  if (name.size() < static_cast<size_t>(kLastNameSize)) {
    std::memcpy(last_name, name.data(), name.size());
    last_length = static_cast<int>(name.size());
    last_md = md;
  }
  return md;
}

// Finished OpenSSL contexts, with the digest each was set up with, kept for the next object of
// the same digest. A hash's is started again on it: OpenSSL keeps the provider's state object
// instead of freeing (and wiping) it and allocating another (a sixth of hashing a short string).
// An HMAC's is set up again with the next key and no parameters, which keeps the digest: OpenSSL
// neither looks the digest up by name again nor allocates a context (a quarter of a short HMAC),
// and the next key's set-up overwrites the last one's state. A few per thread; a context whose
// object was dropped unfinished is freed with it.
template <typename Ctx, void (*Free)(Ctx*)>
class FinishedContexts {
 public:
  ~FinishedContexts() {
    for (int i = 0; i < count_; i++) Free(entries_[i].ctx);
  }
  // A finished context of `md`, or nullptr.
  Ctx* Take(const EVP_MD* md) {
    for (int i = count_ - 1; i >= 0; i--) {
      if (entries_[i].md == md) {
        Ctx* ctx = entries_[i].ctx;
        entries_[i] = entries_[--count_];
        return ctx;
      }
    }
    return nullptr;
  }
  void Put(const EVP_MD* md, Ctx* ctx) {
    if (count_ == kSize) {
      Free(entries_[0].ctx);
      entries_[0] = entries_[--count_];
    }
    entries_[count_++] = {md, ctx};
  }

 private:
  struct Entry {
    const EVP_MD* md;
    Ctx* ctx;
  };
  static constexpr int kSize = 4;
  Entry entries_[kSize];
  int count_ = 0;
};

thread_local FinishedContexts<EVP_MD_CTX, EVP_MD_CTX_free> finished_contexts;
thread_local FinishedContexts<EVP_MAC_CTX, EVP_MAC_CTX_free> finished_macs;

// A digest context started on `md`, or nullptr with an error thrown.
EVP_MD_CTX* StartDigest(Isolate* isolate, const EVP_MD* md) {
  EVP_MD_CTX* ctx = finished_contexts.Take(md);
  if (ctx != nullptr && EVP_DigestInit_ex(ctx, md, nullptr) == 1) return ctx;
  EVP_MD_CTX_free(ctx);
  ctx = EVP_MD_CTX_new();
  if (ctx == nullptr || EVP_DigestInit_ex(ctx, md, nullptr) != 1) {
    EVP_MD_CTX_free(ctx);
    ThrowOpenSSLError(isolate, "digest initialisation failed");
    return nullptr;
  }
  return ctx;
}

// EVP_*Update take int or size_t lengths depending on the call; feeding at most 1 GiB at a time
// keeps every one of them in range.
constexpr size_t kChunk = size_t{1} << 30;

bool DigestUpdate(EVP_MD_CTX* ctx, const Bytes& bytes) {
  for (size_t done = 0; done < bytes.length;) {
    size_t n = std::min(kChunk, bytes.length - done);
    if (EVP_DigestUpdate(ctx, bytes.data + done, n) != 1) return false;
    done += n;
  }
  return true;
}

// The data argument of update(): a Buffer's bytes, or a string's bytes in the encoding
// args[1] names (see the top of the file), written into `stack` when they fit, else into
// memory the object owns.
class UpdateData {
 public:
  // Throws TypeError and returns false if args[index] is neither a string nor a Buffer; a
  // string is read as UTF-8 if args[index + 1] is true.
  bool Get(const FunctionCallbackInfo<Value>& args, Bytes* out, int index = 0,
           const char* name = "data") {
    Isolate* isolate = args.GetIsolate();
    if (!args[index]->IsString()) return GetBytesArg(args, index, name, out);
    Local<v8::String> string = args[index].As<v8::String>();
    bool utf8 = args[index + 1]->IsTrue();
    size_t length = utf8 ? static_cast<size_t>(string->Utf8Length(isolate))
                         : static_cast<size_t>(string->Length());
    uint8_t* data = stack_;
    if (length > sizeof(stack_)) {
      heap_.reset(new uint8_t[length]);
      data = heap_.get();
    }
    if (utf8) {
      string->WriteUtf8(isolate, reinterpret_cast<char*>(data), static_cast<int>(length), nullptr,
                        v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    } else {
      string->WriteOneByte(isolate, data, 0, static_cast<int>(length),
                           v8::String::NO_NULL_TERMINATION);
    }
    out->data = data;
    out->length = length;
    return true;
  }

 private:
  uint8_t stack_[1024];
  std::unique_ptr<uint8_t[]> heap_;
};

// A finished digest in the form args[form_index] asks for (see the top of the file).
void SetDigestResult(const FunctionCallbackInfo<Value>& args, const uint8_t* digest,
                     size_t length, int form_index = 0) {
  Isolate* isolate = args.GetIsolate();
  Local<Value> form_arg = args[form_index];
  int form = form_arg->IsInt32() ? form_arg.As<v8::Int32>()->Value() : 0;
  char hex[2 * EVP_MAX_MD_SIZE];
  if (form == 1) {
    static const char kHex[] = "0123456789abcdef";
    for (size_t i = 0; i < length; i++) {
      hex[2 * i] = kHex[digest[i] >> 4];
      hex[2 * i + 1] = kHex[digest[i] & 15];
    }
    digest = reinterpret_cast<const uint8_t*>(hex);
    length *= 2;
  }
  if (form == 1 || form == 2) {
    // Not internalized: a digest is seldom a property name.
    Local<v8::String> string;
    if (v8::String::NewFromOneByte(isolate, digest, v8::NewStringType::kNormal,
                                   static_cast<int>(length))
            .ToLocal(&string)) {
      args.GetReturnValue().Set(string);
    }
    return;
  }
  Local<Value> result;
  if (CopyToUint8Array(isolate, digest, length).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// ---- Hash --------------------------------------------------------------------------------------

// A hash or HMAC: an OpenSSL context that digest() finishes; using it afterwards throws.
template <typename Ctx, void (*Free)(Ctx*), int64_t kSize>
class DigestObject : public CryptoObject {
 public:
  NODUS_WRAPPER_TYPE(DigestObject);
  DigestObject(Isolate* isolate, Local<Object> object, Ctx* ctx,
               const WrapperType* type = &kWrapperType)
      : CryptoObject(isolate, object, kSize, type), ctx_(ctx) {}
  ~DigestObject() override { Free(ctx_); }

  // The live context, or nullptr (with an Error thrown) after digest().
  Ctx* Context(Isolate* isolate) {
    if (ctx_ == nullptr) {
      ThrowErrorWithCode(isolate, "Digest already called", "ERR_CRYPTO_HASH_FINALIZED");
    }
    return ctx_;
  }
  void Finish() {
    Free(ctx_);
    ctx_ = nullptr;
  }
  // Finish(), handing the context over instead of freeing it.
  Ctx* Release() {
    Ctx* ctx = ctx_;
    ctx_ = nullptr;
    return ctx;
  }

 private:
  Ctx* ctx_;
};

// One WrapperType per instantiation: a Hash is never taken for an Hmac.
template <typename Ctx, void (*Free)(Ctx*), int64_t kSize>
const WrapperType DigestObject<Ctx, Free, kSize>::kWrapperType = {"DigestObject",
                                                                  &CryptoObject::kWrapperType};

using Hash = DigestObject<EVP_MD_CTX, EVP_MD_CTX_free, kHashSize>;

void HashNew(const FunctionCallbackInfo<Value>& args) {
  if (!CryptoObject::BeginConstruct(args)) return;
  Isolate* isolate = args.GetIsolate();
  const EVP_MD* md = DigestArg(args);
  if (md == nullptr) return;
  EVP_MD_CTX* ctx = StartDigest(isolate, md);
  if (ctx == nullptr) return;
  new Hash(isolate, args.This(), ctx);
}

// update(data) of Hash, Sign and Verify: feeds the data to the object's EVP_MD_CTX.
template <typename T>
void DigestContextUpdate(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  T* self = CryptoObject::Unwrap<T>(args);
  if (self == nullptr) return;
  Bytes data;
  UpdateData storage;
  if (!storage.Get(args, &data)) return;
  EVP_MD_CTX* ctx = self->Context(isolate);
  if (ctx == nullptr) return;
  if (!DigestUpdate(ctx, data)) ThrowOpenSSLError(isolate, "digest update failed");
}

void HashDigest(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Hash* hash = CryptoObject::Unwrap<Hash>(args);
  if (hash == nullptr) return;
  EVP_MD_CTX* ctx = hash->Context(isolate);
  if (ctx == nullptr) return;
  uint8_t out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  int size = EVP_MD_CTX_get_size(ctx);
  bool ok = size >= 0 && size <= EVP_MAX_MD_SIZE && EVP_DigestFinal_ex(ctx, out, &length) == 1;
  if (ok) {
    finished_contexts.Put(EVP_MD_CTX_get0_md(ctx), hash->Release());
  } else {
    hash->Finish();
    return ThrowOpenSSLError(isolate, "digest failed");
  }
  SetDigestResult(args, out, length);
}

// checkDigest(algorithm): nothing, or the error new Hash(algorithm) would throw.
void CheckDigest(const FunctionCallbackInfo<Value>& args) { DigestArg(args); }

// hashOnce(algorithm, data, [utf8], [form]): one digest context (a finished one, reused) takes
// the data and is finished at once.
void HashOnce(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  const EVP_MD* md = DigestArg(args);
  if (md == nullptr) return;
  Bytes data;
  UpdateData storage;
  if (!storage.Get(args, &data, 1)) return;
  EVP_MD_CTX* ctx = StartDigest(isolate, md);
  if (ctx == nullptr) return;
  uint8_t out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  int size = EVP_MD_CTX_get_size(ctx);
  bool ok = size >= 0 && size <= EVP_MAX_MD_SIZE && DigestUpdate(ctx, data) &&
            EVP_DigestFinal_ex(ctx, out, &length) == 1;
  if (!ok) {
    EVP_MD_CTX_free(ctx);
    return ThrowOpenSSLError(isolate, "digest failed");
  }
  finished_contexts.Put(md, ctx);
  SetDigestResult(args, out, length, 3);
}

// ---- Hmac --------------------------------------------------------------------------------------

using HmacBase = DigestObject<EVP_MAC_CTX, EVP_MAC_CTX_free, kHmacSize>;

// An HMAC's context, and the digest it was set up with (for finished_macs).
class Hmac : public HmacBase {
 public:
  NODUS_WRAPPER_TYPE(Hmac);
  Hmac(Isolate* isolate, Local<Object> object, EVP_MAC_CTX* ctx, const EVP_MD* md)
      : HmacBase(isolate, object, ctx, &kWrapperType), md_(md) {}
  const EVP_MD* md() const { return md_; }

 private:
  const EVP_MD* md_;
};
NODUS_DEFINE_WRAPPER_TYPE(Hmac, HmacBase);

// OpenSSL's HMAC, fetched once (a fetch takes the provider store's lock and walks its table).
EVP_MAC* HmacMethod() {
  static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return mac;
}

// An HMAC context of `md` set up with `key` (a finished one if there is one), or nullptr with
// an error thrown.
EVP_MAC_CTX* StartMac(Isolate* isolate, const EVP_MD* md, const Bytes& key) {
  // A key of length 0 is valid HMAC; OpenSSL wants a non-null pointer to take it as a key.
  static const uint8_t kEmptyKey = 0;
  const uint8_t* key_data = key.length == 0 ? &kEmptyKey : key.data;
  EVP_MAC_CTX* ctx = finished_macs.Take(md);
  if (ctx != nullptr && EVP_MAC_init(ctx, key_data, key.length, nullptr) == 1) return ctx;
  EVP_MAC_CTX_free(ctx);
  EVP_MAC* mac = HmacMethod();
  ctx = mac == nullptr ? nullptr : EVP_MAC_CTX_new(mac);
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                       const_cast<char*>(EVP_MD_get0_name(md)), 0),
      OSSL_PARAM_construct_end()};
  if (ctx == nullptr || EVP_MAC_init(ctx, key_data, key.length, params) != 1) {
    EVP_MAC_CTX_free(ctx);
    std::string message = std::string("HMAC is not available with ") + EVP_MD_get0_name(md);
    ThrowOpenSSLError(isolate, message.c_str());
    return nullptr;
  }
  return ctx;
}

bool MacUpdate(EVP_MAC_CTX* ctx, const Bytes& data) {
  for (size_t done = 0; done < data.length;) {
    size_t n = std::min(kChunk, data.length - done);
    if (EVP_MAC_update(ctx, data.data + done, n) != 1) return false;
    done += n;
  }
  return true;
}

void HmacNew(const FunctionCallbackInfo<Value>& args) {
  if (!CryptoObject::BeginConstruct(args)) return;
  Isolate* isolate = args.GetIsolate();
  Bytes key;
  if (!args[0]->IsString()) return ThrowTypeError(isolate, "algorithm must be a string");
  if (!GetBytesArg(args, 1, "key", &key)) return;
  const EVP_MD* md = DigestArg(args);
  if (md == nullptr) return;
  EVP_MAC_CTX* ctx = StartMac(isolate, md, key);
  if (ctx == nullptr) return;
  new Hmac(isolate, args.This(), ctx, md);
}

// hmacOnce(algorithm, key, keyUtf8, data, utf8, form): the HMAC of data alone, as new Hmac +
// update + digest give it; the key and the data are each a Buffer or a string (read as UTF-8
// if the flag after it is true, else a byte per character).
void HmacOnce(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString()) return ThrowTypeError(isolate, "algorithm must be a string");
  const EVP_MD* md = DigestArg(args);
  if (md == nullptr) return;
  Bytes key, data;
  UpdateData key_storage, data_storage;
  if (!key_storage.Get(args, &key, 1, "key") || !data_storage.Get(args, &data, 3)) return;
  EVP_MAC_CTX* ctx = StartMac(isolate, md, key);
  if (ctx == nullptr) return;
  uint8_t out[EVP_MAX_MD_SIZE];
  size_t length = 0;
  if (!MacUpdate(ctx, data) || EVP_MAC_final(ctx, out, &length, sizeof(out)) != 1) {
    EVP_MAC_CTX_free(ctx);
    return ThrowOpenSSLError(isolate, "HMAC failed");
  }
  finished_macs.Put(md, ctx);
  SetDigestResult(args, out, length, 5);
}

void HmacUpdate(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Hmac* hmac = CryptoObject::Unwrap<Hmac>(args);
  if (hmac == nullptr) return;
  Bytes data;
  UpdateData storage;
  if (!storage.Get(args, &data)) return;
  EVP_MAC_CTX* ctx = hmac->Context(isolate);
  if (ctx == nullptr) return;
  if (!MacUpdate(ctx, data)) ThrowOpenSSLError(isolate, "HMAC update failed");
}

void HmacDigest(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Hmac* hmac = CryptoObject::Unwrap<Hmac>(args);
  if (hmac == nullptr) return;
  EVP_MAC_CTX* ctx = hmac->Context(isolate);
  if (ctx == nullptr) return;
  uint8_t out[EVP_MAX_MD_SIZE];
  size_t length = 0;
  bool ok = EVP_MAC_final(ctx, out, &length, sizeof(out)) == 1;
  if (!ok) {
    hmac->Finish();
    return ThrowOpenSSLError(isolate, "HMAC failed");
  }
  finished_macs.Put(hmac->md(), hmac->Release());
  SetDigestResult(args, out, length);
}

// ---- Sign and Verify ---------------------------------------------------------------------------

// Both hash the data first and use the key only at the end, so they share one native class.
class SignBase : public CryptoObject {
 public:
  NODUS_WRAPPER_TYPE(SignBase);
  SignBase(Isolate* isolate, Local<Object> object, EVP_MD_CTX* ctx, const char* verb)
      : CryptoObject(isolate, object, kHashSize, &kWrapperType), ctx_(ctx), verb_(verb) {}
  ~SignBase() override { EVP_MD_CTX_free(ctx_); }

  EVP_MD_CTX* Context(Isolate* isolate) {
    if (ctx_ == nullptr) {
      ThrowErrorWithCode(isolate, std::string(verb_) + "() already called",
                         "ERR_CRYPTO_INVALID_STATE");
    }
    return ctx_;
  }
  void Finish() {
    EVP_MD_CTX_free(ctx_);
    ctx_ = nullptr;
  }

 private:
  EVP_MD_CTX* ctx_;
  const char* verb_;
};
NODUS_DEFINE_WRAPPER_TYPE(SignBase, CryptoObject);

void SignBaseNew(const FunctionCallbackInfo<Value>& args, const char* verb) {
  if (!CryptoObject::BeginConstruct(args)) return;
  Isolate* isolate = args.GetIsolate();
  const EVP_MD* md = DigestArg(args);
  if (md == nullptr) return;
  EVP_MD_CTX* ctx = StartDigest(isolate, md);
  if (ctx == nullptr) return;
  new SignBase(isolate, args.This(), ctx, verb);
}

void SignNew(const FunctionCallbackInfo<Value>& args) { SignBaseNew(args, "sign"); }
void VerifyNew(const FunctionCallbackInfo<Value>& args) { SignBaseNew(args, "verify"); }

// sign(pem, [passphrase]): the signature with the PEM private key.
void SignSign(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SignBase* self = CryptoObject::Unwrap<SignBase>(args);
  if (self == nullptr) return;
  Bytes pem, passphrase;
  if (!GetBytesArg(args, 0, "key", &pem)) return;
  bool has_passphrase = !args[1]->IsUndefined();
  if (has_passphrase && !GetBytesArg(args, 1, "passphrase", &passphrase)) return;
  EVP_MD_CTX* ctx = self->Context(isolate);
  if (ctx == nullptr) return;
  EVP_PKEY* pkey = ParsePrivateKey(pem, has_passphrase ? &passphrase : nullptr);
  if (pkey == nullptr) return ThrowOpenSSLError(isolate, "could not read the private key");
  int size = EVP_PKEY_get_size(pkey);
  OutBuffer out(size > 0 ? static_cast<size_t>(size) : 0);
  unsigned int length = 0;
  bool ok = size > 0 && out.ok() && EVP_SignFinal(ctx, out.data(), &length, pkey) == 1;
  EVP_PKEY_free(pkey);
  self->Finish();
  if (!ok) return ThrowOpenSSLError(isolate, "signing failed");
  args.GetReturnValue().Set(out.Release(isolate, length));
}

// verify(pem, signature): whether `signature` is valid for the data under the PEM public key,
// certificate or private key. An unreadable key throws; a wrong signature is false.
void VerifyVerify(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SignBase* self = CryptoObject::Unwrap<SignBase>(args);
  if (self == nullptr) return;
  Bytes pem, signature;
  if (!GetBytesArg(args, 0, "key", &pem) || !GetBytesArg(args, 1, "signature", &signature)) {
    return;
  }
  EVP_MD_CTX* ctx = self->Context(isolate);
  if (ctx == nullptr) return;
  if (signature.length > static_cast<size_t>(UINT_MAX)) {
    return ThrowRangeError(isolate, "signature is too long");
  }
  EVP_PKEY* pkey = ParsePublicKey(pem);
  if (pkey == nullptr) return ThrowOpenSSLError(isolate, "could not read the public key");
  int result = EVP_VerifyFinal(ctx, signature.data, static_cast<unsigned int>(signature.length),
                               pkey);
  EVP_PKEY_free(pkey);
  self->Finish();
  // A malformed signature is a failed verification, not an error.
  ERR_clear_error();
  args.GetReturnValue().Set(result == 1);
}

}  // namespace

void InitHash(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();

  Local<FunctionTemplate> hash = NewClass(isolate, "Hash", HashNew);
  SetProtoMethod(isolate, hash, "update", DigestContextUpdate<Hash>);
  SetProtoMethod(isolate, hash, "digest", HashDigest);
  ExportClass(env, target, "Hash", hash);
  SetMethod(env->context(), target, "checkDigest", CheckDigest);
  SetMethod(env->context(), target, "hashOnce", HashOnce);
  SetMethod(env->context(), target, "hmacOnce", HmacOnce);

  Local<FunctionTemplate> hmac = NewClass(isolate, "Hmac", HmacNew);
  SetProtoMethod(isolate, hmac, "update", HmacUpdate);
  SetProtoMethod(isolate, hmac, "digest", HmacDigest);
  ExportClass(env, target, "Hmac", hmac);

  Local<FunctionTemplate> sign = NewClass(isolate, "Sign", SignNew);
  SetProtoMethod(isolate, sign, "update", DigestContextUpdate<SignBase>);
  SetProtoMethod(isolate, sign, "sign", SignSign);
  ExportClass(env, target, "Sign", sign);

  Local<FunctionTemplate> verify = NewClass(isolate, "Verify", VerifyNew);
  SetProtoMethod(isolate, verify, "update", DigestContextUpdate<SignBase>);
  SetProtoMethod(isolate, verify, "verify", VerifyVerify);
  ExportClass(env, target, "Verify", verify);
}

}  // namespace crypto
}  // namespace binding
}  // namespace nodus
