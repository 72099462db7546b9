/* The ceiling for bench/http_hello.sh: the front-page hello world server written directly on
 * libuv and http-parser (the libraries Nodus itself runs on), with no JavaScript in between.
 * Sends the same response bytes Nodus does (v0.6.3's headers, a chunked body), keeps connections
 * alive unless the request asks to close them, and answers pipelined requests in order.
 *
 *   hello_server <port> [deferred]
 *       listens on 127.0.0.1:<port>, prints "ready" once listening. With `deferred`, as Nodus's
 *       http servers (and Bun's) do: the listening socket has TCP_DEFER_ACCEPT (the kernel hands
 *       a connection over once its first bytes came), and each accepted connection is read at
 *       once instead of after the loop's next poll. And as Nodus's http servers do (Bun's do
 *       not): a response after which the connection closes is sent with MSG_MORE and the
 *       connection shut down and closed at once, so the FIN leaves with the response.
 */
#include <http_parser.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

static const char kKeepAlive[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: keep-alive\r\n"
    "Transfer-Encoding: chunked\r\n\r\nc\r\nHello World\n\r\n0\r\n\r\n";
static const char kClose[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n"
    "Transfer-Encoding: chunked\r\n\r\nc\r\nHello World\n\r\n0\r\n\r\n";

typedef struct {
  uv_tcp_t tcp;
  http_parser parser;
  int closing;
  int held; /* the last response went out whole with MSG_MORE: the kernel holds it for the FIN */
} conn_t;

typedef struct {
  uv_write_t req;
  char data[];
} write_t;

static http_parser_settings settings;
static int deferred;
static char read_buffer[64 * 1024]; /* One loop, one read at a time: shared by all connections. */

static void on_close(uv_handle_t* handle) { free(handle->data); }

static void on_write(uv_write_t* req, int status) {
  conn_t* c = req->handle->data;
  free(req);
  if (status < 0 && !uv_is_closing((uv_handle_t*)&c->tcp)) uv_close((uv_handle_t*)&c->tcp, on_close);
}

/* Tries the write at once; queues what the kernel did not take. */
static void send_bytes(conn_t* c, const char* data, size_t len) {
  uv_buf_t buf = uv_buf_init((char*)data, (unsigned)len);
  int n = uv_try_write((uv_stream_t*)&c->tcp, &buf, 1);
  if (n == (int)len) return;
  if (n < 0 && n != UV_EAGAIN) {
    if (!uv_is_closing((uv_handle_t*)&c->tcp)) uv_close((uv_handle_t*)&c->tcp, on_close);
    return;
  }
  if (n < 0) n = 0;
  write_t* w = malloc(sizeof(write_t) + len - n);
  memcpy(w->data, data + n, len - n);
  buf = uv_buf_init(w->data, (unsigned)(len - n));
  uv_write(&w->req, (uv_stream_t*)&c->tcp, &buf, 1, on_write);
}

/* The last bytes before a close (deferred mode): sent with MSG_MORE when nothing is queued. */
static void send_last_bytes(conn_t* c, const char* data, size_t len) {
  uv_os_fd_t fd;
  if (c->tcp.write_queue_size != 0 || uv_fileno((uv_handle_t*)&c->tcp, &fd) != 0) {
    send_bytes(c, data, len);
    return;
  }
  ssize_t n = send(fd, data, len, MSG_MORE | MSG_NOSIGNAL | MSG_DONTWAIT);
  if (n == (ssize_t)len) {
    c->held = 1;
    return;
  }
  if (n < 0) n = 0;
  send_bytes(c, data + n, len - (size_t)n);
}

static int on_message_complete(http_parser* parser) {
  conn_t* c = parser->data;
  if (http_should_keep_alive(parser)) {
    send_bytes(c, kKeepAlive, sizeof(kKeepAlive) - 1);
  } else {
    if (deferred) {
      send_last_bytes(c, kClose, sizeof(kClose) - 1);
    } else {
      send_bytes(c, kClose, sizeof(kClose) - 1);
    }
    c->closing = 1;
  }
  return 0;
}

static void on_alloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf) {
  (void)handle;
  (void)suggested;
  *buf = uv_buf_init(read_buffer, sizeof(read_buffer));
}

static void on_shutdown(uv_shutdown_t* req, int status) {
  (void)status;
  if (!uv_is_closing((uv_handle_t*)req->handle)) uv_close((uv_handle_t*)req->handle, on_close);
  free(req);
}

static void on_read(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  conn_t* c = stream->data;
  if (nread < 0) {
    if (!uv_is_closing((uv_handle_t*)stream)) uv_close((uv_handle_t*)stream, on_close);
    return;
  }
  if (nread == 0 || c->closing) return;
  size_t parsed = http_parser_execute(&c->parser, &settings, buf->base, (size_t)nread);
  if (parsed != (size_t)nread || c->closing) {
    /* A parse error, or a request that asked to close: shut down once the queued response is
     * written, then close; a held response at once. */
    if (c->held && stream->write_queue_size == 0) {
      uv_os_fd_t fd;
      if (uv_fileno((uv_handle_t*)stream, &fd) == 0) shutdown(fd, SHUT_WR);
      if (!uv_is_closing((uv_handle_t*)stream)) uv_close((uv_handle_t*)stream, on_close);
      return;
    }
    uv_read_stop(stream);
    uv_shutdown_t* req = malloc(sizeof(*req));
    if (uv_shutdown(req, stream, on_shutdown) != 0) {
      free(req);
      if (!uv_is_closing((uv_handle_t*)stream)) uv_close((uv_handle_t*)stream, on_close);
    }
  }
}

static void on_connection(uv_stream_t* server, int status) {
  if (status < 0) return;
  conn_t* c = calloc(1, sizeof(conn_t));
  uv_tcp_init(server->loop, &c->tcp);
  c->tcp.data = c;
  if (uv_accept(server, (uv_stream_t*)&c->tcp) != 0) {
    uv_close((uv_handle_t*)&c->tcp, on_close);
    return;
  }
  uv_tcp_nodelay(&c->tcp, 1);
  http_parser_init(&c->parser, HTTP_REQUEST);
  c->parser.data = c;
  uv_read_start((uv_stream_t*)&c->tcp, on_alloc, on_read);
  if (deferred) {
    uv_os_fd_t fd;
    if (uv_fileno((uv_handle_t*)&c->tcp, &fd) != 0) return;
    ssize_t n = read(fd, read_buffer, sizeof(read_buffer));
    if (n > 0) {
      uv_buf_t buf = uv_buf_init(read_buffer, (unsigned)n);
      on_read((uv_stream_t*)&c->tcp, n, &buf);
    }
  }
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: hello_server <port> [deferred]\n");
    return 2;
  }
  http_parser_settings_init(&settings);
  settings.on_message_complete = on_message_complete;
  uv_loop_t* loop = uv_default_loop();
  uv_tcp_t server;
  struct sockaddr_in addr;
  uv_tcp_init(loop, &server);
  uv_ip4_addr("127.0.0.1", atoi(argv[1]), &addr);
  int r = uv_tcp_bind(&server, (const struct sockaddr*)&addr, 0);
  deferred = argc > 2 && strcmp(argv[2], "deferred") == 0;
  if (r == 0 && deferred) {
    uv_os_fd_t fd;
    int seconds = 1;
    r = uv_fileno((uv_handle_t*)&server, &fd);
    if (r == 0 && setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &seconds, sizeof(seconds)) != 0) {
      r = UV_EINVAL;
    }
  }
  if (r == 0) r = uv_listen((uv_stream_t*)&server, 1024, on_connection);
  if (r != 0) {
    fprintf(stderr, "listen: %s\n", uv_strerror(r));
    return 1;
  }
  printf("ready\n");
  fflush(stdout);
  return uv_run(loop, UV_RUN_DEFAULT);
}
