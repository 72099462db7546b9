// Diffie-Hellman key exchange for process.binding('crypto'):
//
//   new DiffieHellman(bits)      generates a safe prime of `bits` bits, generator 2 (slow:
//                                synchronous, as v0.6's was; OpenSSL 3 refuses < 512 bits)
//   new DiffieHellman(prime)     the big-endian prime given as bytes, generator 2
//   generateKeys() -> public key; computeSecret(otherPublicKey) -> shared secret
//   getPrime(), getGenerator(), getPublicKey(), getPrivateKey() -> bytes
//   setPublicKey(bytes), setPrivateKey(bytes)
//
// The numbers are kept as BIGNUMs; keys are generated and secrets derived through EVP_PKEY
// objects built from them on demand. The secret is zero-padded on the left to the prime's
// length, so both sides always get the same bytes (a bare DH value drops leading zeros).
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/dh.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "runtime/bindings/crypto/crypto.h"
#include "runtime/core/args.h"
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

// The largest modulus OpenSSL will use for DH.
constexpr double kMaxPrimeBits = OPENSSL_DH_MAX_MODULUS_BITS;

class DiffieHellman : public CryptoObject {
 public:
  NODUS_WRAPPER_TYPE(DiffieHellman);
  DiffieHellman(Isolate* isolate, Local<Object> object, BIGNUM* p, BIGNUM* g)
      : CryptoObject(isolate, object, kDiffieHellmanSize, &kWrapperType), p_(p), g_(g) {}
  ~DiffieHellman() override {
    BN_free(p_);
    BN_free(g_);
    BN_free(pub_);
    BN_clear_free(priv_);
  }

  const BIGNUM* p() const { return p_; }
  const BIGNUM* g() const { return g_; }
  const BIGNUM* pub() const { return pub_; }
  const BIGNUM* priv() const { return priv_; }
  void set_pub(BIGNUM* pub) {
    BN_free(pub_);
    pub_ = pub;
  }
  void set_priv(BIGNUM* priv) {
    BN_clear_free(priv_);
    priv_ = priv;
    if (priv_ != nullptr) BN_set_flags(priv_, BN_FLG_CONSTTIME);
  }

  // An EVP_PKEY of this group with the given key numbers (either may be null) and `selection`
  // (EVP_PKEY_KEY_PARAMETERS, EVP_PKEY_PUBLIC_KEY or EVP_PKEY_KEYPAIR). nullptr on failure.
  EVP_PKEY* BuildKey(int selection, const BIGNUM* pub, const BIGNUM* priv) const {
    EVP_PKEY* pkey = nullptr;
    OSSL_PARAM_BLD* builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM* params = nullptr;
    EVP_PKEY_CTX* ctx = nullptr;
    if (builder != nullptr && OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_FFC_P, p_) &&
        OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_FFC_G, g_) &&
        (pub == nullptr || OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_PUB_KEY, pub)) &&
        (priv == nullptr || OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_PRIV_KEY, priv)) &&
        (params = OSSL_PARAM_BLD_to_param(builder)) != nullptr &&
        (ctx = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr)) != nullptr &&
        EVP_PKEY_fromdata_init(ctx) == 1) {
      if (EVP_PKEY_fromdata(ctx, &pkey, selection, params) != 1) pkey = nullptr;
    }
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    return pkey;
  }

 private:
  BIGNUM* p_;
  BIGNUM* g_;
  BIGNUM* pub_ = nullptr;
  BIGNUM* priv_ = nullptr;
};
NODUS_DEFINE_WRAPPER_TYPE(DiffieHellman, CryptoObject);

// g^priv mod p, for a private key set by hand. nullptr on failure.
BIGNUM* PublicFromPrivate(const DiffieHellman* dh) {
  BN_CTX* bn_ctx = BN_CTX_new();
  BIGNUM* pub = BN_new();
  bool ok = bn_ctx != nullptr && pub != nullptr &&
            BN_mod_exp_mont_consttime(pub, dh->g(), dh->priv(), dh->p(), bn_ctx, nullptr) == 1;
  BN_CTX_free(bn_ctx);
  if (!ok) {
    BN_free(pub);
    return nullptr;
  }
  return pub;
}

