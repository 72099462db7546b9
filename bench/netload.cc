// Load generator for the front-page echo server (bench/echo_server.js), on libuv, one thread.
//
//   netload throughput <port> <conns> <chunk> <seconds>
//   netload pingpong   <port> <conns> <msgsize> <seconds>
//   netload idle       <port> <conns>
//
// Every connection first consumes the 13-byte greeting "Echo server\r\n". Only once every
// connection has its greeting does traffic start. The payload is a repeating pattern
// (byte k of a connection's stream is k % 251), so the echoed stream is checked with memcmp.
//
// throughput: each connection keeps up to kWriteDepth writes of <chunk> bytes queued, and reads
//   the echo. After a 1 s warm-up, echoed bytes are counted for <seconds>.
// pingpong: each connection sends <msgsize> bytes, waits for the whole echo, and repeats.
//   After a 1 s warm-up, completed round trips are counted for <seconds>.
// Both end gracefully: stop writing, shutdown(SHUT_WR), read until the server's EOF, then close,
// so the server sees a FIN and not a reset.
// idle: connects <conns> connections (at most kConnectWindow connects in flight), waits for each
//   greeting, prints a JSON line with "status":"ready" and then holds the connections until stdin
//   reaches EOF or SIGINT/SIGTERM arrives.
//
// Results are one JSON line on stdout; diagnostics go to stderr.

#include <uv.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <unistd.h>

#include <string>
#include <vector>

namespace {

constexpr char kGreeting[] = "Echo server\r\n";
constexpr size_t kGreetingLen = sizeof(kGreeting) - 1;
constexpr int kPatternPeriod = 251;
constexpr int kWriteDepth = 4;
constexpr int kConnectWindow = 256;
constexpr double kWarmupSeconds = 1.0;
constexpr double kDrainTimeoutSeconds = 5.0;
constexpr size_t kReadBufSize = 256 * 1024;

enum Mode { kThroughput, kPingpong, kIdle };
enum Phase { kConnecting, kWarmup, kMeasuring, kDraining, kDone };

struct Conn;

struct Bench {
  uv_loop_t* loop = nullptr;
  Mode mode = kThroughput;
  int port = 0;
  int conns = 0;
  size_t size = 0;  // chunk size (throughput) or message size (pingpong)
  double seconds = 0;
  Phase phase = kConnecting;

  std::vector<Conn*> all;
  std::vector<char> pattern;  // kPatternPeriod + max(size, kReadBufSize) bytes of the pattern
  std::vector<char> readbuf;

  int next_to_connect = 0;
  int connecting = 0;
  int greeted = 0;
  int failed = 0;
  int closed = 0;
  int drained = 0;
  int mismatches = 0;
  int eof_early = 0;
  std::string first_error;

  uint64_t t_start = 0;  // all greeted
  uint64_t t_measure = 0;
  uint64_t t_end = 0;
  uint64_t bytes_at_measure = 0;  // echoed bytes at the start of the window
  uint64_t msgs_at_measure = 0;
  uint64_t bytes_in_window = 0;
  uint64_t msgs_in_window = 0;
  uint64_t total_rx = 0;
  uint64_t total_tx = 0;
  uint64_t total_msgs = 0;

