// process.binding() through the registry, in an Environment that is then destroyed: every
// binding's per-Environment state must go with it (issue 13, core contracts). A binding that
// leaves a libuv handle open fails the fixture's check that the loop closes; one that leaves
// memory behind fails under LeakSanitizer (--config=asan), which checks at exit, once the
// isolate that pointed at the memory is gone.
#include "runtime/bindings/registry.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "runtime/bindings/bindings.h"
#include "runtime/core/util.h"
#include "runtime/testing/env_test.h"

namespace nodus {
namespace {

using v8::Local;
using v8::Value;

std::vector<std::string> AllBindings() {
  std::vector<std::string> names;
#define V(name) names.push_back(#name);
  NODUS_BINDINGS(V)
#undef V
  return names;
}

class RegistryTest : public testing::EnvironmentTest {
 protected:
  RegistryTest() {
    SetGlobal("binding", v8::FunctionTemplate::New(isolate(), Binding)
                             ->GetFunction(context())
                             .ToLocalChecked());
  }
};

class EachBindingTest : public RegistryTest,
                        public ::testing::WithParamInterface<std::string> {};

// Initialize alone, then the Environment goes (in the fixture's destructor).
TEST_P(EachBindingTest, InitializesAndIsTornDownWithTheEnvironment) {
  Local<Value> exports = Js("binding('" + GetParam() + "')");
  ASSERT_TRUE(exports->IsObject());
  // Cached: a second call gives the same object and initializes nothing again.
  EXPECT_TRUE(Js("binding('" + GetParam() + "') === binding('" + GetParam() + "')")->IsTrue());
}

INSTANTIATE_TEST_SUITE_P(AllBindings, EachBindingTest, ::testing::ValuesIn(AllBindings()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.param;
                         });

// Every binding in one Environment, with the state the JS side makes live at the end: an armed
// timer, a signal watcher, a DNS request in flight, and TCP and Pipe handles made (and closed:
// handles JS owns are its to close). The cleanup hooks close what the bindings own themselves.
TEST_F(RegistryTest, AllBindingsWithLiveStateAreTornDownWithTheEnvironment) {
  for (const std::string& name : AllBindings()) {
    ASSERT_TRUE(Js("binding('" + name + "')")->IsObject()) << name;
  }
  Js(R"JS(
    var timer = binding('timer_wrap');
    timer.onTimeout = function() { note('timeout'); };
    timer.start(1e9);
    binding('signal_wrap').start(12);  // SIGUSR2: nothing sends it
    var tcp = new (binding('tcp_wrap').TCP)();
    var pipe = new (binding('pipe_wrap').Pipe)();
    tcp.close(function() { note('closed'); });
    pipe.close(function() { note('closed'); });
  )JS");
  ASSERT_TRUE(RunUntil([this] { return notes().size() == 2; }));
  EXPECT_EQ(notes()[0], "closed");
  EXPECT_EQ(notes()[1], "closed");
  // A reverse lookup left in flight: its answer (from /etc/hosts, delivered on the next turn, or
  // from a DNS server, later) is still pending when the Environment goes. It is freed without
  // reaching JS.
  Js("binding('cares_wrap').getHostByAddr({oncomplete: function() { note('dns'); }}, "
     "'127.0.0.1')");
  EXPECT_EQ(notes().size(), 2u);
}

TEST_F(RegistryTest, AnUnknownNameThrows) {
  std::string exception;
  EXPECT_TRUE(Eval("binding('no_such_binding')", &exception).IsEmpty());
  EXPECT_NE(exception.find("No such module: no_such_binding"), std::string::npos) << exception;
}

}  // namespace
}  // namespace nodus
