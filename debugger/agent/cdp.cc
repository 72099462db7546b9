// The Chrome DevTools Protocol endpoint of the agent (--inspect / --inspect-brk): HTTP for
// /json/list and /json/version, a WebSocket upgrade on "/<id>", and CDP messages carried to and
// from an inspector session of the client's own. It shares the agent's private loop, pause loop
// and watcher thread with the protobuf listener; one client of either protocol at a time.
#include <arpa/inet.h>
#include <netdb.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "debugger/agent/agent.h"
#include "debugger/agent/json.h"
#include "debugger/inspector/websocket.h"
#include "runtime/core/encoding/encoding.h"
#include "runtime/core/version.h"

namespace nodus::debugger {

// One TCP connection to the CDP port: an HTTP request, or (once upgraded) the WebSocket of the
// attached client. Freed by its close callback.
struct Agent::CdpConnection {
  uv_tcp_t tcp;
  Agent* agent;
  std::string head;  // HTTP bytes until the request head is complete.
  bool upgraded = false;
  bool closing = false;
  ws::FrameReader reader;
  char buffer[64 * 1024];
};

namespace {

struct CdpWrite {
  uv_write_t req;
  std::string data;
  bool close = false;
};

bool IsLoopback(const sockaddr* addr) {
  if (addr->sa_family == AF_INET) {
    return (ntohl(reinterpret_cast<const sockaddr_in*>(addr)->sin_addr.s_addr) >> 24) == 127;
  }
  if (addr->sa_family == AF_INET6) {
    const in6_addr& a = reinterpret_cast<const sockaddr_in6*>(addr)->sin6_addr;
    return IN6_IS_ADDR_LOOPBACK(&a);
  }
  return false;
}

// A Host header a browser page on another site could not have made us see (DNS rebinding):
// "localhost", or an IP literal, with an optional port.
bool IsSafeHost(const std::string& host) {
  if (host.empty()) return false;
  std::string name = host;
  if (name[0] == '[') {
    size_t close = name.find(']');
    if (close == std::string::npos) return false;
    std::string inside = name.substr(1, close - 1);
    in6_addr a6;
    return inet_pton(AF_INET6, inside.c_str(), &a6) == 1;
  }
  size_t colon = name.find(':');
  if (colon != std::string::npos) name.resize(colon);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name == "localhost") return true;
  in_addr a4;
  return inet_pton(AF_INET, name.c_str(), &a4) == 1;
}

std::string NewTargetId() {
  unsigned char bytes[16] = {};
  if (uv_random(nullptr, nullptr, bytes, sizeof(bytes), 0, nullptr) != 0) {
    // Not secret, only unique per process.
    for (size_t i = 0; i < sizeof(bytes); i++) {
      bytes[i] = static_cast<unsigned char>((getpid() * 131 + i * 17 + uv_hrtime()) >> (i % 8));
    }
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;  // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80;  // variant
  char out[37];
  std::snprintf(out, sizeof(out),
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
                bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
  return out;
}

std::string IdText(const Json& id) {
  if (id.type() != Json::Type::kNumber) return "0";
  double v = id.num();
  char out[32];
  std::snprintf(out, sizeof(out), "%.17g", v);
  return out;
}

}  // namespace

void Agent::CloseCdpHandle(CdpConnection* connection) {
  connection->closing = true;
  auto* handle = reinterpret_cast<uv_handle_t*>(&connection->tcp);
  if (uv_is_closing(handle)) return;
  uv_close(handle, [](uv_handle_t* h) { delete static_cast<CdpConnection*>(h->data); });
}

bool Agent::ListenCdp(const std::string& host, int port, const std::string& script) {
  sockaddr_storage addr = {};
  std::string bare = host;
  if (bare.size() > 1 && bare.front() == '[' && bare.back() == ']') {
    bare = bare.substr(1, bare.size() - 2);
  }
  if (uv_ip4_addr(bare.c_str(), port, reinterpret_cast<sockaddr_in*>(&addr)) != 0 &&
      uv_ip6_addr(bare.c_str(), port, reinterpret_cast<sockaddr_in6*>(&addr)) != 0) {
    addrinfo hints = {};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(bare.c_str(), nullptr, &hints, &found) != 0 || found == nullptr) {
      std::fprintf(stderr, "inspector: cannot resolve host '%s'\n", host.c_str());
      return false;
    }
    std::memcpy(&addr, found->ai_addr, found->ai_addrlen);
    freeaddrinfo(found);
    if (addr.ss_family == AF_INET) {
      reinterpret_cast<sockaddr_in*>(&addr)->sin_port = htons(static_cast<uint16_t>(port));
    } else {
      reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port = htons(static_cast<uint16_t>(port));
    }
  }
  uv_tcp_init(&loop_, &cdp_server_);
  cdp_server_.data = this;
  int err = uv_tcp_bind(&cdp_server_, reinterpret_cast<const sockaddr*>(&addr), 0);
  if (err == 0) {
    err = uv_listen(reinterpret_cast<uv_stream_t*>(&cdp_server_), 8, OnCdpConnection);
  }
  if (err != 0) {
    std::fprintf(stderr, "Starting inspector on %s:%d failed: %s\n", host.c_str(), port,
                 uv_err_name(err));
    uv_close(reinterpret_cast<uv_handle_t*>(&cdp_server_), nullptr);
    return false;
  }
  sockaddr_storage bound;
  int length = sizeof(bound);
  uv_tcp_getsockname(&cdp_server_, reinterpret_cast<sockaddr*>(&bound), &length);
  char text[INET6_ADDRSTRLEN] = "";
  if (bound.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&bound);
    cdp_port_ = ntohs(a->sin6_port);
    inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof(text));
    cdp_host_ = std::string("[") + text + "]";
  } else {
    auto* a = reinterpret_cast<sockaddr_in*>(&bound);
    cdp_port_ = ntohs(a->sin_port);
    inet_ntop(AF_INET, &a->sin_addr, text, sizeof(text));
    cdp_host_ = text;
  }
  cdp_listening_ = true;
  cdp_id_ = NewTargetId();
  if (script.empty()) {
    cdp_title_ = "nodus[" + std::to_string(getpid()) + "]";
  } else if (script[0] == '/') {
    cdp_title_ = script;
  } else {
    char cwd[4096];
    cdp_title_ = getcwd(cwd, sizeof(cwd)) != nullptr ? std::string(cwd) + "/" + script : script;
  }
  if (!IsLoopback(reinterpret_cast<sockaddr*>(&bound))) {
    std::fprintf(stderr,
                 "Warning: the inspector is listening on %s:%d, not on a loopback address.\n"
                 "Anyone who can reach that address can attach and run any code in this "
                 "process, with its privileges.\n",
                 cdp_host_.c_str(), cdp_port_);
  }
  std::fprintf(stderr,
               "Debugger listening on ws://%s:%d/%s\n"
               "For help, see: https://nodejs.org/en/docs/inspector\n",
               cdp_host_.c_str(), cdp_port_, cdp_id_.c_str());
  std::fflush(stderr);
  return true;
}