  uv_timer_t timer;
  uv_signal_t sigint, sigterm;
  uv_async_t stdin_eof;
  bool printed = false;
  struct rusage ru_start;
};

Bench B;

struct Conn {
  uv_tcp_t tcp;
  uv_connect_t connect_req;
  uv_shutdown_t shutdown_req;
  int index = 0;
  size_t greet_got = 0;
  bool greeted = false;
  bool closing = false;
  bool eof = false;
  uint64_t tx = 0;          // payload bytes queued for writing
  uint64_t rx = 0;          // payload bytes echoed back
  int writes_in_flight = 0;
  size_t pp_got = 0;        // pingpong: bytes of the current message echoed
  // throughput: the payload goes out without a copy (vmsplice of the pattern into a pipe, then
  // splice into the socket), so the generator stays cheaper than the server it measures.
  bool splicing = false;
  int sock_fd = -1;
  int pipe_r = -1, pipe_w = -1;
  int poll_fd = -1;          // a dup of the socket, watched for writability
  uv_poll_t wpoll;
  bool wpolling = false;
  size_t in_pipe = 0;        // payload bytes in the pipe, not yet in the socket
  bool shutdown_pending = false;
};

struct WriteReq {
  uv_write_t req;
  Conn* conn;
};

void Fail(const char* what, int err) {
  if (B.first_error.empty()) {
    B.first_error = std::string(what) + ": " + uv_strerror(err);
  }
}

double CpuSeconds(const struct rusage& a, const struct rusage& b) {
  auto tv = [](const struct timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return (tv(b.ru_utime) - tv(a.ru_utime)) + (tv(b.ru_stime) - tv(a.ru_stime));
}

void PrintResult() {
  if (B.printed) return;
  B.printed = true;
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double window = (B.t_end > B.t_measure && B.t_measure) ? (B.t_end - B.t_measure) / 1e9 : 0;
  char buf[1024];
  if (B.mode == kThroughput) {
    double mbps = window > 0 ? B.bytes_in_window / window / 1e6 : 0;
    snprintf(buf, sizeof buf,
             "{\"mode\":\"throughput\",\"port\":%d,\"conns\":%d,\"chunk\":%zu,\"window_s\":%.3f,"
             "\"bytes_echoed\":%llu,\"mb_per_s\":%.1f,\"total_tx\":%llu,\"total_rx\":%llu,"
             "\"greeted\":%d,\"failed\":%d,\"drained\":%d,\"eof_early\":%d,\"mismatches\":%d,"
             "\"client_cpu_s\":%.2f,\"error\":\"%s\"}",
             B.port, B.conns, B.size, window, (unsigned long long)B.bytes_in_window, mbps,
             (unsigned long long)B.total_tx, (unsigned long long)B.total_rx, B.greeted, B.failed,
             B.drained, B.eof_early, B.mismatches, CpuSeconds(B.ru_start, ru),
             B.first_error.c_str());
  } else if (B.mode == kPingpong) {
    double mps = window > 0 ? B.msgs_in_window / window : 0;
    snprintf(buf, sizeof buf,
             "{\"mode\":\"pingpong\",\"port\":%d,\"conns\":%d,\"msgsize\":%zu,\"window_s\":%.3f,"
             "\"messages\":%llu,\"msgs_per_s\":%.0f,\"greeted\":%d,\"failed\":%d,\"drained\":%d,"
             "\"eof_early\":%d,\"mismatches\":%d,\"client_cpu_s\":%.2f,\"error\":\"%s\"}",
             B.port, B.conns, B.size, window, (unsigned long long)B.msgs_in_window, mps,
             B.greeted, B.failed, B.drained, B.eof_early, B.mismatches,
             CpuSeconds(B.ru_start, ru), B.first_error.c_str());
  } else {
    double connect_s = B.t_start ? (B.t_start - B.t_measure) / 1e9 : 0;
    snprintf(buf, sizeof buf,
             "{\"mode\":\"idle\",\"status\":\"%s\",\"port\":%d,\"conns\":%d,\"greeted\":%d,"
             "\"failed\":%d,\"eof_early\":%d,\"connect_s\":%.3f,\"error\":\"%s\"}",
             B.greeted == B.conns ? "ready" : "incomplete", B.port, B.conns, B.greeted,
             B.failed, B.eof_early, connect_s, B.first_error.c_str());
  }
  puts(buf);
  fflush(stdout);
}

void OnClose(uv_handle_t*) {
  B.closed++;
}

void CloseConn(Conn* c) {
  if (c->closing) return;
  c->closing = true;
  uv_close(reinterpret_cast<uv_handle_t*>(&c->tcp), OnClose);
  if (c->splicing) {
    c->splicing = false;
    uv_close(reinterpret_cast<uv_handle_t*>(&c->wpoll), [](uv_handle_t* h) {
      Conn* conn = static_cast<Conn*>(h->data);
      close(conn->poll_fd);
      close(conn->pipe_r);
      close(conn->pipe_w);
    });
  }
}

void StopEverything() {
  for (Conn* c : B.all) CloseConn(c);
  uv_close(reinterpret_cast<uv_handle_t*>(&B.timer), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&B.sigint), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&B.sigterm), nullptr);
  if (B.mode == kIdle) uv_close(reinterpret_cast<uv_handle_t*>(&B.stdin_eof), nullptr);
}

