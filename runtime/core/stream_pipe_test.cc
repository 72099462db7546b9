// Native piping (stream_pipe.h) between real stream handles: writer -> src ==pipe==> dest -> sink,
// two socketpairs. What reaches the sink is checked byte for byte. Back-pressure is made by
// construction rather than by outrunning a kernel buffer of some size: before any data flows,
// dest's socket is filled until the kernel refuses more (whatever its size), and the sink reads
// nothing until the test says so.
#include "runtime/core/stream_pipe.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/testing/env_test.h"

namespace nodus {
namespace {

using ::testing::Contains;
using ::testing::Not;
using ::testing::UnorderedElementsAre;
using v8::Local;
using v8::Object;

// Collects what reaches a stream (the sink), so JS never sees it.
class Collector : public StreamListener {
 public:
  ~Collector() override {
    if (stream() != nullptr) stream()->RemoveListener(this);
  }
  void OnStreamRead(ssize_t nread, const uv_buf_t& buf) override {
    if (nread > 0) data_.append(buf.base, static_cast<size_t>(nread));
  }
  const void* kind() const override { return &kKind; }
  const std::string& data() const { return data_; }

 private:
  static const char kKind;
  std::string data_;
};
const char Collector::kKind = 0;

// Bytes that show where each one belongs: any loss, duplication or reordering changes them.
std::string Payload(size_t size) {
  std::string bytes(size, '\0');
  for (size_t i = 0; i < size; i++) bytes[i] = static_cast<char>((i * 7 + (i >> 11)) % 251);
  return bytes;
}

class StreamPipeTest : public testing::EnvironmentTest {
 protected:
  static constexpr size_t kPayloadSize = 1 << 20;

  void SetUp() override {
    NewStreamPair(&writer_, &src_);
    NewStreamPair(&dest_, &sink_);
    SetGlobal("writer", writer_);
    SetGlobal("src", src_);
    SetGlobal("dest", dest_);
    SetGlobal("sink", sink_);
    src = StreamOf(src_);
    dest = StreamOf(dest_);
    StreamOf(sink_)->PushListener(&collector_);
    // What reaches src's JS: its bytes are kept, anything else noted.
    Js(R"JS(
      var srcChunks = [];
      var drains = 0;
      src.onread = function(nread, data) {
        if (nread > 0) srcChunks.push(new Uint8Array(data));
        else note('src ' + nread);
      };
      function srcBytes() {
        var length = 0;
        srcChunks.forEach(function(c) { length += c.length; });
        var all = new Uint8Array(length), at = 0;
        srcChunks.forEach(function(c) { all.set(c, at); at += c.length; });
        return all;
      }
      dest.onpipedrain = function() { drains++; };
      dest.onpipeerror = function(err) { note('dest pipe error ' + err); };
    )JS");
  }

  // Fills dest's socket until the kernel takes no more; returns the bytes written (all 'F').
  size_t FillDest() {
    std::string chunk(64 * 1024, 'F');
    size_t total = 0;
    for (;;) {
      uv_buf_t buf = uv_buf_init(&chunk[0], static_cast<unsigned>(chunk.size()));
      int n = uv_try_write(dest->stream(), &buf, 1);
      if (n == UV_EAGAIN) break;
      EXPECT_GT(n, 0);
      if (n <= 0) break;
      total += static_cast<size_t>(n);
    }
    return total;
  }

  // Starts the pipe and has the writer send payload_, then end its side.
  void StartPiping() {
    ASSERT_EQ(JsNumber("src.pipeTo(dest)"), 0);
    ASSERT_EQ(JsNumber("src.readStart()"), 0);
    SetGlobal("payload", NewBytes(payload_));
    Js(R"JS(
      var err = writer.writeBuffer({ oncomplete: function(status) {
        if (status !== 0) note('write ' + status);
      } }, payload);
      if (err !== 0) note('writeBuffer ' + err);
      err = writer.shutdown({ oncomplete: function(status) { note('shutdown ' + status); } });
      if (err !== 0) note('shutdown call ' + err);
    )JS");
  }

  bool SawNote(const std::string& note) {
    for (const std::string& n : notes()) {
      if (n == note) return true;
    }
    return false;
  }

  std::string Eof() const { return "src " + std::to_string(UV_EOF); }