void Agent::OnCdpConnection(uv_stream_t* server, int status) {
  Agent* agent = static_cast<Agent*>(server->data);
  agent->activity_++;
  if (status < 0) return;
  auto* connection = new CdpConnection();
  connection->agent = agent;
  uv_tcp_init(&agent->loop_, &connection->tcp);
  connection->tcp.data = connection;
  if (uv_accept(server, reinterpret_cast<uv_stream_t*>(&connection->tcp)) != 0) {
    CloseCdpHandle(connection);
    return;
  }
  uv_tcp_nodelay(&connection->tcp, 1);
  uv_read_start(
      reinterpret_cast<uv_stream_t*>(&connection->tcp),
      [](uv_handle_t* handle, size_t, uv_buf_t* buf) {
        auto* c = static_cast<CdpConnection*>(handle->data);
        *buf = uv_buf_init(c->buffer, sizeof(c->buffer));
      },
      OnCdpRead);
}

void Agent::OnCdpRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* connection = static_cast<CdpConnection*>(stream->data);
  Agent* agent = connection->agent;
  agent->activity_++;
  if (connection->closing) return;
  if (nread < 0) {
    if (agent->cdp_connection_ == connection) agent->DetachCdp();
    connection->closing = true;
    CloseCdpHandle(connection);
    return;
  }
  if (connection->upgraded) {
    connection->reader.Append(buf->base, static_cast<size_t>(nread));
    agent->OnCdpFrames(connection);
  } else {
    connection->head.append(buf->base, static_cast<size_t>(nread));
    agent->OnCdpHttp(connection);
  }
}