void MaybeFinishDrain() {
  if (B.phase != kDraining) return;
  int open = 0;
  for (Conn* c : B.all) if (!c->eof && !c->closing) open++;
  if (open == 0) {
    B.phase = kDone;
    PrintResult();
    StopEverything();
  }
}

void StartWrites(Conn* c);

void OnWrite(uv_write_t* req, int status) {
  WriteReq* w = reinterpret_cast<WriteReq*>(req);
  Conn* c = w->conn;
  delete w;
  c->writes_in_flight--;
  if (status < 0) {
    if (status != UV_ECANCELED) Fail("write", status);
    return;
  }
  if (B.mode == kThroughput) StartWrites(c);
}

void WritePattern(Conn* c, size_t len) {
  const char* base = &B.pattern[c->tx % kPatternPeriod];
  c->tx += len;
  B.total_tx += len;
  uv_stream_t* stream = reinterpret_cast<uv_stream_t*>(&c->tcp);
  // Nothing queued: try the write right away, so a write the kernel takes whole costs one
  // syscall and no request (the generator must stay cheaper than the server it measures).
  if (c->writes_in_flight == 0) {
    uv_buf_t buf = uv_buf_init(const_cast<char*>(base), len);
    int n = uv_try_write(stream, &buf, 1);
    if (n == static_cast<int>(len)) return;
    if (n > 0) {
      base += n;
      len -= n;
    } else if (n != UV_EAGAIN) {
      Fail("uv_try_write", n);
      return;
    }
  }
  WriteReq* w = new WriteReq;
  w->conn = c;
  uv_buf_t buf = uv_buf_init(const_cast<char*>(base), len);
  c->writes_in_flight++;
  int err = uv_write(&w->req, stream, &buf, 1, OnWrite);
  if (err < 0) {
    c->writes_in_flight--;
    delete w;
    Fail("uv_write", err);
  }
}

void OnShutdown(uv_shutdown_t*, int status);

void ShutdownConn(Conn* c) {
  int err = uv_shutdown(&c->shutdown_req, reinterpret_cast<uv_stream_t*>(&c->tcp), OnShutdown);
  if (err < 0) {
    Fail("uv_shutdown", err);
    CloseConn(c);
  }
}

void PumpSplice(Conn* c);

void OnWritable(uv_poll_t* poll, int status, int) {
  Conn* c = static_cast<Conn*>(poll->data);
  if (status < 0) {
    Fail("poll", status);
    return;
  }
  PumpSplice(c);
}

void WatchWritable(Conn* c, bool on) {
  if (on == c->wpolling || !c->splicing) return;
  c->wpolling = on;
  if (on) {
    uv_poll_start(&c->wpoll, UV_WRITABLE, OnWritable);
  } else {
    uv_poll_stop(&c->wpoll);
  }
}

bool SetUpSplice(Conn* c) {
  uv_os_fd_t fd;
  if (uv_fileno(reinterpret_cast<uv_handle_t*>(&c->tcp), &fd) != 0) return false;
  int fds[2];
  if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) return false;
  fcntl(fds[1], F_SETPIPE_SZ, 256 * 1024);  // room for a whole unaligned chunk
  int dup_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (dup_fd < 0 || uv_poll_init(B.loop, &c->wpoll, dup_fd) != 0) {
    if (dup_fd >= 0) close(dup_fd);
    close(fds[0]);
    close(fds[1]);
    return false;
  }
  c->wpoll.data = c;
  c->sock_fd = fd;
  c->pipe_r = fds[0];
  c->pipe_w = fds[1];
  c->poll_fd = dup_fd;
  c->splicing = true;
  return true;
}

