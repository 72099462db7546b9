#include "runtime/builtins/loader.h"

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "runtime/builtins/builtin_sources.h"
#include "runtime/core/util.h"

namespace nodus {
namespace builtins {

using v8::Context;
using v8::Function;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::ScriptCompiler;
using v8::ScriptOrigin;
using v8::String;

namespace {

// Points V8 at the embedded bytes; they live as long as the process, so disposal is a no-op.
class StaticOneByteResource : public String::ExternalOneByteStringResource {
 public:
  StaticOneByteResource(const char* data, size_t length) : data_(data), length_(length) {}
  const char* data() const override { return data_; }
  size_t length() const override { return length_; }
  void Dispose() override { delete this; }

 private:
  const char* data_;
  size_t length_;
};

const BuiltinSource* Find(const char* id) {
  for (size_t i = 0; i < kBuiltinSourceCount; i++) {
    if (std::strcmp(kBuiltinSources[i].id, id) == 0) return &kBuiltinSources[i];
  }
  return nullptr;
}

MaybeLocal<String> SourceString(Environment* env, const char* id) {
  Isolate* isolate = env->isolate();
  if (!env->builtins_dir().empty()) {
    std::ifstream in(env->builtins_dir() + "/" + id + ".js", std::ios::binary);
    if (in) {
      std::stringstream content;
      content << in.rdbuf();
      return Utf8String(isolate, content.str());
    }
  }
  const BuiltinSource* source = Find(id);
  if (source == nullptr) {
    std::string message = std::string("No such built-in module: ") + id;
    ThrowError(isolate, message.c_str());
    return MaybeLocal<String>();
  }
  if (source->ascii) {
    return String::NewExternalOneByte(isolate,
                                      new StaticOneByteResource(source->data, source->length));
  }
  return Utf8String(isolate, source->data, source->length);
}

}  // namespace

bool Exists(const char* id) { return Find(id) != nullptr; }

MaybeLocal<Function> CompileBuiltin(Environment* env, const char* id) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<String> source_text;
  if (!SourceString(env, id).ToLocal(&source_text)) return MaybeLocal<Function>();
  std::string filename = std::string(id) + ".js";
  ScriptOrigin origin(isolate, OneByteString(isolate, filename.c_str()));
  ScriptCompiler::Source source(source_text, origin);
  if (std::strcmp(id, "_bootstrap") == 0) {
    Local<String> params[] = {OneByteString(isolate, "process")};
    return ScriptCompiler::CompileFunction(context, &source, 1, params);
  }
  Local<String> params[] = {
      OneByteString(isolate, "exports"), OneByteString(isolate, "require"),
      OneByteString(isolate, "module"), OneByteString(isolate, "__filename"),
      OneByteString(isolate, "__dirname")};
  return ScriptCompiler::CompileFunction(context, &source, 5, params);
}

}  // namespace builtins
}  // namespace nodus
