#include "debugger/client/connection.h"

#include <cstdlib>

namespace nodus::debugger {

namespace {

void AllocBuffer(uv_handle_t*, size_t suggested, uv_buf_t* buf) {
  *buf = uv_buf_init(static_cast<char*>(std::malloc(suggested)), static_cast<unsigned>(suggested));
}

}  // namespace

void AgentConnection::CloseSocket(uv_tcp_t* socket) {
  uv_close(reinterpret_cast<uv_handle_t*>(socket),
           [](uv_handle_t* h) { delete reinterpret_cast<uv_tcp_t*>(h); });
}

bool AgentConnection::Connect(const std::string& host, int port) {
  sockaddr_in addr;
  if (uv_ip4_addr(host.c_str(), port, &addr) != 0) return false;
  connecting_ = true;
  socket_ = new uv_tcp_t();
  uv_tcp_init(loop_, socket_);
  socket_->data = this;
  connect_req_.data = this;
  uv_tcp_connect(&connect_req_, socket_, reinterpret_cast<const sockaddr*>(&addr), OnConnect);
  return true;
}

void AgentConnection::OnConnect(uv_connect_t* req, int status) {
  auto* self = static_cast<AgentConnection*>(req->data);
  self->connecting_ = false;
  if (status != 0) {
    CloseSocket(self->socket_);
    self->callbacks_.on_connect(status);
    return;
  }
  self->connected_ = true;
  self->reader_ = FrameReader();
  uv_tcp_nodelay(self->socket_, 1);
  uv_read_start(reinterpret_cast<uv_stream_t*>(self->socket_), AllocBuffer, OnRead);
  self->callbacks_.on_connect(0);
}

void AgentConnection::OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* self = static_cast<AgentConnection*>(stream->data);
  if (nread > 0) self->reader_.Append(buf->base, static_cast<size_t>(nread));
  std::free(buf->base);
  if (nread < 0) {
    self->callbacks_.on_lost(false);
    return;
  }
  std::string payload;
  while (self->connected_) {
    FrameReader::Result result = self->reader_.Next(&payload);
    if (result == FrameReader::Result::kNeedMore) break;
    AgentMessage message;
    if (result == FrameReader::Result::kTooLarge || !message.ParseFromString(payload)) {
      self->callbacks_.on_lost(true);
      return;
    }
    self->OnMessage(message);
  }
}

void AgentConnection::Close() {
  if (!connected_) return;
  connected_ = false;
  CloseSocket(socket_);
  // Whatever was waiting for an answer will not get one.
  pending_.clear();
}

void AgentConnection::Send(Request request, std::function<void(const Response&)> done) {
  request.set_seq(++seq_);
  pending_[request.seq()] = std::move(done);
  struct Write {
    uv_write_t req;
    std::string data;
  };
  auto* write = new Write();
  write->data = EncodeFrame(request);
  uv_buf_t buf = uv_buf_init(write->data.data(), static_cast<unsigned>(write->data.size()));
  if (uv_write(&write->req, reinterpret_cast<uv_stream_t*>(socket_), &buf, 1,
               [](uv_write_t* req, int) { delete reinterpret_cast<Write*>(req); }) != 0) {
    delete write;
    callbacks_.on_lost(false);
  }
}

void AgentConnection::OnMessage(const AgentMessage& message) {
  if (message.has_event()) {
    callbacks_.on_event(message.event());
    return;
  }
  const Response& response = message.response();
  auto it = pending_.find(response.request_seq());
  if (it == pending_.end()) return;
  auto done = std::move(it->second);
  pending_.erase(it);
  done(response);
  callbacks_.on_answered();
}

}  // namespace nodus::debugger