// Moves payload into the socket until it is full (then waits for writability), a turn is used
// up (then lets other connections run), or the measurement is over (then, once the pipe is
// empty, sends FIN if the drain asked for it).
void PumpSplice(Conn* c) {
  if (!c->splicing) return;
  for (int round = 0; round < 16; round++) {
    if (c->in_pipe == 0) {
      bool writing = (B.phase == kWarmup || B.phase == kMeasuring) && !c->eof &&
                     B.first_error.empty();
      if (!writing) {
        WatchWritable(c, false);
        if (c->shutdown_pending) {
          c->shutdown_pending = false;
          ShutdownConn(c);
        }
        return;
      }
      struct iovec iov;
      iov.iov_base = &B.pattern[c->tx % kPatternPeriod];
      iov.iov_len = B.size;
      ssize_t m = vmsplice(c->pipe_w, &iov, 1, SPLICE_F_NONBLOCK);
      if (m < 0) {
        if (errno == EINTR) continue;
        Fail("vmsplice", -errno);
        WatchWritable(c, false);
        return;
      }
      c->in_pipe = static_cast<size_t>(m);
      c->tx += static_cast<uint64_t>(m);
      B.total_tx += static_cast<uint64_t>(m);
    }
    ssize_t k = splice(c->pipe_r, nullptr, c->sock_fd, nullptr, c->in_pipe,
                       SPLICE_F_NONBLOCK | SPLICE_F_MOVE);
    if (k > 0) {
      c->in_pipe -= static_cast<size_t>(k);
      continue;
    }
    if (k < 0 && errno == EINTR) continue;
    if (k < 0 && errno == EAGAIN) break;
    Fail("splice", k < 0 ? -errno : UV_EIO);
    WatchWritable(c, false);
    return;
  }
  WatchWritable(c, true);
}

void StartWrites(Conn* c) {
  if (c->closing || c->eof) return;
  if (B.phase != kWarmup && B.phase != kMeasuring) return;
  // Writes the kernel takes at once complete inline; stop once kWriteDepth are queued in libuv.
  while (c->writes_in_flight < kWriteDepth && !c->closing && B.first_error.empty()) {
    WritePattern(c, B.size);
  }
}

void OnShutdown(uv_shutdown_t*, int status) {
  if (status < 0 && status != UV_ECANCELED) Fail("shutdown", status);
}

void BeginDrain() {
  B.phase = kDraining;
  for (Conn* c : B.all) {
    if (c->closing || c->eof) continue;
    if (c->splicing && c->in_pipe > 0) {
      c->shutdown_pending = true;  // PumpSplice sends FIN once the pipe is empty
      WatchWritable(c, true);
      continue;
    }
    ShutdownConn(c);
  }
  MaybeFinishDrain();
}

void OnTimer(uv_timer_t*) {
  uint64_t now = uv_hrtime();
  if (B.phase == kWarmup) {
    B.phase = kMeasuring;
    B.t_measure = now;
    B.bytes_at_measure = B.total_rx;
    B.msgs_at_measure = B.total_msgs;
    uv_timer_start(&B.timer, OnTimer, static_cast<uint64_t>(B.seconds * 1000), 0);
  } else if (B.phase == kMeasuring) {
    B.t_end = now;
    B.bytes_in_window = B.total_rx - B.bytes_at_measure;
    B.msgs_in_window = B.total_msgs - B.msgs_at_measure;
    BeginDrain();
    // Don't wait forever on a server that never sends EOF.
    uv_timer_start(&B.timer, OnTimer, static_cast<uint64_t>(kDrainTimeoutSeconds * 1000), 0);
  } else if (B.phase == kDraining) {
    Fail("drain", UV_ETIMEDOUT);
    B.phase = kDone;
    PrintResult();
    StopEverything();
  }
}

void AllGreeted() {
  if (B.t_start) return;
  B.t_start = uv_hrtime();
  if (B.mode == kIdle) {
    PrintResult();
    return;
  }
  B.phase = kWarmup;
  uv_timer_start(&B.timer, OnTimer, static_cast<uint64_t>(kWarmupSeconds * 1000), 0);
  for (Conn* c : B.all) {
    if (!c->greeted) continue;
    if (B.mode == kThroughput) {
      if (SetUpSplice(c)) {
        PumpSplice(c);
      } else {
        StartWrites(c);
      }
    } else {
      WritePattern(c, B.size);
    }
  }
}

