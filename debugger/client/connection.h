// The client's connection to the agent: a TCP socket carrying length-prefixed protobuf frames
// (debugger/proto/framing.h). Requests get a sequence number and a callback for their answer;
// events go to the session.
#ifndef DEBUGGER_CLIENT_CONNECTION_H_
#define DEBUGGER_CLIENT_CONNECTION_H_

#include <uv.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "debugger/proto/debugger.pb.h"
#include "debugger/proto/framing.h"

namespace nodus::debugger {

// Owned by the Session (a member), on the Session's loop; one socket at a time, replaced by
// the next Connect() after a restart.
class AgentConnection {
 public:
  struct Callbacks {
    // The connect attempt ended: `status` is 0 or a libuv error (the socket is closed then).
    std::function<void(int status)> on_connect;
    std::function<void(const Event& event)> on_event;
    // After each answer's callback has run.
    std::function<void()> on_answered;
    // The agent went away or a write failed (`unreadable` false), or it sent bytes that are not
    // the protocol (`unreadable` true). Close() has not been called yet.
    std::function<void(bool unreadable)> on_lost;
  };

  AgentConnection(uv_loop_t* loop, Callbacks callbacks)
      : loop_(loop), callbacks_(std::move(callbacks)) {}

  // Starts connecting to host:port. False (nothing started) if the address is not an IPv4 one.
  bool Connect(const std::string& host, int port);
  // Closes the socket; the callbacks of requests without an answer are dropped.
  void Close();
  // Sends `request` (numbered here); `done` gets the answer. The caller checks connected().
  void Send(Request request, std::function<void(const Response&)> done);

  bool connecting() const { return connecting_; }
  bool connected() const { return connected_; }
  bool waiting() const { return !pending_.empty(); }

 private:
  static void CloseSocket(uv_tcp_t* socket);
  static void OnConnect(uv_connect_t* req, int status);
  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  void OnMessage(const AgentMessage& message);

  uv_loop_t* loop_;
  Callbacks callbacks_;
  uv_tcp_t* socket_ = nullptr;  // Heap-allocated: a restart may reconnect before it is closed.
  uv_connect_t connect_req_;
  bool connecting_ = false;
  bool connected_ = false;
  FrameReader reader_;
  uint32_t seq_ = 0;
  std::map<uint32_t, std::function<void(const Response&)>> pending_;
};

}  // namespace nodus::debugger

#endif  // DEBUGGER_CLIENT_CONNECTION_H_
