// An addon that calls OpenSSL without linking it, as addons built for node do (node's binary
// carries OpenSSL's symbols): runtime/addon/addon_test.js. Nodus loads OpenSSL on first use, and
// process.dlopen loads it before any addon, so the call below finds it.
#include <node.h>
#include <openssl/crypto.h>

namespace {

void Version(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(OpenSSL_version_num()));
}

void Init(v8::Local<v8::Object> exports) { NODE_SET_METHOD(exports, "opensslVersion", Version); }

}  // namespace

NODE_MODULE(openssl_user, Init)