void ConnectMore();

void ConnFailed(Conn* c) {
  B.failed++;
  CloseConn(c);
  if (B.phase == kConnecting && B.greeted + B.failed == B.conns) {
    if (B.mode == kIdle) PrintResult();
    else if (B.greeted > 0) AllGreeted();
    else { PrintResult(); StopEverything(); }
  }
}

void AllocCb(uv_handle_t*, size_t, uv_buf_t* buf) {
  *buf = uv_buf_init(B.readbuf.data(), B.readbuf.size());
}

bool CheckPayload(Conn* c, const char* data, size_t n) {
  if (memcmp(data, &B.pattern[c->rx % kPatternPeriod], n) != 0) {
    B.mismatches++;
    if (B.first_error.empty()) B.first_error = "echoed bytes differ from what was sent";
    return false;
  }
  return true;
}

void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  Conn* c = reinterpret_cast<Conn*>(reinterpret_cast<char*>(stream) - offsetof(Conn, tcp));
  if (nread == 0) return;
  if (nread < 0) {
    if (nread != UV_EOF) Fail("read", nread);
    c->eof = true;
    if (B.phase == kDraining) {
      if (nread == UV_EOF) B.drained++;
      CloseConn(c);
      MaybeFinishDrain();
      return;
    }
    B.eof_early++;
    if (!c->greeted) {
      if (nread == UV_EOF && B.first_error.empty()) B.first_error = "EOF before the greeting";
      B.connecting--;
      ConnFailed(c);
      ConnectMore();
      return;
    }
    CloseConn(c);
    return;
  }
  const char* p = buf->base;
  size_t n = static_cast<size_t>(nread);
  if (!c->greeted) {
    size_t take = n < kGreetingLen - c->greet_got ? n : kGreetingLen - c->greet_got;
    if (memcmp(p, kGreeting + c->greet_got, take) != 0) {
      if (B.first_error.empty()) B.first_error = "bad greeting";
      B.connecting--;
      ConnFailed(c);
      ConnectMore();
      return;
    }
    c->greet_got += take;
    p += take;
    n -= take;
    if (c->greet_got < kGreetingLen) return;
    c->greeted = true;
    B.greeted++;
    B.connecting--;
    ConnectMore();
    if (n > 0) {
      if (B.first_error.empty()) B.first_error = "data after the greeting before any was sent";
      B.mismatches++;
    }
    if (B.greeted + B.failed == B.conns) AllGreeted();
    return;
  }
  if (n == 0) return;
  if (B.mode == kPingpong) {
    // The server may split or (in principle) coalesce; everything in flight is one message.
    CheckPayload(c, p, n);
    c->rx += n;
    B.total_rx += n;
    c->pp_got += n;
    if (c->pp_got > B.size) {
      B.mismatches++;
      if (B.first_error.empty()) B.first_error = "more echoed than sent";
    }
    if (c->pp_got >= B.size) {
      c->pp_got = 0;
      B.total_msgs++;
      if (B.phase == kWarmup || B.phase == kMeasuring) WritePattern(c, B.size);
    }
  } else {
    CheckPayload(c, p, n);
    c->rx += n;
    B.total_rx += n;
  }
}

void OnConnect(uv_connect_t* req, int status) {
  Conn* c = reinterpret_cast<Conn*>(reinterpret_cast<char*>(req) - offsetof(Conn, connect_req));
  if (status < 0) {
    Fail("connect", status);
    B.connecting--;
    ConnFailed(c);
    ConnectMore();
    return;
  }
  uv_tcp_nodelay(&c->tcp, 1);
  int err = uv_read_start(reinterpret_cast<uv_stream_t*>(&c->tcp), AllocCb, OnRead);
  if (err < 0) {
    Fail("uv_read_start", err);
    B.connecting--;
    ConnFailed(c);
    ConnectMore();
  }
}

