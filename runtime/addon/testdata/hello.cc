// The addons.markdown hello example on today's V8 API, plus a function that takes arguments and
// one that throws, for runtime/addon/addon_test.js.
#include <node.h>

namespace {

void Hello(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(v8::String::NewFromUtf8Literal(args.GetIsolate(), "world"));
}

void Add(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  if (args.Length() < 2 || !args[0]->IsNumber() || !args[1]->IsNumber()) {
    isolate->ThrowException(v8::Exception::TypeError(
        v8::String::NewFromUtf8Literal(isolate, "add takes two numbers")));
    return;
  }
  double sum = args[0].As<v8::Number>()->Value() + args[1].As<v8::Number>()->Value();
  args.GetReturnValue().Set(sum);
}

void Init(v8::Local<v8::Object> exports) {
  NODE_SET_METHOD(exports, "hello", Hello);
  NODE_SET_METHOD(exports, "add", Add);
}

}  // namespace

NODE_MODULE(hello, Init)