void Agent::WriteAndMaybeClose(CdpConnection* connection, std::string data, bool close) {
  if (close) {
    connection->closing = true;
    uv_read_stop(reinterpret_cast<uv_stream_t*>(&connection->tcp));
  }
  auto* write = new CdpWrite();
  write->data = std::move(data);
  write->close = close;
  write->req.data = connection;
  uv_buf_t buf = uv_buf_init(write->data.data(), static_cast<unsigned int>(write->data.size()));
  int err = uv_write(&write->req, reinterpret_cast<uv_stream_t*>(&connection->tcp), &buf, 1,
                     [](uv_write_t* req, int) {
                       auto* w = reinterpret_cast<CdpWrite*>(req);
                       if (w->close) {
                         CloseCdpHandle(static_cast<CdpConnection*>(req->data));
                       }
                       delete w;
                     });
  if (err != 0) {
    delete write;
    // A failed write also fails the next read, which detaches; when closing, close now.
    if (close) CloseCdpHandle(connection);
  }
}

void Agent::OnCdpHttp(CdpConnection* connection) {
  ws::HttpRequest request;
  size_t consumed = 0;
  switch (ws::ParseHead(connection->head, &request, &consumed)) {
    case ws::HeadResult::kNeedMore:
      return;
    case ws::HeadResult::kBad:
      WriteAndMaybeClose(connection,
                         ws::HttpResponse("400 Bad Request", "text/plain", "bad request\n"), true);
      return;
    case ws::HeadResult::kTooLarge:
      WriteAndMaybeClose(connection,
                         ws::HttpResponse("431 Request Header Fields Too Large", "text/plain",
                                          "request head too large\n"),
                         true);
      return;
    case ws::HeadResult::kComplete:
      break;
  }
  std::string rest = connection->head.substr(consumed);
  connection->head.clear();
  std::string path = request.path.substr(0, request.path.find('?'));
  std::string host = request.Header("host");
  if (!host.empty() && !IsSafeHost(host)) {
    WriteAndMaybeClose(connection,
                       ws::HttpResponse("400 Bad Request", "text/plain",
                                        "Host header must be localhost or an IP address\n"),
                       true);
    return;
  }
  if (host.empty()) host = cdp_host_ + ":" + std::to_string(cdp_port_);
  if (request.method != "GET") {
    WriteAndMaybeClose(connection,
                       ws::HttpResponse("405 Method Not Allowed", "text/plain", "GET only\n"),
                       true);
    return;
  }
  if (request.HeaderHasToken("upgrade", "websocket")) {
    auto refuse = [&](const char* status, const std::string& why) {
      WriteAndMaybeClose(connection, ws::HttpResponse(status, "text/plain", why + "\n"), true);
    };
    if (path != "/" + cdp_id_) return refuse("404 Not Found", "no target at " + path);
    if (request.Header("sec-websocket-version") != "13") {
      std::string response =
          "HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\n"
          "Content-Length: 0\r\nConnection: close\r\n\r\n";
      return WriteAndMaybeClose(connection, response, true);
    }
    std::string key = request.Header("sec-websocket-key");
    if (key.empty() || !request.HeaderHasToken("connection", "upgrade")) {
      return refuse("400 Bad Request", "not a WebSocket handshake");
    }
    if (connection_ != nullptr) {
      return refuse("409 Conflict",
                    "a protobuf protocol client (--debug) is attached; one debugger at a time");
    }
    if (cdp_connection_ != nullptr) {
      return refuse("409 Conflict", "another DevTools client is attached; one at a time");
    }
    WriteAndMaybeClose(connection,
                       "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                           ws::AcceptKey(key) + "\r\n\r\n",
                       false);
    connection->upgraded = true;
    cdp_connection_ = connection;
    DropOldCdpSession();
    cdp_channel_ = std::make_unique<CdpChannel>(this);
    {
      v8::HandleScope scope(env_->isolate());
      cdp_session_ = inspector_->connect(1, cdp_channel_.get(), v8_inspector::StringView());
    }
    if (!rest.empty()) {
      connection->reader.Append(rest.data(), rest.size());
      OnCdpFrames(connection);
    }
    return;
  }
  if (path == "/json" || path == "/json/list") {
    WriteAndMaybeClose(connection,
                       ws::HttpResponse("200 OK", "application/json; charset=UTF-8",
                                        TargetsJson(host)),
                       true);
  } else if (path == "/json/version") {
    std::string body = std::string("{\n  \"Browser\": \"node.js/") + NODUS_NODE_VERSION +
                       "\",\n  \"Protocol-Version\": \"1.1\",\n  \"V8-Version\": " +
                       JsonQuote(v8::V8::GetVersion()) + "\n}\n";
    WriteAndMaybeClose(connection,
                       ws::HttpResponse("200 OK", "application/json; charset=UTF-8", body), true);
  } else if (path == "/json/activate/" + cdp_id_) {
    WriteAndMaybeClose(connection, ws::HttpResponse("200 OK", "text/plain", "Target activated"),
                       true);
  } else {
    WriteAndMaybeClose(connection,
                       ws::HttpResponse("404 Not Found", "text/plain", "unknown path\n"), true);
  }
}

