// Tests the agent end to end: the real runtime runs a script with --debug-brk=0 (or --debug=0),
// and the test speaks the wire protocol to it over TCP, as a client would.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "debugger/proto/debugger.pb.h"
#include "debugger/proto/framing.h"
#include "gtest/gtest.h"

extern char** environ;

namespace nodus::debugger {
namespace {

constexpr int kTimeoutMs = 20000;

std::string WriteScript(const std::string& name, const std::string& source) {
  const char* dir = std::getenv("TEST_TMPDIR");
  std::string path = std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
  std::ofstream(path) << source;
  return path;
}

// Reads from `fd` until `until` says the text is complete, the fd closes, or time runs out.
template <typename Predicate>
bool ReadUntil(int fd, std::string* text, Predicate until) {
  while (!until(*text)) {
    pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, kTimeoutMs) <= 0) return false;
    char buffer[4096];
    ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n <= 0) return until(*text);
    text->append(buffer, static_cast<size_t>(n));
  }
  return true;
}

// The runtime under test, with its stdout and stderr on pipes.
class Debuggee {
 public:
  Debuggee(const std::string& flag, const std::string& script) {
    std::string runtime = std::string(std::getenv("TEST_SRCDIR")) + "/nodus/runtime/runtime";
    int out[2], err[2];
    EXPECT_EQ(pipe(out), 0);
    EXPECT_EQ(pipe(err), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    std::vector<std::string> args = {runtime, flag, script};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    EXPECT_EQ(posix_spawn(&pid_, runtime.c_str(), &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err[1]);
    stdout_ = out[0];
    stderr_ = err[0];
  }

  ~Debuggee() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(stdout_);
    close(stderr_);
  }

  // The port from "debugger listening on port N" on stderr, or -1.
  int Port() {
    std::string text;
    const std::string prefix = "debugger listening on port ";
    ReadUntil(stderr_, &text, [&](const std::string& t) {
      return t.find(prefix) != std::string::npos && t.find('\n', t.find(prefix)) != std::string::npos;
    });
    size_t at = text.find(prefix);
    if (at == std::string::npos) return -1;
    return std::atoi(text.c_str() + at + prefix.size());
  }

  // Everything the program writes to stdout until it closes it.
  std::string Output() {
    std::string text;
    ReadUntil(stdout_, &text, [](const std::string&) { return false; });
    return text;
  }

  int Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  int stdout_ = -1;
  int stderr_ = -1;
};

// A protocol client over a blocking socket.
class Connection {
 public:
  explicit Connection(int port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
  }
  ~Connection() { close(fd_); }
  bool connected() const { return connected_; }