void ConnectMore() {
  struct sockaddr_in addr;
  uv_ip4_addr("127.0.0.1", B.port, &addr);
  while (B.next_to_connect < B.conns && B.connecting < kConnectWindow) {
    Conn* c = B.all[B.next_to_connect++];
    uv_tcp_init(B.loop, &c->tcp);
    B.connecting++;
    int err = uv_tcp_connect(&c->connect_req, &c->tcp,
                             reinterpret_cast<const struct sockaddr*>(&addr), OnConnect);
    if (err < 0) {
      Fail("uv_tcp_connect", err);
      B.connecting--;
      ConnFailed(c);
    }
  }
}

void OnSignal(uv_signal_t*, int) {
  if (B.mode == kIdle) {
    StopEverything();
  } else {
    // Interrupted: report what was measured so far.
    if (B.phase == kMeasuring) {
      B.t_end = uv_hrtime();
      B.bytes_in_window = B.total_rx - B.bytes_at_measure;
      B.msgs_in_window = B.total_msgs - B.msgs_at_measure;
    }
    if (B.first_error.empty()) B.first_error = "interrupted";
    PrintResult();
    StopEverything();
  }
}

void OnStdinEof(uv_async_t*) {
  StopEverything();
}

void StdinWatcher(void*) {
  char buf[256];
  while (true) {
    ssize_t n = read(0, buf, sizeof buf);
    if (n == 0 || (n < 0 && errno != EINTR)) break;
  }
  uv_async_send(&B.stdin_eof);
}

int Usage() {
  fprintf(stderr,
          "usage: netload throughput <port> <conns> <chunk> <seconds>\n"
          "       netload pingpong <port> <conns> <msgsize> <seconds>\n"
          "       netload idle <port> <conns>\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return Usage();
  std::string mode = argv[1];
  if (mode == "throughput") B.mode = kThroughput;
  else if (mode == "pingpong") B.mode = kPingpong;
  else if (mode == "idle") B.mode = kIdle;
  else return Usage();
  if (B.mode != kIdle && argc != 6) return Usage();
  if (B.mode == kIdle && argc != 4) return Usage();
  B.port = atoi(argv[2]);
  B.conns = atoi(argv[3]);
  if (B.mode != kIdle) {
    B.size = strtoull(argv[4], nullptr, 10);
    B.seconds = atof(argv[5]);
    if (B.size == 0 || B.seconds <= 0) return Usage();
  }
  if (B.port <= 0 || B.conns <= 0) return Usage();

  signal(SIGPIPE, SIG_IGN);
  B.loop = uv_default_loop();
  B.readbuf.resize(kReadBufSize);
  size_t span = B.size > kReadBufSize ? B.size : kReadBufSize;
  B.pattern.resize(kPatternPeriod + span);
  for (size_t i = 0; i < B.pattern.size(); i++) B.pattern[i] = static_cast<char>(i % kPatternPeriod);

  uv_timer_init(B.loop, &B.timer);
  uv_signal_init(B.loop, &B.sigint);
  uv_signal_init(B.loop, &B.sigterm);
  uv_signal_start(&B.sigint, OnSignal, SIGINT);
  uv_signal_start(&B.sigterm, OnSignal, SIGTERM);
  if (B.mode == kIdle) {
    uv_async_init(B.loop, &B.stdin_eof, OnStdinEof);
    uv_thread_t tid;
    uv_thread_create(&tid, StdinWatcher, nullptr);
  }

  B.all.reserve(B.conns);
  for (int i = 0; i < B.conns; i++) {
    Conn* c = new Conn;
    c->index = i;
    B.all.push_back(c);
  }
  getrusage(RUSAGE_SELF, &B.ru_start);
  B.t_measure = uv_hrtime();  // idle mode: connect time is measured from here
  ConnectMore();
  uv_run(B.loop, UV_RUN_DEFAULT);
  if (!B.printed) PrintResult();
  // Idle mode's stdin thread may still block in read(); exit without joining it.
  fflush(stdout);
  _exit(B.first_error.empty() || B.mode == kIdle ? 0 : 1);
}
