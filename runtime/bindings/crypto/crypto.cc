// process.binding('crypto'): OpenSSL 3 behind stdlib/lib/crypto.js. This file holds Initialize
// and the helpers the topic files share (crypto.h lists them); the classes live in
// crypto_hash.cc, crypto_cipher.cc, crypto_dh.cc, crypto_random.cc and crypto_context.cc.
#include "runtime/bindings/crypto/crypto.h"

#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/provider.h>
#include <openssl/x509.h>

#include <cctype>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "runtime/bindings/bindings.h"
#include "runtime/core/util.h"
#include "third_party/openssl/lazy.h"

namespace nodus {
namespace binding {
namespace crypto {

using v8::ArrayBufferView;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Object;
using v8::String;
using v8::Value;

OutBuffer::OutBuffer(size_t capacity) : capacity_(capacity) {
  if (capacity > 0) data_ = static_cast<uint8_t*>(std::malloc(capacity));
}

OutBuffer::~OutBuffer() { std::free(data_); }

Local<Value> OutBuffer::Release(Isolate* isolate, size_t length) {
  if (length == 0) {
    Local<v8::ArrayBuffer> empty = v8::ArrayBuffer::New(isolate, 0);
    return v8::Uint8Array::New(empty, 0, 0);
  }
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      data_, capacity_, [](void* data, size_t, void*) { std::free(data); }, nullptr);
  data_ = nullptr;
  capacity_ = 0;
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, std::move(store));
  return v8::Uint8Array::New(buffer, 0, length);
}

MaybeLocal<Value> CopyToUint8Array(Isolate* isolate, const uint8_t* data, size_t length) {
  OutBuffer out(length);
  if (!out.ok()) {
    ThrowRangeError(isolate, "out of memory");
    return MaybeLocal<Value>();
  }
  if (length > 0) std::memcpy(out.data(), data, length);
  return out.Release(isolate, length);
}

namespace {

// 'ERR_OSSL_' + the reason in upper case with underscores, as today's Node names them.
std::string CodeForReason(const char* reason) {
  std::string code = "ERR_OSSL_";
  for (const char* p = reason; *p != '\0'; p++) {
    unsigned char c = static_cast<unsigned char>(*p);
    code += std::isalnum(c) ? static_cast<char>(std::toupper(c)) : '_';
  }
  return code;
}

// The most specific entry of the queue (the last one pushed) with its reason, then clears it.
unsigned long TakeLastError() {
  unsigned long err = ERR_peek_last_error();
  ERR_clear_error();
  return err;
}

std::string ErrorString(unsigned long err) {
  char buffer[256];
  ERR_error_string_n(err, buffer, sizeof(buffer));
  return buffer;
}

}  // namespace

std::string TakeOpenSSLError(const char* fallback) {
  unsigned long err = TakeLastError();
  return err == 0 ? std::string(fallback) : ErrorString(err);
}

Local<Value> OpenSSLException(Isolate* isolate, const char* fallback) {
  unsigned long err = TakeLastError();
  std::string message = err == 0 ? std::string(fallback) : ErrorString(err);
  Local<String> text;
  if (!Utf8String(isolate, message).ToLocal(&text)) text = OneByteString(isolate, fallback);
  Local<Object> error = v8::Exception::Error(text).As<Object>();
  const char* reason = err == 0 ? nullptr : ERR_reason_error_string(err);
  if (reason != nullptr) {
    Local<Context> context = isolate->GetCurrentContext();
    std::string code = CodeForReason(reason);
    Ignore(error->Set(context, OneByteString(isolate, "code"),
                      OneByteString(isolate, code.c_str())));
  }
  return error;
}

void ThrowOpenSSLError(Isolate* isolate, const char* fallback) {
  isolate->ThrowException(OpenSSLException(isolate, fallback));
}

void ThrowErrorWithCode(Isolate* isolate, const std::string& message, const char* code) {
  Local<String> text;
  if (!Utf8String(isolate, message).ToLocal(&text)) return;
  Local<Object> error = v8::Exception::Error(text).As<Object>();
  Ignore(error->Set(isolate->GetCurrentContext(), OneByteString(isolate, "code"),
                    OneByteString(isolate, code)));
  isolate->ThrowException(error);
}

NODUS_DEFINE_WRAPPER_TYPE(CryptoObject, BaseObject);

CryptoObject::CryptoObject(Isolate* isolate, Local<Object> object, int64_t external_size,
                           const WrapperType* type)
    : BaseObject(Environment::GetCurrent(isolate), object, type), external_size_(external_size) {
  isolate->AdjustAmountOfExternalAllocatedMemory(external_size_);
  MakeWeak();
}

// Runs in V8's second weak pass (or earlier, explicitly): the external memory count may change.
CryptoObject::~CryptoObject() {
  isolate()->AdjustAmountOfExternalAllocatedMemory(-external_size_);
}

bool CryptoObject::BeginConstruct(const FunctionCallbackInfo<Value>& args) {
  if (!args.IsConstructCall()) {
    ThrowTypeError(args.GetIsolate(), "Class constructor cannot be invoked without 'new'");
    return false;
  }
  return BaseObject::BeginConstruct(args, "");
}

Local<FunctionTemplate> NewClass(Isolate* isolate, const char* name,
                                 v8::FunctionCallback constructor) {
  return BaseObject::MakeTemplate(isolate, constructor, name);
}

void ExportClass(Environment* env, Local<Object> target, const char* name,
                 Local<FunctionTemplate> tmpl) {
  Local<Context> context = env->context();
  target->CreateDataProperty(context, OneByteString(env->isolate(), name),
              tmpl->GetFunction(context).ToLocalChecked()).Check();
}

const EVP_MD* FetchDigest(const std::string& name) {
  if (name.empty() || name.find('\0') != std::string::npos) return nullptr;
  // Fetching by name takes the provider store's locks and walks its tables, which costs a
  // short hash's worth again on every createHash(); the objects fetched belong to OpenSSL's
  // process-wide default library context, so they are kept here, one per name asked for, for
  // the life of the process. Names OpenSSL does not know are not remembered.
  static std::mutex mutex;
  static std::unordered_map<std::string, const EVP_MD*>* cache =
      new std::unordered_map<std::string, const EVP_MD*>();
  std::lock_guard<std::mutex> lock(mutex);
  auto found = cache->find(name);
  if (found != cache->end()) return found->second;
  const EVP_MD* md = EVP_MD_fetch(nullptr, name.c_str(), nullptr);
  if (md == nullptr) {
    // Names only the object table knows, such as "RSA-SHA256" (v0.6 programs used them for
    // hashes too); the result is a static object. The failed fetch queued an error; a
    // successful one queues none, and clearing the queue costs as much as a short hash, so
    // only this path does it.
    md = EVP_get_digestbyname(name.c_str());
    ERR_clear_error();
  }
  if (md != nullptr) cache->emplace(name, md);
  return md;
}

BIO* NewMemoryBio(const Bytes& bytes) {
  if (bytes.length > static_cast<size_t>(INT_MAX)) return nullptr;
  static const uint8_t kEmpty = 0;
  return BIO_new_mem_buf(bytes.length == 0 ? &kEmpty : bytes.data, static_cast<int>(bytes.length));
}

namespace {

// OpenSSL's passphrase callback: hands over the caller's passphrase, or fails when there is
// none, so that OpenSSL's default (a prompt on the controlling terminal) never runs.
int PassphraseCallback(char* buffer, int size, int, void* user) {
  const Bytes* passphrase = static_cast<const Bytes*>(user);
  if (passphrase == nullptr || size < 0 || passphrase->length > static_cast<size_t>(size)) {
    return -1;
  }
  if (passphrase->length > 0) std::memcpy(buffer, passphrase->data, passphrase->length);
  return static_cast<int>(passphrase->length);
}

bool Contains(const Bytes& bytes, const char* needle) {
  size_t n = std::strlen(needle);
  return bytes.length >= n && memmem(bytes.data, bytes.length, needle, n) != nullptr;
}

}  // namespace

EVP_PKEY* ParsePrivateKey(const Bytes& pem, const Bytes* passphrase) {
  BIO* bio = NewMemoryBio(pem);
  if (bio == nullptr) return nullptr;
  EVP_PKEY* pkey =
      PEM_read_bio_PrivateKey(bio, nullptr, PassphraseCallback, const_cast<Bytes*>(passphrase));
  BIO_free(bio);
  return pkey;
}

EVP_PKEY* ParsePublicKey(const Bytes& pem) {
  BIO* bio = NewMemoryBio(pem);
  if (bio == nullptr) return nullptr;
  EVP_PKEY* pkey = nullptr;
  if (Contains(pem, "CERTIFICATE-----")) {
    X509* cert = PEM_read_bio_X509(bio, nullptr, PassphraseCallback, nullptr);
    if (cert != nullptr) {
      pkey = X509_get_pubkey(cert);
      X509_free(cert);
    }
  } else if (Contains(pem, "PRIVATE KEY-----")) {
    pkey = PEM_read_bio_PrivateKey(bio, nullptr, PassphraseCallback, nullptr);
  } else {
    // The decoder reads every public key form, PKCS#1 "RSA PUBLIC KEY" included.
    OSSL_DECODER_CTX* decoder = OSSL_DECODER_CTX_new_for_pkey(
        &pkey, "PEM", nullptr, nullptr, EVP_PKEY_PUBLIC_KEY, nullptr, nullptr);
    if (decoder != nullptr) {
      if (OSSL_DECODER_from_bio(decoder, bio) != 1) pkey = nullptr;
      OSSL_DECODER_CTX_free(decoder);
    }
  }
  BIO_free(bio);
  return pkey;
}

namespace {

// OpenSSL's providers are process-wide library state. Naming one explicitly turns off the
// implicit load of "default", so both are loaded; "legacy" is optional (see
// third_party/openssl/README.md).
// The providers stay loaded for the life of the process. Our references to them are given back
// at exit, just before OpenSSL's own exit handler (registered when OpenSSL first initialized,
// so it runs after this one) frees its tables: a provider still referenced then is freed
// without its teardown, and what the legacy provider made in it leaks (LeakSanitizer).
OSSL_PROVIDER* legacy_provider = nullptr;
OSSL_PROVIDER* default_provider = nullptr;

void UnloadProviders() {
  if (legacy_provider != nullptr) OSSL_PROVIDER_unload(legacy_provider);
  if (default_provider != nullptr) OSSL_PROVIDER_unload(default_provider);
  legacy_provider = default_provider = nullptr;
}

void LoadProviders() {
  static std::once_flag once;
  std::call_once(once, [] {
    legacy_provider = OSSL_PROVIDER_load(nullptr, "legacy");
    default_provider = OSSL_PROVIDER_load(nullptr, "default");
    ERR_clear_error();
    std::atexit(UnloadProviders);
  });
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  // With OpenSSL itself: require('crypto') (or tls, https) loads neither until a program first
  // calls into OpenSSL (third_party/openssl/lazy.h).
  openssl::OnLoad(LoadProviders);
  InitHash(env, target);
  InitCipher(env, target);
  InitDiffieHellman(env, target);
  InitRandom(env, target);
  InitSecureContext(env, target);
}

}  // namespace crypto
}  // namespace binding
}  // namespace nodus
