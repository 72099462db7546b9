// The listener chain of StreamWrap (stream_wrap.h): who sees a stream's reads, in which order,
// and what happens as listeners come and go, on real stream handles over socketpairs.
#include "runtime/core/stream_wrap.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/core/util.h"
#include "runtime/testing/env_test.h"

namespace nodus {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using v8::Local;
using v8::Object;

// A listener that records what it sees (in its own `data`, and as "<name> <nread>" in a shared
// log) and passes reads on or takes them. Like the HTTP parser, it leaves the chain when it is
// deleted while still in one.
class RecordingListener : public StreamListener {
 public:
  RecordingListener(std::string name, bool pass_on, std::vector<std::string>* log)
      : name_(std::move(name)), pass_on_(pass_on), log_(log) {}
  ~RecordingListener() override {
    if (stream() != nullptr) stream()->RemoveListener(this);
  }

  void OnStreamRead(ssize_t nread, const uv_buf_t& buf) override {
    log_->push_back(name_ + " " + std::to_string(nread));
    if (nread > 0) data_.append(buf.base, static_cast<size_t>(nread));
    if (pass_on_) PassOn(nread, buf);
  }
  void OnStreamGone(StreamWrap* stream) override {
    log_->push_back(name_ + " gone" + (this->stream() == nullptr ? "" : " (still attached)"));
    gone_from_ = stream;
  }
  bool HoldsReads() const override { return holds_reads_; }
  const void* kind() const override { return &kKind; }

  static const char kKind;
  const std::string& data() const { return data_; }
  StreamWrap* gone_from() const { return gone_from_; }
  void set_holds_reads(bool holds) { holds_reads_ = holds; }

 private:
  std::string name_;
  bool pass_on_;
  std::vector<std::string>* log_;
  std::string data_;
  StreamWrap* gone_from_ = nullptr;
  bool holds_reads_ = false;
};
const char RecordingListener::kKind = 0;

// A listener that owns itself: it deletes itself when its stream goes, as a pipe does.
class SelfDeletingListener : public StreamListener {
 public:
  explicit SelfDeletingListener(int* deleted) : deleted_(deleted) {}
  ~SelfDeletingListener() override { ++*deleted_; }
  void OnStreamRead(ssize_t nread, const uv_buf_t& buf) override { PassOn(nread, buf); }
  void OnStreamGone(StreamWrap*) override { delete this; }
  const void* kind() const override { return &kKind; }
  static const char kKind;

 private:
  int* deleted_;
};
const char SelfDeletingListener::kKind = 0;

class StreamListenerTest : public testing::EnvironmentTest {
 protected:
  void SetUp() override {
    NewStreamPair(&writer_, &reader_);
    SetGlobal("reader", reader_);
    // The JS listener at the bottom of the chain notes each read with its text.
    Js(R"JS(
      reader.onread = function(nread, data) {
        note('js ' + nread + (data ? ' ' + String.fromCharCode.apply(null, new Uint8Array(data))
                                   : ''));
      };
    )JS");
    reader = StreamOf(reader_);
    ASSERT_NE(reader, nullptr);
  }

  // Writes `text` from the other end of the reader's socketpair (small: the kernel takes it).
  void Send(const std::string& text) {
    uv_buf_t buf = uv_buf_init(const_cast<char*>(text.data()), static_cast<unsigned>(text.size()));
    ASSERT_EQ(uv_try_write(StreamOf(writer_)->stream(), &buf, 1), static_cast<int>(text.size()));
  }

  bool RunUntilNotes(size_t count) {
    return RunUntil([this, count] { return notes().size() >= count; });
  }