// Generates a safe prime of `bits` bits for generator 2 into *p and *g.
bool GenerateGroup(int bits, BIGNUM** p, BIGNUM** g) {
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr);
  EVP_PKEY* params = nullptr;
  bool ok = ctx != nullptr && EVP_PKEY_paramgen_init(ctx) == 1 &&
            EVP_PKEY_CTX_set_dh_paramgen_prime_len(ctx, bits) == 1 &&
            EVP_PKEY_CTX_set_dh_paramgen_generator(ctx, 2) == 1 &&
            EVP_PKEY_paramgen(ctx, &params) == 1 &&
            EVP_PKEY_get_bn_param(params, OSSL_PKEY_PARAM_FFC_P, p) == 1 &&
            EVP_PKEY_get_bn_param(params, OSSL_PKEY_PARAM_FFC_G, g) == 1;
  EVP_PKEY_free(params);
  EVP_PKEY_CTX_free(ctx);
  return ok;
}

void DiffieHellmanNew(const FunctionCallbackInfo<Value>& args) {
  if (!CryptoObject::BeginConstruct(args)) return;
  Isolate* isolate = args.GetIsolate();
  BIGNUM* p = nullptr;
  BIGNUM* g = nullptr;
  if (args[0]->IsNumber()) {
    int32_t bits;
    if (!GetInt32Arg(args, 0, "prime length", &bits, 2, static_cast<int32_t>(kMaxPrimeBits))) {
      return;
    }
    if (!GenerateGroup(bits, &p, &g)) {
      BN_free(p);
      BN_free(g);
      return ThrowOpenSSLError(isolate, "Initialization failed");
    }
  } else {
    Bytes prime;
    if (!args[0]->IsArrayBufferView()) {
      return ThrowTypeError(isolate, "first argument must be a prime length or a prime");
    }
    if (!GetBytesArg(args, 0, "prime", &prime)) return;
    if (prime.length > static_cast<size_t>(kMaxPrimeBits / 8) + 1) {
      return ThrowRangeError(isolate, "prime is too large");
    }
    p = BN_bin2bn(prime.data, static_cast<int>(prime.length), nullptr);
    g = BN_new();
    if (p == nullptr || g == nullptr || BN_set_word(g, 2) != 1) {
      BN_free(p);
      BN_free(g);
      return ThrowOpenSSLError(isolate, "Initialization failed");
    }
    // Even the tiniest group needs an odd modulus above the generator.
    if (BN_cmp(p, g) <= 0 || !BN_is_odd(p)) {
      BN_free(p);
      BN_free(g);
      return ThrowErrorWithCode(isolate, "Initialization failed: the prime is not an odd number"
                                         " greater than 2", "ERR_CRYPTO_INVALID_PRIME");
    }
  }
  new DiffieHellman(isolate, args.This(), p, g);
}

// A BIGNUM as big-endian bytes, into a Uint8Array of at least `min_length` bytes (zeros first).
void ReturnBignum(const FunctionCallbackInfo<Value>& args, const BIGNUM* n, size_t min_length) {
  Isolate* isolate = args.GetIsolate();
  size_t length = std::max(static_cast<size_t>(BN_num_bytes(n)), min_length);
  OutBuffer out(length);
  if (!out.ok()) return ThrowRangeError(isolate, "out of memory");
  if (length > 0 && BN_bn2binpad(n, out.data(), static_cast<int>(length)) < 0) {
    return ThrowOpenSSLError(isolate, "could not encode the number");
  }
  args.GetReturnValue().Set(out.Release(isolate, length));
}

