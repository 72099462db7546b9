// Length-prefixed framing for the debugger protocol: each message travels as a 4-byte big-endian
// byte count followed by that many bytes of a serialized protobuf message (debugger.proto).
// FrameReader reassembles messages from whatever pieces a socket delivers; it is owned by one
// connection and lives as long as it does.
#ifndef DEBUGGER_PROTO_FRAMING_H_
#define DEBUGGER_PROTO_FRAMING_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include <google/protobuf/message_lite.h>

namespace nodus::debugger {

// No message of this protocol comes near this size (a script's source is the largest); a bigger
// length prefix means the peer is not speaking the protocol.
constexpr uint32_t kMaxFrameSize = 64 * 1024 * 1024;

// Serializes `message` with its length prefix, ready to write.
std::string EncodeFrame(const google::protobuf::MessageLite& message);

class FrameReader {
 public:
  enum class Result { kFrame, kNeedMore, kTooLarge };

  void Append(const char* data, size_t length) { buffer_.append(data, length); }

  // Takes the next complete frame's payload out of the buffer into `payload`. kTooLarge means the
  // stream is unusable: the connection should be closed.
  Result Next(std::string* payload);

 private:
  std::string buffer_;
  size_t consumed_ = 0;
};

}  // namespace nodus::debugger

#endif  // DEBUGGER_PROTO_FRAMING_H_