std::string Agent::TargetsJson(const std::string& host) const {
  std::string address = host + "/" + cdp_id_;
  // No main module (-e, the REPL): no file to name.
  std::string file_url = cdp_title_.empty() || cdp_title_[0] != '/' ? "" : "file://" + cdp_title_;
  std::string out = "[ {\n";
  out += "  \"description\": \"nodus instance\",\n";
  out += "  \"devtoolsFrontendUrl\": " +
         JsonQuote("devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws=" +
                   address) +
         ",\n";
  out += "  \"devtoolsFrontendUrlCompat\": " +
         JsonQuote("devtools://devtools/bundled/inspector.html?experiments=true&v8only=true&ws=" +
                   address) +
         ",\n";
  out += "  \"faviconUrl\": \"https://nodejs.org/static/images/favicons/favicon.ico\",\n";
  out += "  \"id\": " + JsonQuote(cdp_id_) + ",\n";
  out += "  \"title\": " + JsonQuote(cdp_title_) + ",\n";
  out += "  \"type\": \"node\",\n";
  out += "  \"url\": " + JsonQuote(file_url) + ",\n";
  out += "  \"webSocketDebuggerUrl\": " + JsonQuote("ws://" + address) + "\n";
  out += "} ]\n";
  return out;
}

void Agent::OnCdpFrames(CdpConnection* connection) {
  while (cdp_connection_ == connection && !connection->closing && !HoldingMessages()) {
    ws::Opcode opcode;
    std::string payload;
    ws::FrameReader::Result result = connection->reader.Next(&opcode, &payload);
    if (result == ws::FrameReader::Result::kNeedMore) return;
    if (result == ws::FrameReader::Result::kError) {
      CloseCdp(connection, connection->reader.close_code(), connection->reader.error());
      return;
    }
    switch (opcode) {
      case ws::kText:
        if (!encoding::IsValidUtf8(payload)) {
          CloseCdp(connection, ws::kCloseInvalidData, "text frames must be UTF-8");
          return;
        }
        HandleCdpMessage(payload);
        break;
      case ws::kPing:
        WriteAndMaybeClose(connection, ws::EncodeFrame(ws::kPong, payload), false);
        break;
      case ws::kPong:
        break;
      case ws::kClose: {
        uint16_t code = ws::kCloseNormal;
        if (payload.size() >= 2) {
          code = static_cast<uint16_t>((static_cast<unsigned char>(payload[0]) << 8) |
                                       static_cast<unsigned char>(payload[1]));
        }
        CloseCdp(connection, code, "");
        return;
      }
      default:
        CloseCdp(connection, ws::kCloseUnsupported, "CDP messages are text frames");
        return;
    }
  }
}