void GenerateKeys(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  DiffieHellman* dh = CryptoObject::Unwrap<DiffieHellman>(args);
  if (dh == nullptr) return;
  if (dh->priv() != nullptr) {
    // A private key set by hand is kept, and the public key recomputed from it, as v0.6 did.
    BIGNUM* pub = PublicFromPrivate(dh);
    if (pub == nullptr) return ThrowOpenSSLError(isolate, "Key generation failed");
    dh->set_pub(pub);
    return ReturnBignum(args, dh->pub(), 0);
  }
  EVP_PKEY* params = dh->BuildKey(EVP_PKEY_KEY_PARAMETERS, nullptr, nullptr);
  EVP_PKEY_CTX* ctx = params == nullptr ? nullptr : EVP_PKEY_CTX_new_from_pkey(nullptr, params,
                                                                                 nullptr);
  EVP_PKEY* key = nullptr;
  BIGNUM* pub = nullptr;
  BIGNUM* priv = nullptr;
  bool ok = ctx != nullptr && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &key) == 1 &&
            EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PUB_KEY, &pub) == 1 &&
            EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PRIV_KEY, &priv) == 1;
  EVP_PKEY_free(key);
  EVP_PKEY_CTX_free(ctx);
  EVP_PKEY_free(params);
  if (!ok) {
    BN_free(pub);
    BN_clear_free(priv);
    return ThrowOpenSSLError(isolate, "Key generation failed");
  }
  dh->set_pub(pub);
  dh->set_priv(priv);
  ReturnBignum(args, dh->pub(), 0);
}

void ComputeSecret(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  DiffieHellman* dh = CryptoObject::Unwrap<DiffieHellman>(args);
  if (dh == nullptr) return;
  Bytes other;
  if (!GetBytesArg(args, 0, "other public key", &other)) return;
  if (dh->priv() == nullptr) {
    return ThrowErrorWithCode(isolate, "No private key - did you forget to generate one?",
                              "ERR_CRYPTO_INVALID_STATE");
  }
  if (other.length > static_cast<size_t>(kMaxPrimeBits / 8) + 1) {
    return ThrowErrorWithCode(isolate, "Supplied key is too large", "ERR_CRYPTO_INVALID_KEY");
  }
  BIGNUM* peer_pub = BN_bin2bn(other.data, static_cast<int>(other.length), nullptr);
  BIGNUM* p_minus_1 = BN_dup(dh->p());
  if (peer_pub == nullptr || p_minus_1 == nullptr || BN_sub_word(p_minus_1, 1) != 1) {
    BN_free(peer_pub);
    BN_free(p_minus_1);
    return ThrowOpenSSLError(isolate, "out of memory");
  }
  // 0, 1 and p-1 (and anything not below p) give a secret an eavesdropper knows.
  bool too_small = BN_cmp(peer_pub, BN_value_one()) <= 0;
  bool too_large = BN_cmp(peer_pub, p_minus_1) >= 0;
  BN_free(p_minus_1);
  if (too_small || too_large) {
    BN_free(peer_pub);
    return ThrowErrorWithCode(isolate,
                              too_small ? "Supplied key is too small" : "Supplied key is too large",
                              "ERR_CRYPTO_INVALID_KEY");
  }
  BIGNUM* own_pub = dh->pub() != nullptr ? nullptr : PublicFromPrivate(dh);
  EVP_PKEY* own = dh->BuildKey(EVP_PKEY_KEYPAIR, own_pub != nullptr ? own_pub : dh->pub(),
                               dh->priv());
  EVP_PKEY* peer = dh->BuildKey(EVP_PKEY_PUBLIC_KEY, peer_pub, nullptr);
  BN_free(own_pub);
  BN_free(peer_pub);
  EVP_PKEY_CTX* ctx = own == nullptr ? nullptr : EVP_PKEY_CTX_new_from_pkey(nullptr, own, nullptr);
  size_t prime_length = static_cast<size_t>(BN_num_bytes(dh->p()));
  OutBuffer out(prime_length);
  size_t length = prime_length;
  // "pad": the secret fills the prime's length, leading zeros included.
  unsigned int pad = 1;
  OSSL_PARAM params[] = {OSSL_PARAM_construct_uint(OSSL_EXCHANGE_PARAM_PAD, &pad),
                         OSSL_PARAM_construct_end()};
  bool ok = ctx != nullptr && peer != nullptr && out.ok() && EVP_PKEY_derive_init(ctx) == 1 &&
            EVP_PKEY_CTX_set_params(ctx, params) == 1 &&
            EVP_PKEY_derive_set_peer(ctx, peer) == 1 &&
            EVP_PKEY_derive(ctx, out.data(), &length) == 1 && length <= prime_length;
  EVP_PKEY_CTX_free(ctx);
  EVP_PKEY_free(own);
  EVP_PKEY_free(peer);
  if (!ok) return ThrowOpenSSLError(isolate, "Invalid key");
  args.GetReturnValue().Set(out.Release(isolate, length));
}

