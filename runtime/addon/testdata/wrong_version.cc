// A library whose module struct claims another ABI version: loading it must fail with an Error.
#include <node.h>

namespace {
void Init(v8::Local<v8::Object>) {}
}  // namespace

extern "C" {
__attribute__((visibility("default"))) node::node_module_struct wrong_version_module = {
    node::kModuleVersion + 1, nullptr, __FILE__, Init, "wrong_version"};
}