  void SendRaw(const std::string& bytes) {
    ASSERT_EQ(write(fd_, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }

  void Send(Request request) {
    request.set_seq(++seq_);
    SendRaw(EncodeFrame(request));
  }

  // The next message, or false once the agent has closed the connection (or time ran out).
  bool Read(AgentMessage* message) {
    std::string payload;
    while (reader_.Next(&payload) != FrameReader::Result::kFrame) {
      pollfd p = {fd_, POLLIN, 0};
      if (poll(&p, 1, kTimeoutMs) <= 0) return false;
      char buffer[65536];
      ssize_t n = read(fd_, buffer, sizeof(buffer));
      if (n <= 0) return false;
      reader_.Append(buffer, static_cast<size_t>(n));
    }
    return message->ParseFromString(payload);
  }

  Break ReadBreak() {
    AgentMessage message;
    while (Read(&message)) {
      if (message.has_event() && message.event().has_break_event()) {
        return message.event().break_event();
      }
    }
    ADD_FAILURE() << "no break event";
    return Break();
  }

  // Sends `request` and returns its response, skipping events.
  Response Call(const Request& request) {
    Send(request);
    AgentMessage message;
    while (Read(&message)) {
      if (message.has_response() && message.response().request_seq() == seq_) {
        return message.response();
      }
    }
    ADD_FAILURE() << "no response to request " << seq_;
    return Response();
  }

  bool Closed() {
    AgentMessage message;
    while (Read(&message)) {
    }
    return true;
  }

 private:
  int fd_;
  bool connected_ = false;
  uint32_t seq_ = 0;
  FrameReader reader_;
};

Request EvaluateRequest(const std::string& expression) {
  Request request;
  request.mutable_evaluate()->set_expression(expression);
  return request;
}

TEST(AgentTest, BreakpointBacktraceEvaluate) {
  std::string script = WriteScript("debuggee.js",
                                   "var greeting = 'hi';\n"
                                   "function square(n) {\n"
                                   "  var result = n * n;\n"
                                   "  return result;\n"
                                   "}\n"
                                   "console.log(greeting, square(7));\n");
  Debuggee debuggee("--debug-brk=0", script);
  int port = debuggee.Port();
  ASSERT_GT(port, 0);
  Connection connection(port);
  ASSERT_TRUE(connection.connected());

  // --debug-brk stops on the main module's first line.
  Break start = connection.ReadBreak();
  ASSERT_GT(start.frames_size(), 0);
  EXPECT_EQ(start.reason(), "start");
  EXPECT_EQ(start.frames(0).location().url(), script);
  EXPECT_EQ(start.frames(0).location().line(), 1u);

  Request sb;
  sb.mutable_set_breakpoint()->mutable_script_line()->set_script("debuggee.js");
  sb.mutable_set_breakpoint()->mutable_script_line()->set_line(3);
  Response set = connection.Call(sb);
  ASSERT_TRUE(set.success()) << set.error();
  EXPECT_FALSE(set.breakpoint_set().breakpoint_id().empty());
  ASSERT_EQ(set.breakpoint_set().locations_size(), 1);
  EXPECT_EQ(set.breakpoint_set().locations(0).line(), 3u);

  Request cont;
  cont.mutable_cont();
  ASSERT_TRUE(connection.Call(cont).success());
  Break hit = connection.ReadBreak();
  EXPECT_EQ(hit.reason(), "breakpoint");
  ASSERT_EQ(hit.hit_breakpoints_size(), 1);
  EXPECT_EQ(hit.hit_breakpoints(0), set.breakpoint_set().breakpoint_id());

  Request bt;
  bt.mutable_backtrace();
  Response trace = connection.Call(bt);
  ASSERT_TRUE(trace.success()) << trace.error();
  ASSERT_GE(trace.backtrace().frames_size(), 2);
  EXPECT_EQ(trace.backtrace().frames(0).function_name(), "square");
  EXPECT_EQ(trace.backtrace().frames(0).location().line(), 3u);
  EXPECT_EQ(trace.backtrace().frames(1).location().line(), 6u);
  EXPECT_EQ(trace.backtrace().frames(1).location().url(), script);

  Response value = connection.Call(EvaluateRequest("n * 2"));
  ASSERT_TRUE(value.success()) << value.error();
  EXPECT_EQ(value.value().text(), "14");
  EXPECT_EQ(value.value().type(), "number");
  // Frame 0 is square's: `greeting` is not in its scope, but globals are.
  EXPECT_EQ(connection.Call(EvaluateRequest("typeof process")).value().text(), "'object'");
  // Objects as util.inspect prints them (depth 2), not from the inspector's one-level preview.
  EXPECT_EQ(connection.Call(EvaluateRequest("({a: [1, 2], b: 'x'})")).value().text(),
            "{ a: [ 1, 2 ], b: 'x' }");
  EXPECT_EQ(connection.Call(EvaluateRequest("({a: {b: {c: {d: 1}}}})")).value().text(),
            "{ a: { b: { c: [Object] } } }");
  EXPECT_EQ(connection.Call(EvaluateRequest("new Buffer('hi')")).value().text(),
            "<Buffer 68 69>");
  Response thrown = connection.Call(EvaluateRequest("nope + 1"));
  ASSERT_TRUE(thrown.success());
  EXPECT_TRUE(thrown.value().thrown());
  // A thrown Error's text is its stack.
  EXPECT_EQ(thrown.value().text().rfind("ReferenceError: nope is not defined\n    at ", 0), 0u)
      << thrown.value().text();
  Response thrown_object = connection.Call(EvaluateRequest("(function() { throw {e: [1]}; })()"));
  EXPECT_TRUE(thrown_object.value().thrown());
  EXPECT_EQ(thrown_object.value().text(), "{ e: [ 1 ] }");

  Request in_caller = EvaluateRequest("greeting + '!'");
  in_caller.mutable_evaluate()->set_frame(1);
  EXPECT_EQ(connection.Call(in_caller).value().text(), "'hi!'");
  in_caller.mutable_evaluate()->set_frame(99);
  EXPECT_FALSE(connection.Call(in_caller).success());

  Request scripts;
  scripts.mutable_list_scripts();
  Response list = connection.Call(scripts);
  std::string script_id;
  for (const Script& s : list.scripts().scripts()) {
    if (s.url() == script) script_id = s.script_id();
  }
  ASSERT_FALSE(script_id.empty());
  Request source;
  source.mutable_source()->set_script_id(script_id);
  Response text = connection.Call(source);
  ASSERT_TRUE(text.success()) << text.error();
  EXPECT_NE(text.source().text().find("function square(n)"), std::string::npos);
  source.mutable_source()->set_script_id("no-such-script");
  EXPECT_FALSE(connection.Call(source).success());

  Request version;
  version.mutable_version();
  EXPECT_FALSE(connection.Call(version).version().v8().empty());

  // Step out of square, then clear the breakpoint and let the program finish.
  Request out;
  out.mutable_step()->set_kind(Step::OUT);
  ASSERT_TRUE(connection.Call(out).success());
  Break stepped = connection.ReadBreak();
  ASSERT_GT(stepped.frames_size(), 0);
  EXPECT_EQ(stepped.frames(0).location().line(), 6u);

  Request cb;
  cb.mutable_clear_breakpoint()->set_breakpoint_id(set.breakpoint_set().breakpoint_id());
  EXPECT_TRUE(connection.Call(cb).success());
  ASSERT_TRUE(connection.Call(cont).success());
  EXPECT_EQ(debuggee.Output(), "hi 49\n");
  EXPECT_TRUE(connection.Closed());
  EXPECT_EQ(debuggee.Wait(), 0);
}

TEST(AgentTest, RunsNormallyWithoutAClient) {
  std::string script = WriteScript("alone.js",
                                   "setTimeout(function() {\n"
                                   "  debugger;\n"
                                   "  console.log('done');\n"
                                   "}, 10);\n");
  Debuggee debuggee("--debug=0", script);
  EXPECT_GT(debuggee.Port(), 0);
  EXPECT_EQ(debuggee.Output(), "done\n");
  EXPECT_EQ(debuggee.Wait(), 0);
}

TEST(AgentTest, DebuggerStatementStopsWhenAttached) {
  std::string script = WriteScript("statement.js",
                                   "var x = 5;\n"
                                   "setTimeout(function() {\n"
                                   "  debugger;\n"
                                   "  console.log('world', x);\n"
                                   "}, 100);\n");
  Debuggee debuggee("--debug-brk=0", script);
  Connection connection(debuggee.Port());
  ASSERT_TRUE(connection.connected());
  connection.ReadBreak();
  Request cont;
  cont.mutable_cont();
  ASSERT_TRUE(connection.Call(cont).success());
  // The program now waits for its timer, running: there is nothing to continue or step.
  Response again = connection.Call(cont);
  EXPECT_FALSE(again.success());
  EXPECT_EQ(again.error(), "not paused");
  Request bt;
  bt.mutable_backtrace();
  EXPECT_FALSE(connection.Call(bt).success());
  // Evaluation works while running too, in the global scope.
  Response global = connection.Call(EvaluateRequest("typeof setTimeout"));
  EXPECT_TRUE(global.success()) << global.error();
  EXPECT_EQ(global.value().text(), "'function'");
  EXPECT_EQ(connection.Call(EvaluateRequest("[1, [2, [3, [4]]]]")).value().text(),
            "[ 1, [ 2, [ 3, [Object] ] ] ]");
  // util.inspect calls an object's own inspect(): the `debugger;` in it does not stop the
  // program, so no Break comes before the answer.
  connection.Send(EvaluateRequest("({inspect: function() { debugger; return 'own'; }})"));
  AgentMessage answer;
  ASSERT_TRUE(connection.Read(&answer));
  ASSERT_TRUE(answer.has_response()) << answer.DebugString();
  EXPECT_EQ(answer.response().value().text(), "own");
  Break stop = connection.ReadBreak();
  ASSERT_GT(stop.frames_size(), 0);
  EXPECT_EQ(stop.frames(0).location().line(), 3u);
  Response set = connection.Call(EvaluateRequest("x = 6"));
  EXPECT_EQ(set.value().text(), "6");
  Request next;
  next.mutable_step()->set_kind(Step::OVER);
  ASSERT_TRUE(connection.Call(next).success());
  EXPECT_EQ(connection.ReadBreak().frames(0).location().line(), 4u);
  ASSERT_TRUE(connection.Call(cont).success());
  EXPECT_EQ(debuggee.Output(), "world 6\n");
  EXPECT_EQ(debuggee.Wait(), 0);
}

// Bytes that are not the protocol get an error response or a closed connection; the program
// carries on either way.
class BadInputTest : public testing::TestWithParam<std::string> {};

TEST_P(BadInputTest, ErrorOrCloseNeverCrash) {
  std::string script = WriteScript("bad.js", "console.log('still fine');\n");
  Debuggee debuggee("--debug-brk=0", script);
  Connection connection(debuggee.Port());
  ASSERT_TRUE(connection.connected());
  connection.ReadBreak();
  connection.SendRaw(GetParam());
  AgentMessage message;
  while (connection.Read(&message)) {
    if (message.has_response()) {
      EXPECT_FALSE(message.response().success());
    }
  }
  EXPECT_EQ(debuggee.Output(), "still fine\n");
  EXPECT_EQ(debuggee.Wait(), 0);
}

std::string Frame(const std::string& payload) {
  uint32_t n = static_cast<uint32_t>(payload.size());
  std::string out = {static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                     static_cast<char>(n >> 8), static_cast<char>(n)};
  return out + payload;
}

std::string Garbage() {
  std::string bytes;
  uint32_t state = 12345;
  for (int i = 0; i < 100000; i++) {
    state = state * 1103515245 + 12345;
    bytes.push_back(static_cast<char>(state >> 16));
  }
  return bytes;
}

INSTANTIATE_TEST_SUITE_P(
    Bytes, BadInputTest,
    testing::Values(std::string("\x7f\xff\xff\xff" "abc", 7),  // oversized length
                    Frame(std::string("\xff\xff\xff\xff\xff", 5)),  // not a protobuf message
                    Frame(std::string("\x08\x05\xa0\x06", 4)),  // truncated unknown field
                    Garbage()));

TEST(AgentTest, UnknownRequestGetsAnErrorAndTheConnectionStays) {
  std::string script = WriteScript("unknown.js", "console.log('ok');\n");
  Debuggee debuggee("--debug-brk=0", script);
  Connection connection(debuggee.Port());
  ASSERT_TRUE(connection.connected());
  connection.ReadBreak();
  Response empty = connection.Call(Request());
  EXPECT_FALSE(empty.success());
  EXPECT_EQ(empty.error(), "unknown request");
  // A request from a newer client: a command this agent does not know (field 100).
  connection.SendRaw(Frame(std::string("\x08\x09\xa2\x06\x00", 5)));
  AgentMessage message;
  ASSERT_TRUE(connection.Read(&message));
  EXPECT_EQ(message.response().request_seq(), 9u);
  EXPECT_EQ(message.response().error(), "unknown request");
  Request bad_breakpoint;
  bad_breakpoint.mutable_set_breakpoint()->mutable_script_line()->set_line(0);
  EXPECT_FALSE(connection.Call(bad_breakpoint).success());
  Request no_function;
  no_function.mutable_set_breakpoint()->set_function("notDefined()");
  EXPECT_FALSE(connection.Call(no_function).success());
  Request cont;
  cont.mutable_cont();
  EXPECT_TRUE(connection.Call(cont).success());
  EXPECT_EQ(debuggee.Output(), "ok\n");
  EXPECT_EQ(debuggee.Wait(), 0);
}

}  // namespace
}  // namespace nodus::debugger