void GetPrime(const FunctionCallbackInfo<Value>& args) {
  DiffieHellman* dh = CryptoObject::Unwrap<DiffieHellman>(args);
  if (dh != nullptr) ReturnBignum(args, dh->p(), 0);
}

void GetGenerator(const FunctionCallbackInfo<Value>& args) {
  DiffieHellman* dh = CryptoObject::Unwrap<DiffieHellman>(args);
  if (dh != nullptr) ReturnBignum(args, dh->g(), 0);
}

void GetPublicKey(const FunctionCallbackInfo<Value>& args) {
  DiffieHellman* dh = CryptoObject::Unwrap<DiffieHellman>(args);
  if (dh == nullptr) return;
  if (dh->pub() == nullptr) {
    return ThrowErrorWithCode(args.GetIsolate(),
                              "No public key - did you forget to generate one?",
                              "ERR_CRYPTO_INVALID_STATE");
  }
  ReturnBignum(args, dh->pub(), 0);
}

void GetPrivateKey(const FunctionCallbackInfo<Value>& args) {
  DiffieHellman* dh = CryptoObject::Unwrap<DiffieHellman>(args);
  if (dh == nullptr) return;
  if (dh->priv() == nullptr) {
    return ThrowErrorWithCode(args.GetIsolate(),
                              "No private key - did you forget to generate one?",
                              "ERR_CRYPTO_INVALID_STATE");
  }
  ReturnBignum(args, dh->priv(), 0);
}

// The setters take any number below the size limit; computeSecret checks the peer's key.
BIGNUM* KeyArg(const FunctionCallbackInfo<Value>& args) {
  Bytes key;
  if (!GetBytesArg(args, 0, "key", &key)) return nullptr;
  if (key.length > static_cast<size_t>(kMaxPrimeBits / 8) + 1) {
    ThrowRangeError(args.GetIsolate(), "key is too large");
    return nullptr;
  }
  BIGNUM* n = BN_bin2bn(key.data, static_cast<int>(key.length), nullptr);
  if (n == nullptr) ThrowOpenSSLError(args.GetIsolate(), "out of memory");
  return n;
}

void SetPublicKey(const FunctionCallbackInfo<Value>& args) {
  DiffieHellman* dh = CryptoObject::Unwrap<DiffieHellman>(args);
  if (dh == nullptr) return;
  BIGNUM* n = KeyArg(args);
  if (n != nullptr) dh->set_pub(n);
}

void SetPrivateKey(const FunctionCallbackInfo<Value>& args) {
  DiffieHellman* dh = CryptoObject::Unwrap<DiffieHellman>(args);
  if (dh == nullptr) return;
  BIGNUM* n = KeyArg(args);
  if (n != nullptr) dh->set_priv(n);
}

}  // namespace

void InitDiffieHellman(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<FunctionTemplate> dh = NewClass(isolate, "DiffieHellman", DiffieHellmanNew);
  SetProtoMethod(isolate, dh, "generateKeys", GenerateKeys);
  SetProtoMethod(isolate, dh, "computeSecret", ComputeSecret);
  SetProtoMethod(isolate, dh, "getPrime", GetPrime);
  SetProtoMethod(isolate, dh, "getGenerator", GetGenerator);
  SetProtoMethod(isolate, dh, "getPublicKey", GetPublicKey);
  SetProtoMethod(isolate, dh, "getPrivateKey", GetPrivateKey);
  SetProtoMethod(isolate, dh, "setPublicKey", SetPublicKey);
  SetProtoMethod(isolate, dh, "setPrivateKey", SetPrivateKey);
  ExportClass(env, target, "DiffieHellman", dh);
}

}  // namespace crypto
}  // namespace binding
}  // namespace nodus
