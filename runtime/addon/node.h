// The header native addons include (`#include <node.h>`): what an addon needs to register itself
// with Nodus and to add functions to its exports, on today's V8 API (v8.h from libnode 18).
//
//   #include <node.h>
//   void Hello(const v8::FunctionCallbackInfo<v8::Value>& args) {
//     args.GetReturnValue().Set(v8::String::NewFromUtf8Literal(args.GetIsolate(), "world"));
//   }
//   void Init(v8::Local<v8::Object> exports) { NODE_SET_METHOD(exports, "hello", Hello); }
//   NODE_MODULE(hello, Init)      // built as hello.node: require('./hello') loads it
//
// As in v0.6, NODE_MODULE(name, init) defines the symbol `<name>_module`, and the runtime looks
// that symbol up from the file name (hello.node -> hello_module) when it loads the library
// (process.dlopen, used by require for `.node` files). Addons written against v0.6's V8 3.6 API
// (v8::Arguments, String::New, HandleScope::Close) do not compile: that API no longer exists.
#ifndef NODUS_ADDON_NODE_H_
#define NODUS_ADDON_NODE_H_

#include "v8.h"

namespace node {

// Bumped when this struct or the meaning of its fields changes; a library built against another
// version is refused with an error instead of being called.
constexpr int kModuleVersion = 0x4e44;  // 'ND' + 0: Nodus addon ABI 0

struct node_module_struct {
  int version;
  void* dso_handle;
  const char* filename;
  void (*register_func)(v8::Local<v8::Object> exports);
  const char* modname;
};

inline void SetMethod(v8::Local<v8::Object> target, const char* name,
                      v8::FunctionCallback callback) {
  v8::Isolate* isolate = v8::Isolate::GetCurrent();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::String> key = v8::String::NewFromUtf8(isolate, name).ToLocalChecked();
  v8::Local<v8::Function> fn =
      v8::FunctionTemplate::New(isolate, callback)->GetFunction(context).ToLocalChecked();
  fn->SetName(key);
  target->CreateDataProperty(context, key, fn).Check();
}

inline void SetPrototypeMethod(v8::Local<v8::FunctionTemplate> tmpl, const char* name,
                               v8::FunctionCallback callback) {
  v8::Isolate* isolate = v8::Isolate::GetCurrent();
  tmpl->PrototypeTemplate()->Set(isolate, name, v8::FunctionTemplate::New(isolate, callback));
}

}  // namespace node

#define NODE_SET_METHOD(target, name, callback) node::SetMethod(target, name, callback)
#define NODE_SET_PROTOTYPE_METHOD(tmpl, name, callback) \
  node::SetPrototypeMethod(tmpl, name, callback)

#define NODE_MODULE(modname, regfunc)                                                   \
  extern "C" {                                                                        \
  __attribute__((visibility("default"))) node::node_module_struct modname##_module = { \
      node::kModuleVersion, nullptr, __FILE__, regfunc, #modname};                    \
  }

#endif  // NODUS_ADDON_NODE_H_