  Local<Object> writer_;
  Local<Object> reader_;
  StreamWrap* reader = nullptr;
};

TEST_F(StreamListenerTest, WithoutListenersReadsReachJS) {
  Js("reader.readStart()");
  Send("hello");
  ASSERT_TRUE(RunUntilNotes(1));
  EXPECT_THAT(notes(), ElementsAre("js 5 hello"));
}

TEST_F(StreamListenerTest, APushedListenerSeesEachReadBeforeJS) {
  RecordingListener listener("native", /*pass_on=*/true, &notes());
  reader->PushListener(&listener);
  EXPECT_EQ(listener.stream(), reader);
  Js("reader.readStart()");
  Send("hello");
  ASSERT_TRUE(RunUntilNotes(2));
  EXPECT_THAT(notes(), ElementsAre("native 5", "js 5 hello"));
  EXPECT_EQ(listener.data(), "hello");
}

TEST_F(StreamListenerTest, AListenerThatTakesReadsHidesThemFromJSUntilRemoved) {
  RecordingListener listener("native", /*pass_on=*/false, &notes());
  reader->PushListener(&listener);
  Js("reader.readStart()");
  Send("one");
  ASSERT_TRUE(RunUntilNotes(1));
  EXPECT_THAT(notes(), ElementsAre("native 3"));

  reader->RemoveListener(&listener);
  EXPECT_EQ(listener.stream(), nullptr);
  Send("two");
  ASSERT_TRUE(RunUntilNotes(2));
  EXPECT_THAT(notes(), ElementsAre("native 3", "js 3 two"));
  EXPECT_EQ(listener.data(), "one");
}

TEST_F(StreamListenerTest, TheNewestListenerIsOnTop) {
  RecordingListener lower("lower", /*pass_on=*/true, &notes());
  RecordingListener upper("upper", /*pass_on=*/true, &notes());
  reader->PushListener(&lower);
  reader->PushListener(&upper);
  EXPECT_EQ(reader->FindListener(&RecordingListener::kKind), &upper);
  EXPECT_EQ(reader->FindListener(&SelfDeletingListener::kKind), nullptr);
  EXPECT_TRUE(reader->HasNativeListenerOtherThan(&upper));
  Js("reader.readStart()");
  Send("x");
  ASSERT_TRUE(RunUntilNotes(3));
  EXPECT_THAT(notes(), ElementsAre("upper 1", "lower 1", "js 1 x"));
}

TEST_F(StreamListenerTest, RemovingAListenerBelowTheTopKeepsTheRestOfTheChain) {
  RecordingListener upper("upper", /*pass_on=*/true, &notes());
  {
    RecordingListener lower("lower", /*pass_on=*/true, &notes());
    reader->PushListener(&lower);
    reader->PushListener(&upper);
    // `lower` is deleted while in the chain, under `upper`: its destructor takes it out.
  }
  EXPECT_FALSE(reader->HasNativeListenerOtherThan(&upper));
  Js("reader.readStart()");
  Send("y");
  ASSERT_TRUE(RunUntilNotes(2));
  EXPECT_THAT(notes(), ElementsAre("upper 1", "js 1 y"));

  // Removing one that is not in the chain changes nothing.
  RecordingListener stranger("stranger", /*pass_on=*/true, &notes());
  reader->RemoveListener(&stranger);
  Send("z");
  ASSERT_TRUE(RunUntilNotes(4));
  EXPECT_THAT(notes(), ElementsAre("upper 1", "js 1 y", "upper 1", "js 1 z"));
}

TEST_F(StreamListenerTest, EndOfStreamPassesDownTheChain) {
  RecordingListener listener("native", /*pass_on=*/true, &notes());
  reader->PushListener(&listener);
  SetGlobal("writer", writer_);
  Js("reader.readStart(); writer.close()");
  ASSERT_TRUE(RunUntilNotes(2));
  std::string eof = std::to_string(UV_EOF);
  EXPECT_THAT(notes(), ElementsAre("native " + eof, "js " + eof));
}

TEST_F(StreamListenerTest, ClosingTheStreamTellsEveryListenerOnce) {
  RecordingListener lower("lower", /*pass_on=*/true, &notes());
  RecordingListener upper("upper", /*pass_on=*/true, &notes());
  int deleted = 0;
  reader->PushListener(&lower);
  reader->PushListener(new SelfDeletingListener(&deleted));
  reader->PushListener(&upper);
  StreamWrap* stream = reader;
  Js("reader.readStart(); reader.close(function() { note('closed'); })");
  ASSERT_TRUE(RunUntil([this] { return !notes().empty() && notes().back() == "closed"; }));
  // Each was detached before it was told; the self-owned one freed itself.
  EXPECT_THAT(notes(), ElementsAre("upper gone", "lower gone", "closed"));
  EXPECT_EQ(upper.gone_from(), stream);
  EXPECT_EQ(lower.gone_from(), stream);
  EXPECT_EQ(upper.stream(), nullptr);
  EXPECT_EQ(deleted, 1);
  EXPECT_EQ(StreamOf(reader_), nullptr);
}

TEST_F(StreamListenerTest, AListenerThatHoldsReadsKeepsReadStartFromReading) {
  RecordingListener listener("native", /*pass_on=*/true, &notes());
  listener.set_holds_reads(true);
  reader->PushListener(&listener);
  EXPECT_EQ(JsNumber("reader.readStart()"), 0);
  EXPECT_TRUE(reader->js_reading());
  EXPECT_FALSE(uv_is_active(reader->handle()));
  Send("held");
  // Turns enough for the read to arrive if the stream were reading.
  EXPECT_FALSE(RunUntil([this] { return !notes().empty(); }, 100));

  listener.set_holds_reads(false);
  reader->ResumeReading();
  EXPECT_TRUE(uv_is_active(reader->handle()));
  ASSERT_TRUE(RunUntilNotes(2));
  EXPECT_THAT(notes(), ElementsAre("native 4", "js 4 held"));
}

TEST_F(StreamListenerTest, ReadStopStopsReadingAndResumeReadingHonoursIt) {
  Js("reader.readStart(); reader.readStop()");
  EXPECT_FALSE(reader->js_reading());
  reader->ResumeReading();  // JS does not want reads: nothing starts
  EXPECT_FALSE(uv_is_active(reader->handle()));
  Send("later");
  EXPECT_FALSE(RunUntil([this] { return !notes().empty(); }, 100));
  Js("reader.readStart()");
  ASSERT_TRUE(RunUntilNotes(1));
  EXPECT_THAT(notes(), ElementsAre("js 5 later"));
}


// ---- A held last write (StreamWrap::HoldNextWrite) -------------------------------------------

// A stream handle over the accepting end of a loopback TCP connection; the test reads the other
// end, a plain non-blocking descriptor, itself.
class HeldWriteTest : public testing::EnvironmentTest {
 protected:
  void SetUp() override {
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    ASSERT_EQ(listen(listener, 1), 0);
    ASSERT_EQ(getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);
    peer_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_EQ(connect(peer_, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    server_fd_ = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    ASSERT_GE(server_fd_, 0);
    close(listener);
    fcntl(peer_, F_SETFL, fcntl(peer_, F_GETFL) | O_NONBLOCK);
    server_ = NewStream(server_fd_);
    SetGlobal("server", server_);
  }
  void TearDown() override {
    if (peer_ >= 0) close(peer_);
    EnvironmentTest::TearDown();
  }

  // Bytes the server's socket has queued and not yet sent (SIOCOUTQNSD).
  int Unsent() {
    int bytes = -1;
    EXPECT_EQ(ioctl(server_fd_, SIOCOUTQNSD, &bytes), 0);
    return bytes;
  }
  // What the peer can read now, and whether the server's FIN came after it.
  std::string Received(bool* ended) {
    std::string bytes;
    char buffer[4096];
    *ended = false;
    for (;;) {
      ssize_t n = read(peer_, buffer, sizeof(buffer));
      if (n > 0) bytes.append(buffer, static_cast<size_t>(n));
      if (n == 0) *ended = true;
      if (n <= 0) return bytes;
    }
  }

  // The kernel sends held bytes by itself once its retransmission timer (200 ms at least) fires;
  // a check that they are still held is meaningful only if less time than that has passed.
  static constexpr uint64_t kKernelHoldNs = 100 * 1000 * 1000;

  // Writes `text` (no quotes in it) from JS as a held write, and checks that the kernel holds
  // all of it, unless so much time passed that it may have sent it by itself.
  void WriteHeld(const std::string& text) {
    StreamOf(server_)->HoldNextWrite();
    uint64_t start = uv_hrtime();
    EXPECT_EQ(JsNumber("server.writeUtf8String({}, '" + text + "')"), 0);
    int unsent = Unsent();
    bool quick = uv_hrtime() - start < kKernelHoldNs;
    if (quick) EXPECT_EQ(unsent, static_cast<int>(text.size()));
  }

  int peer_ = -1;
  int server_fd_ = -1;
  Local<Object> server_;
};

TEST_F(HeldWriteTest, AnOrdinaryWriteLeavesAtOnce) {
  EXPECT_EQ(JsNumber("server.writeUtf8String({}, 'not held')"), 0);
  EXPECT_EQ(Unsent(), 0);
  bool ended;
  EXPECT_EQ(Received(&ended), "not held");
  EXPECT_FALSE(ended);
}

TEST_F(HeldWriteTest, AHeldWriteWaitsForTheCloseAndLeavesWithTheFin) {
  WriteHeld("last words");
  Js("server.close()");
  bool ended;
  EXPECT_EQ(Received(&ended), "last words");
  EXPECT_TRUE(ended);
}

TEST_F(HeldWriteTest, HeldBytesLeaveAfterThePollWhenNoCloseComes) {
  WriteHeld("held");
  // One turn of the loop: its check phase releases the bytes.
  int turns = 0;
  ASSERT_TRUE(RunUntil([&turns] { return ++turns > 1; }, 2));
  EXPECT_EQ(Unsent(), 0);
  bool ended;
  EXPECT_EQ(Received(&ended), "held");
  EXPECT_FALSE(ended);
  // Only the next write was held: the one after leaves at once.
  EXPECT_EQ(JsNumber("server.writeUtf8String({}, ', then more')"), 0);
  EXPECT_EQ(Unsent(), 0);
  EXPECT_EQ(Received(&ended), ", then more");
}

TEST_F(HeldWriteTest, AHeldWriteOnAClosingConnectionWithUnreadInputStillArrives) {
  // The peer sent bytes the server never reads: closing now resets the connection, and the held
  // response must have left before the reset.
  ASSERT_EQ(write(peer_, "unread request", 14), 14);
  StreamOf(server_)->HoldNextWrite();
  EXPECT_EQ(JsNumber("server.writeUtf8String({}, 'the answer')"), 0);
  Js("server.close()");
  bool ended;
  EXPECT_EQ(Received(&ended), "the answer");
}

}  // namespace
}  // namespace nodus