void Agent::CloseCdp(CdpConnection* connection, uint16_t code, const std::string& reason) {
  if (cdp_connection_ == connection) DetachCdp();
  if (connection->closing) return;
  WriteAndMaybeClose(connection, ws::EncodeClose(code, reason), true);
}

void Agent::DetachCdp() {
  if (cdp_connection_ == nullptr) return;
  cdp_connection_ = nullptr;
  cdp_channel_->Retire();
  // The program runs on as if never debugged: breakpoints go, a pause ends.
  {
    v8::HandleScope scope(env_->isolate());
    if (paused_) cdp_session_->resume();
    static const char kDisable[] = R"({"id":0,"method":"Debugger.disable"})";
    cdp_session_->dispatchProtocolMessage(v8_inspector::StringView(
        reinterpret_cast<const uint8_t*>(kDisable), sizeof(kDisable) - 1));
  }
  paused_ = false;
  // This may run inside the session's own dispatch (SendCdp from its channel), so the session
  // is kept until DropOldCdpSession; an older one is no longer on the stack.
  DropOldCdpSession();
  old_cdp_session_ = std::move(cdp_session_);
  old_cdp_channel_ = std::move(cdp_channel_);
}

void Agent::DropOldCdpSession() {
  old_cdp_session_.reset();
  old_cdp_channel_.reset();  // after its session, which may call it until it goes
}

void Agent::SendCdp(const std::string& text) {
  if (cdp_connection_ == nullptr) return;
  WriteAndMaybeClose(cdp_connection_, ws::EncodeFrame(ws::kText, text), false);
  if (cdp_connection_->tcp.write_queue_size > kMaxQueuedBytes) {
    // A client that does not read: drop it rather than hold its messages without bound.
    dropped_++;
    CdpConnection* connection = cdp_connection_;
    DetachCdp();
    connection->closing = true;
    CloseCdpHandle(connection);
  }
}

void Agent::HandleCdpMessage(const std::string& text) {
  Json message;
  if (!Json::Parse(text, &message) || message.type() != Json::Type::kObject) {
    SendCdp(R"({"id":0,"error":{"code":-32700,"message":"Message must be a valid JSON object"}})");
    return;
  }
  const std::string& method = message["method"].str();
  std::string id = IdText(message["id"]);
  if (message["id"].type() != Json::Type::kNumber || method.empty()) {
    SendCdp("{\"id\":" + id +
            ",\"error\":{\"code\":-32600,\"message\":\"Message must have an integer id and a "
            "method\"}}");
    return;
  }
  std::u16string wide = ToUtf16(text);
  std::u16string wide_method = ToUtf16(method);
  v8_inspector::StringView method_view(reinterpret_cast<const uint16_t*>(wide_method.data()),
                                       wide_method.size());
  if (!v8_inspector::V8InspectorSession::canDispatchMethod(method_view)) {
    // Node's own domains, which clients send on attach: enabling or disabling them is harmless
    // and answered; anything else is "not found", never silence.
    auto ends_with = [&](const char* suffix) {
      size_t n = std::strlen(suffix);
      return method.size() >= n && method.compare(method.size() - n, n, suffix) == 0;
    };
    if (ends_with(".enable") || ends_with(".disable") ||
        method == "NodeRuntime.notifyWhenWaitingForDisconnect") {
      SendCdp("{\"id\":" + id + ",\"result\":{}}");
    } else {
      SendCdp("{\"id\":" + id + ",\"error\":{\"code\":-32601,\"message\":" +
              JsonQuote("'" + method + "' wasn't found") + "}}");
    }
    return;
  }
  v8::HandleScope scope(env_->isolate());
  cdp_session_->dispatchProtocolMessage(
      v8_inspector::StringView(reinterpret_cast<const uint16_t*>(wide.data()), wide.size()));
}

}  // namespace nodus::debugger