  Local<Object> writer_, src_, dest_, sink_;
  StreamWrap* src = nullptr;
  StreamWrap* dest = nullptr;
  Collector collector_;
  std::string payload_ = Payload(kPayloadSize);
};

TEST_F(StreamPipeTest, DeliversEveryByteInOrderAndEndOfStreamToJS) {
  Js("sink.readStart()");
  StartPiping();
  ASSERT_TRUE(RunUntil([this] {
    return collector_.data().size() >= payload_.size() && SawNote(Eof());
  })) << collector_.data().size() << " of " << payload_.size() << " bytes";
  EXPECT_TRUE(collector_.data() == payload_) << "the bytes differ";
  EXPECT_EQ(JsNumber("srcChunks.length"), 0) << "data reached src's JS";
  EXPECT_EQ(JsNumber("src.pipedReadBytes()"), kPayloadSize);
  EXPECT_EQ(JsNumber("dest.pipedWrittenBytes()"), kPayloadSize);
  EXPECT_THAT(notes(), UnorderedElementsAre("shutdown 0", Eof()));
  EXPECT_EQ(StreamPipe::Of(src)->dest(), dest);
}

TEST_F(StreamPipeTest, StopsReadingWhileTheDestinationIsFullAndResumesWhenItDrains) {
  size_t filled = FillDest();
  ASSERT_GT(filled, 0u);
  StartPiping();
  StreamPipe* pipe = StreamPipe::Of(src);
  ASSERT_NE(pipe, nullptr);
  // The first read cannot go out: it is queued on dest and src stops reading.
  ASSERT_TRUE(RunUntil([pipe] { return pipe->HoldsReads(); }));
  EXPECT_FALSE(uv_is_active(src->handle())) << "src still reads while dest is full";
  EXPECT_TRUE(src->js_reading());
  EXPECT_GT(dest->stream()->write_queue_size, 0u);
  // Stays so however long the loop turns: nothing drains dest.
  double read_while_blocked = JsNumber("src.pipedReadBytes()");
  EXPECT_FALSE(RunUntil([this] { return SawNote(Eof()); }, 200));
  EXPECT_EQ(JsNumber("src.pipedReadBytes()"), read_while_blocked);
  EXPECT_TRUE(pipe->HoldsReads());
  EXPECT_EQ(JsNumber("drains"), 0);

  // The sink reads: dest drains, src reads again, and so on until everything is through.
  Js("sink.readStart()");
  std::string expected = std::string(filled, 'F') + payload_;
  ASSERT_TRUE(RunUntil([&] {
    return collector_.data().size() >= expected.size() && SawNote(Eof());
  })) << collector_.data().size() << " of " << expected.size() << " bytes";
  EXPECT_TRUE(collector_.data() == expected) << "the bytes differ";
  EXPECT_FALSE(pipe->HoldsReads());
  EXPECT_GE(JsNumber("drains"), 1);
  EXPECT_EQ(JsNumber("srcChunks.length"), 0);
  EXPECT_EQ(JsNumber("dest.pipedWrittenBytes()"), kPayloadSize);
  EXPECT_THAT(notes(), Not(Contains(::testing::StartsWith("dest pipe error"))));
}

TEST_F(StreamPipeTest, ClosingTheSourceMidPipeFreesThePipeAndDestStillDrains) {
  size_t filled = FillDest();
  StartPiping();
  ASSERT_TRUE(RunUntil([this] { return StreamPipe::Of(src)->HoldsReads(); }));
  Js("src.close(function() { note('src closed'); })");
  ASSERT_TRUE(RunUntil([this] { return SawNote("src closed"); }));
  EXPECT_EQ(StreamOf(src_), nullptr);

  // What the pipe had queued on dest still goes out, and dest's queue drains without the pipe
  // that was watching it.
  size_t piped = static_cast<size_t>(JsNumber("dest.pipedWrittenBytes()"));
  ASSERT_GT(piped, 0u);
  Js("sink.readStart()");
  std::string expected = std::string(filled, 'F') + payload_.substr(0, piped);
  ASSERT_TRUE(RunUntil([&] {
    return collector_.data().size() >= expected.size() && dest->stream()->write_queue_size == 0;
  }));
  EXPECT_TRUE(collector_.data() == expected) << "the bytes differ";
  EXPECT_EQ(JsNumber("drains"), 1);
}

TEST_F(StreamPipeTest, ClosingTheDestinationMidPipeUndoesThePipeAndSrcReadsForJS) {
  FillDest();
  StartPiping();
  ASSERT_TRUE(RunUntil([this] { return StreamPipe::Of(src)->HoldsReads(); }));
  Js("dest.close(function() { note('dest closed'); })");
  ASSERT_TRUE(RunUntil([this] { return SawNote("dest closed"); }));
  EXPECT_EQ(StreamPipe::Of(src), nullptr);
  EXPECT_TRUE(Js("src.pipingTo()")->IsNull());

  // Everything the pipe did not read reaches src's JS listener, in order, then the end.
  ASSERT_TRUE(RunUntil([this] { return SawNote(Eof()); }));
  size_t piped = static_cast<size_t>(JsNumber("src.pipedReadBytes()"));
  EXPECT_TRUE(BytesOf(Js("srcBytes()")) == payload_.substr(piped)) << "the bytes differ";
  EXPECT_GT(JsNumber("srcChunks.length"), 0);
}

TEST_F(StreamPipeTest, AWriteRefusedAtOnceIsReportedOnTheDestination) {
  Js("sink.close(function() { note('sink closed'); })");
  ASSERT_TRUE(RunUntil([this] { return SawNote("sink closed"); }));
  ASSERT_EQ(JsNumber("src.pipeTo(dest)"), 0);
  ASSERT_EQ(JsNumber("src.readStart()"), 0);
  Js("writer.writeUtf8String({}, 'nobody reads this')");
  std::string epipe = "dest pipe error " + std::to_string(UV_EPIPE);
  ASSERT_TRUE(RunUntil([&] { return SawNote(epipe); }));
  EXPECT_EQ(JsNumber("dest.pipedWrittenBytes()"), 0);
  EXPECT_EQ(JsNumber("drains"), 0);
}

TEST_F(StreamPipeTest, AQueuedWriteThatFailsLaterIsReportedOnTheDestination) {
  FillDest();
  StartPiping();
  ASSERT_TRUE(RunUntil([this] { return StreamPipe::Of(src)->HoldsReads(); }));
  EXPECT_GT(JsNumber("dest.pipedWrittenBytes()"), 0);  // accepted, then queued
  Js("sink.close(function() { note('sink closed'); })");
  std::string epipe = "dest pipe error " + std::to_string(UV_EPIPE);
  ASSERT_TRUE(RunUntil([&] { return SawNote(epipe); }));
  EXPECT_EQ(JsNumber("drains"), 0);
}

TEST_F(StreamPipeTest, UnpipeGivesTheReadsBackToJS) {
  ASSERT_EQ(JsNumber("src.pipeTo(dest)"), 0);
  ASSERT_EQ(JsNumber("src.readStart()"), 0);
  Js("sink.readStart()");
  Js("writer.writeUtf8String({}, 'piped')");
  ASSERT_TRUE(RunUntil([this] { return collector_.data() == "piped"; }));

  Js("src.unpipe()");
  EXPECT_EQ(StreamPipe::Of(src), nullptr);
  EXPECT_FALSE(src->HasNativeListenerOtherThan(nullptr));
  Js("writer.writeUtf8String({}, 'for js')");
  ASSERT_TRUE(RunUntil([this] { return JsNumber("srcBytes().length") == 6; }));
  EXPECT_EQ(BytesOf(Js("srcBytes()")), "for js");
  EXPECT_EQ(collector_.data(), "piped");
}

TEST_F(StreamPipeTest, UnpipeAllFromTheDestinationUndoesPipesIntoIt) {
  ASSERT_EQ(JsNumber("src.pipeTo(dest)"), 0);
  Js("dest.unpipe(true)");
  EXPECT_EQ(StreamPipe::Of(src), nullptr);
}

TEST_F(StreamPipeTest, PipeToIsRefusedWhileAnotherListenerTakesTheReads) {
  Collector other;
  src->PushListener(&other);
  EXPECT_EQ(JsNumber("src.pipeTo(dest)"), UV_EINVAL);
  EXPECT_EQ(StreamPipe::Of(src), nullptr);
  src->RemoveListener(&other);
  EXPECT_EQ(JsNumber("src.pipeTo(dest)"), 0);
  // A second pipeTo replaces the first.
  EXPECT_EQ(JsNumber("src.pipeTo(sink)"), 0);
  EXPECT_EQ(StreamPipe::Of(src)->dest(), StreamOf(sink_));
  EXPECT_FALSE(src->HasNativeListenerOtherThan(StreamPipe::Of(src)));
}

}  // namespace
}  // namespace nodus
