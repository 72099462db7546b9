// addons.markdown's hello.cc, ported to today's V8 API (the documented one uses v8::Arguments,
// String::New and HandleScope::Close, which V8 10.2 no longer has). Same module name, same
// exported function, same result.
#include <node.h>
#include <v8.h>

using namespace v8;

void Method(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(String::NewFromUtf8Literal(args.GetIsolate(), "world"));
}

void init(Local<Object> target) {
  NODE_SET_METHOD(target, "hello", Method);
}

NODE_MODULE(hello, init)
