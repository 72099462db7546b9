#include "debugger/inspector/websocket.h"

#include <cctype>
#include <cstring>

namespace nodus::debugger::ws {

namespace {

uint32_t RotateLeft(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

// FIPS 180-4, section 6.1.
std::string Sha1(std::string_view data) {
  uint32_t h[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
  std::string message(data);
  uint64_t bit_length = static_cast<uint64_t>(data.size()) * 8;
  message.push_back(static_cast<char>(0x80));
  while (message.size() % 64 != 56) message.push_back('\0');
  for (int i = 7; i >= 0; i--) message.push_back(static_cast<char>(bit_length >> (i * 8)));
  for (size_t block = 0; block < message.size(); block += 64) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++) {
      const auto* p = reinterpret_cast<const unsigned char*>(message.data() + block + i * 4);
      w[i] = (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
    }
    for (int i = 16; i < 80; i++) w[i] = RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
      uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      uint32_t t = RotateLeft(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = RotateLeft(b, 30);
      b = a;
      a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::string out;
  for (uint32_t word : h) {
    for (int i = 3; i >= 0; i--) out.push_back(static_cast<char>(word >> (i * 8)));
  }
  return out;
}

std::string Base64(std::string_view data) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    uint32_t v = (uint32_t{static_cast<unsigned char>(data[i])} << 16) |
                 (uint32_t{static_cast<unsigned char>(data[i + 1])} << 8) |
                 static_cast<unsigned char>(data[i + 2]);
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  size_t rest = data.size() - i;
  if (rest > 0) {
    uint32_t v = uint32_t{static_cast<unsigned char>(data[i])} << 16;
    if (rest == 2) v |= uint32_t{static_cast<unsigned char>(data[i + 1])} << 8;
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string AcceptKey(std::string_view client_key) {
  std::string key(Trim(client_key));
  return Base64(Sha1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
}

std::string HttpRequest::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return std::string();
}

bool HttpRequest::HeaderHasToken(std::string_view name, std::string_view token) const {
  std::string wanted = Lower(token);
  for (const auto& [key, value] : headers) {
    if (key != name) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string_view item = Trim(rest.substr(0, comma));
      if (Lower(item) == wanted) return true;
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return false;
}

HeadResult ParseHead(std::string_view buffer, HttpRequest* request, size_t* consumed) {
  size_t end = buffer.find("\r\n\r\n");
  if (end == std::string_view::npos) {
    // Whatever it is, a request line that is not printable ASCII will never become one.
    for (char c : buffer.substr(0, 16)) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u >= 0x80 || (u < 0x20 && c != '\r' && c != '\n')) return HeadResult::kBad;
    }
    return buffer.size() > kMaxHeadBytes ? HeadResult::kTooLarge : HeadResult::kNeedMore;
  }
  if (end + 4 > kMaxHeadBytes) return HeadResult::kTooLarge;
  *consumed = end + 4;
  std::string_view head = buffer.substr(0, end);
  size_t line_end = head.find("\r\n");
  std::string_view line = head.substr(0, line_end);
  // METHOD SP PATH SP HTTP/1.x
  size_t sp1 = line.find(' ');
  if (sp1 == std::string_view::npos || sp1 == 0) return HeadResult::kBad;
  size_t sp2 = line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || sp2 == sp1 + 1) return HeadResult::kBad;
  std::string_view version = line.substr(sp2 + 1);
  if (version != "HTTP/1.1" && version != "HTTP/1.0") return HeadResult::kBad;
  request->method = std::string(line.substr(0, sp1));
  request->path = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  for (char c : request->method) {
    if (!std::isupper(static_cast<unsigned char>(c))) return HeadResult::kBad;
  }
  for (char c : request->path) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f) return HeadResult::kBad;
  }
  request->headers.clear();
  std::string_view rest = line_end == std::string_view::npos ? std::string_view()
                                                             : head.substr(line_end + 2);
  while (!rest.empty()) {
    size_t eol = rest.find("\r\n");
    std::string_view header = rest.substr(0, eol);
    size_t colon = header.find(':');
    if (colon == std::string_view::npos || colon == 0) return HeadResult::kBad;
    for (char c : header) {
      unsigned char u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\t') || u == 0x7f) return HeadResult::kBad;
    }
    request->headers.emplace_back(Lower(header.substr(0, colon)),
                                  std::string(Trim(header.substr(colon + 1))));
    if (eol == std::string_view::npos) break;
    rest.remove_prefix(eol + 2);
  }
  return HeadResult::kComplete;
}

std::string HttpResponse(std::string_view status, std::string_view content_type,
                         std::string_view body) {
  std::string out = "HTTP/1.1 ";
  out += status;
  out += "\r\nContent-Type: ";
  out += content_type;
  out += "\r\nContent-Length: " + std::to_string(body.size());
  out += "\r\nConnection: close\r\n\r\n";
  out += body;
  return out;
}

std::string EncodeFrame(Opcode opcode, std::string_view payload) {
  std::string out;
  out.push_back(static_cast<char>(0x80 | opcode));
  uint64_t size = payload.size();
  if (size < 126) {
    out.push_back(static_cast<char>(size));
  } else if (size <= 0xffff) {
    out.push_back(126);
    out.push_back(static_cast<char>(size >> 8));
    out.push_back(static_cast<char>(size));
  } else {
    out.push_back(127);
    for (int i = 7; i >= 0; i--) out.push_back(static_cast<char>(size >> (i * 8)));
  }
  out.append(payload);
  return out;
}

std::string EncodeClose(uint16_t code, std::string_view reason) {
  std::string payload;
  payload.push_back(static_cast<char>(code >> 8));
  payload.push_back(static_cast<char>(code));
  payload.append(reason.substr(0, 123));
  return EncodeFrame(kClose, payload);
}

FrameReader::Result FrameReader::Fail(uint16_t code, const char* why) {
  close_code_ = code;
  error_ = why;
  buffer_.clear();
  offset_ = 0;
  return Result::kError;
}

FrameReader::Result FrameReader::Next(Opcode* opcode, std::string* payload) {
  if (close_code_ != 0) return Result::kError;
  while (true) {
    std::string_view data(buffer_);
    data.remove_prefix(offset_);
    if (data.size() < 2) break;
    auto byte = [&](size_t i) { return static_cast<unsigned char>(data[i]); };
    bool fin = (byte(0) & 0x80) != 0;
    if ((byte(0) & 0x70) != 0) return Fail(kCloseProtocolError, "reserved bits set");
    auto op = static_cast<Opcode>(byte(0) & 0x0f);
    bool masked = (byte(1) & 0x80) != 0;
    if (!masked) return Fail(kCloseProtocolError, "client frames must be masked");
    uint64_t length = byte(1) & 0x7f;
    size_t header = 2;
    if (length == 126) {
      if (data.size() < 4) break;
      length = (uint64_t{byte(2)} << 8) | byte(3);
      header = 4;
    } else if (length == 127) {
      if (data.size() < 10) break;
      if ((byte(2) & 0x80) != 0) return Fail(kCloseProtocolError, "frame length over 2^63");
      length = 0;
      for (size_t i = 2; i < 10; i++) length = (length << 8) | byte(i);
      header = 10;
    }
    bool control = (op & 0x8) != 0;
    if (control) {
      if (op != kClose && op != kPing && op != kPong) return Fail(kCloseProtocolError, "bad opcode");
      if (!fin || length > 125) return Fail(kCloseProtocolError, "bad control frame");
    } else if (op == kContinuation) {
      if (!in_message_) return Fail(kCloseProtocolError, "continuation of nothing");
    } else if (op == kText || op == kBinary) {
      if (in_message_) return Fail(kCloseProtocolError, "new message inside a fragmented one");
    } else {
      return Fail(kCloseProtocolError, "bad opcode");
    }
    // Refuse a too-long message from its header, before waiting for (or buffering) its bytes.
    uint64_t so_far = op == kContinuation ? message_.size() : 0;
    if (!control && (length > max_message_ || so_far + length > max_message_)) {
      return Fail(kCloseTooBig, "message too big");
    }
    if (data.size() - header < 4 + length) break;
    const unsigned char* mask = reinterpret_cast<const unsigned char*>(data.data()) + header;
    std::string body(data.substr(header + 4, static_cast<size_t>(length)));
    for (size_t i = 0; i < body.size(); i++) body[i] = static_cast<char>(body[i] ^ mask[i & 3]);
    offset_ += header + 4 + static_cast<size_t>(length);
    if (offset_ == buffer_.size() || offset_ > 64 * 1024) {
      buffer_.erase(0, offset_);
      offset_ = 0;
    }
    if (control) {
      *opcode = op;
      *payload = std::move(body);
      return Result::kMessage;
    }
    if (op != kContinuation) {
      message_opcode_ = op;
      message_.clear();
    }
    message_ += body;
    in_message_ = !fin;
    if (fin) {
      *opcode = message_opcode_;
      *payload = std::move(message_);
      message_.clear();
      return Result::kMessage;
    }
  }
  return Result::kNeedMore;
}

}  // namespace nodus::debugger::ws
