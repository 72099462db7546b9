// Fuzzes the debugger protocol's framing (FrameReader) and the protobuf decoding of what it
// delivers, as the agent (Request) and the client (AgentMessage) do it.
//
// Input: byte 0 seeds the chunk sizes, the rest is the stream a peer sends. Checks:
// - the same stream yields the same frames (or the same kTooLarge) whether it arrives whole or in
//   arbitrary pieces;
// - a payload that decodes as a message re-encodes (EncodeFrame) to a frame that reads back as one
//   frame whose payload decodes to a message that serializes identically.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "debugger/proto/debugger.pb.h"
#include "debugger/proto/framing.h"

namespace {

using nodus::debugger::AgentMessage;
using nodus::debugger::FrameReader;
using nodus::debugger::Request;

#define FUZZ_CHECK(cond)                                                             \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)

struct Outcome {
  std::vector<std::string> frames;
  bool too_large = false;
};

// Feeds `stream` to a FrameReader in pieces whose sizes come from `seed` (0: all at once),
// taking every frame after each piece, as a connection's read callback does.
Outcome Read(const std::string& stream, uint8_t seed) {
  Outcome outcome;
  FrameReader reader;
  uint32_t state = seed;
  size_t pos = 0;
  while (pos < stream.size() && !outcome.too_large) {
    size_t piece = stream.size() - pos;
    if (seed != 0) {
      state = state * 1103515245u + 12345u;
      piece = std::min<size_t>(piece, 1 + (state >> 16) % 13);
    }
    reader.Append(stream.data() + pos, piece);
    pos += piece;
    for (;;) {
      std::string payload;
      FrameReader::Result result = reader.Next(&payload);
      if (result == FrameReader::Result::kNeedMore) break;
      if (result == FrameReader::Result::kTooLarge) {
        outcome.too_large = true;
        break;
      }
      outcome.frames.push_back(std::move(payload));
    }
  }
  return outcome;
}

template <typename Message>
void CheckRoundTrip(const std::string& payload) {
  Message message;
  if (!message.ParseFromString(payload)) return;
  std::string frame = nodus::debugger::EncodeFrame(message);
  FrameReader reader;
  reader.Append(frame.data(), frame.size());
  std::string again;
  FUZZ_CHECK(reader.Next(&again) == FrameReader::Result::kFrame);
  FUZZ_CHECK(reader.Next(&again) == FrameReader::Result::kNeedMore);
  reader.Append(frame.data(), frame.size());
  FUZZ_CHECK(reader.Next(&again) == FrameReader::Result::kFrame);
  Message decoded;
  FUZZ_CHECK(decoded.ParseFromString(again));
  FUZZ_CHECK(decoded.SerializeAsString() == message.SerializeAsString());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string stream(reinterpret_cast<const char*>(data) + 1, size - 1);
  Outcome whole = Read(stream, 0);
  Outcome pieces = Read(stream, data[0] == 0 ? 1 : data[0]);
  FUZZ_CHECK(whole.too_large == pieces.too_large);
  FUZZ_CHECK(whole.frames == pieces.frames);
  for (const std::string& payload : whole.frames) {
    CheckRoundTrip<Request>(payload);
    CheckRoundTrip<AgentMessage>(payload);
  }
  return 0;
}
