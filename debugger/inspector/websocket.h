// The server side of the Chrome DevTools Protocol transport: just enough HTTP/1.1 to answer
// /json/list and /json/version and to accept a WebSocket upgrade, and RFC 6455 framing. No I/O
// here: the agent (debugger/agent/cdp.cc) feeds bytes in and writes what comes out, which keeps
// this code testable on its own (websocket_test.cc).
#ifndef DEBUGGER_INSPECTOR_WEBSOCKET_H_
#define DEBUGGER_INSPECTOR_WEBSOCKET_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nodus::debugger::ws {

// SHA-1 of `data` (20 bytes), for Sec-WebSocket-Accept.
std::string Sha1(std::string_view data);
std::string Base64(std::string_view data);
// Sec-WebSocket-Accept for a client's Sec-WebSocket-Key.
std::string AcceptKey(std::string_view client_key);

// An HTTP request head (request line and headers; the CDP endpoint takes no bodies).
struct HttpRequest {
  std::string method;
  std::string path;  // As sent, query string included.
  std::vector<std::pair<std::string, std::string>> headers;  // Names lower-cased.
  // The value of header `name` (lower case), or "" if absent.
  std::string Header(std::string_view name) const;
  // True if header `name`'s comma-separated value list contains `token` (case-insensitive).
  bool HeaderHasToken(std::string_view name, std::string_view token) const;
};

// Heads longer than this are refused: nobody's DevTools sends more.
constexpr size_t kMaxHeadBytes = 16 * 1024;

enum class HeadResult { kNeedMore, kComplete, kBad, kTooLarge };
// Parses a request head from the start of `buffer`. On kComplete, `consumed` is the head's length
// (up to and including the blank line).
HeadResult ParseHead(std::string_view buffer, HttpRequest* request, size_t* consumed);

// A complete HTTP response with `status` ("200 OK"), a body and Connection: close.
std::string HttpResponse(std::string_view status, std::string_view content_type,
                         std::string_view body);

// Opcodes (RFC 6455 section 5.2).
enum Opcode : uint8_t {
  kContinuation = 0x0,
  kText = 0x1,
  kBinary = 0x2,
  kClose = 0x8,
  kPing = 0x9,
  kPong = 0xa,
};

// Close codes the server sends.
constexpr uint16_t kCloseNormal = 1000;
constexpr uint16_t kCloseProtocolError = 1002;
constexpr uint16_t kCloseUnsupported = 1003;
constexpr uint16_t kCloseInvalidData = 1007;
constexpr uint16_t kCloseTooBig = 1009;

// One server-to-client frame (never masked, always final).
std::string EncodeFrame(Opcode opcode, std::string_view payload);
std::string EncodeClose(uint16_t code, std::string_view reason);

// Reads client frames. Control frames come out as they arrive, data frames once reassembled
// from their fragments. Anything RFC 6455 forbids a client to send (an unmasked frame, reserved
// bits, an unknown opcode, a fragmented or long control frame, a continuation with nothing to
// continue) is a protocol error; a message over the limit is kTooBig. After either the reader
// is done: the connection must be closed with the code it gives.
class FrameReader {
 public:
  // Messages (after reassembly) longer than this are refused.
  static constexpr size_t kDefaultMaxMessage = 64 * 1024 * 1024;
  explicit FrameReader(size_t max_message = kDefaultMaxMessage) : max_message_(max_message) {}

  void Append(const char* data, size_t size) { buffer_.append(data, size); }

  enum class Result { kNeedMore, kMessage, kError };
  // On kMessage: `opcode` is kText, kBinary, kClose, kPing or kPong and `payload` its data.
  // On kError: close_code() says why.
  Result Next(Opcode* opcode, std::string* payload);
  uint16_t close_code() const { return close_code_; }
  const std::string& error() const { return error_; }

 private:
  Result Fail(uint16_t code, const char* why);

  size_t max_message_;
  std::string buffer_;
  size_t offset_ = 0;  // Bytes of buffer_ already consumed.
  bool in_message_ = false;  // A fragmented data message is being reassembled.
  Opcode message_opcode_ = kText;
  std::string message_;
  uint16_t close_code_ = 0;
  std::string error_;
};

}  // namespace nodus::debugger::ws

#endif  // DEBUGGER_INSPECTOR_WEBSOCKET_H_
