// process.binding('cares_wrap'): name resolution for stdlib/lib/dns.js.
//
//  - getaddrinfo(req, hostname, family): the system resolver (getaddrinfo(3)) on libuv's thread
//    pool; family is 0 (any), 4 or 6. Calls req.oncomplete(err, addresses) with the IPv4
//    addresses first, then the IPv6 ones, as v0.6 did.
//  - queryA/queryAaaa/queryMx/queryTxt/querySrv/queryNs/queryCname(req, name) and
//    getHostByAddr(req, ip): DNS queries through c-ares, calling req.oncomplete(err, results).
//
// `err` is null on success, else v0.6's error code string ('ENOTFOUND', 'ETIMEOUT', ...); dns.js
// makes the Error. req.oncomplete always runs from the event loop, never inside the call that
// started the request: a request that finishes at once (a bad name, an /etc/hosts hit, no DNS
// servers) is delivered on the next loop iteration.
//
// c-ares runs on libuv's loop: c-ares reports the sockets it wants watched through its
// sock_state_cb and each gets a uv_poll_t; a uv_timer_t drives c-ares's retransmissions and
// timeouts. The poll handles are unref'd and the timer runs only while a query is pending, so
// the resolver never keeps the process alive on its own. All of it lives in one CaresState per
// Environment, made in Initialize and freed by the Environment's cleanup hook (FreeState).
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <ares.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <uv.h>

#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/check.h"
#include "runtime/core/req_wrap.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace cares_wrap {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

// v0.6's names for c-ares's status codes (dns.js exports them as dns.NODATA etc.).
const char* AresErrorCode(int status) {
  switch (status) {
    case ARES_ENODATA: return "ENODATA";
    case ARES_EFORMERR: return "EFORMERR";
    case ARES_ESERVFAIL: return "ESERVFAIL";
    case ARES_ENOTFOUND: return "ENOTFOUND";
    case ARES_ENOTIMP: return "ENOTIMP";
    case ARES_EREFUSED: return "EREFUSED";
    case ARES_EBADQUERY: return "EBADQUERY";
    case ARES_EBADNAME: return "EBADNAME";
    case ARES_EBADFAMILY: return "EBADFAMILY";
    case ARES_EBADRESP: return "EBADRESP";
    case ARES_ECONNREFUSED: return "ECONNREFUSED";
    case ARES_ETIMEOUT: return "ETIMEOUT";
    case ARES_EOF: return "EOF";
    case ARES_EFILE: return "EFILE";
    case ARES_ENOMEM: return "ENOMEM";
    case ARES_EDESTRUCTION: return "EDESTRUCTION";
    case ARES_EBADSTR: return "EBADSTR";
    case ARES_EBADFLAGS: return "EBADFLAGS";
    case ARES_ENONAME: return "ENONAME";
    case ARES_EBADHINTS: return "EBADHINTS";
    case ARES_ENOTINITIALIZED: return "ENOTINITIALIZED";
    case ARES_ELOADIPHLPAPI: return "ELOADIPHLPAPI";
    case ARES_EADDRGETNETWORKPARAMS: return "EADDRGETNETWORKPARAMS";
    case ARES_ECANCELLED: return "ECANCELLED";
    default: return "EBADRESP";
  }
}

// getaddrinfo's failures in v0.6's terms: a name that does not resolve is 'ENOTFOUND' (v0.6 got
// ENOENT from libuv for EAI_NONAME and renamed it); the rest take the nearest c-ares name.
const char* GetAddrInfoErrorCode(int status) {
  switch (status) {
    case UV_EAI_NONAME:
    case UV_EAI_NODATA:
    case UV_EAI_AGAIN:
    case UV_EAI_FAIL:
    case UV_EAI_ADDRFAMILY:
    // A name libuv refuses before asking (a label over 63 bytes, bad IDNA): getaddrinfo itself
    // answered such names with EAI_NONAME.
    case UV_EINVAL:
      return "ENOTFOUND";
    case UV_EAI_MEMORY:
    case UV_ENOMEM:
      return "ENOMEM";
    case UV_EAI_FAMILY: return "EBADFAMILY";
    case UV_EAI_BADFLAGS: return "EBADFLAGS";
    case UV_EAI_BADHINTS: return "EBADHINTS";
    case UV_EAI_CANCELED:
    case UV_ECANCELED:
      return "ECANCELLED";
    default:
      // v0.6 reported every other getaddrinfo failure as EADDRINFO.
      return "EADDRINFO";
  }
}

struct PollTask;

struct CaresState {
  Environment* env = nullptr;
  ares_channel channel = nullptr;
  bool library_initialized = false;  // ares_library_init succeeded: cleanup owes one call back
  int init_status = ARES_ENOTINITIALIZED;
  // Drives ares_process_fd's timeouts; active (and so keeping the loop alive) only while
  // `pending` > 0.
  uv_timer_t timer;
  int pending = 0;
  // One poll handle per socket c-ares wants watched.
  std::unordered_map<ares_socket_t, PollTask*> polls;
  // > 0 while JS is inside a call that starts a query: completions then are deferred.
  int starting = 0;
  // Completions waiting for the next loop iteration, and the timer that delivers them.
  struct Deferred {
    std::unique_ptr<ReqWrapBase> req;
    Global<Value> err;
    Global<Value> result;
  };
  std::vector<Deferred> deferred;
  uv_timer_t defer_timer;
  // Set by the cleanup hook: completions then free their requests without calling JS.
  bool destroying = false;
  // Handles of the state (the two timers) whose close callbacks have not run yet.
  int open_handles = 0;
};

struct PollTask {
  uv_poll_t handle;
  CaresState* state;
  ares_socket_t sock;
};

// One c-ares request in flight (a query or a reverse lookup): c-ares's callback `arg` leads back
// to it (AsData / FromData), as a libuv request's `data` does.
struct QueryReq : ReqWrapBase {
  QueryReq(CaresState* state, Local<Object> object, int type)
      : ReqWrapBase(state->env, object), state(state), type(type) {}
  CaresState* state;
  int type;  // ns_t_* of the query, or 0 for getHostByAddr.
};

struct GetAddrInfoReq : ReqWrap<uv_getaddrinfo_t> {
  GetAddrInfoReq(CaresState* state, Local<Object> object)
      : ReqWrap(state->env, object), state(state) {}
  CaresState* state;
};

CaresState* GetState(const FunctionCallbackInfo<Value>& args) {
  return static_cast<CaresState*>(args.Data().As<v8::External>()->Value());
}

void FlushDeferred(uv_timer_t* handle) {
  CaresState* state = static_cast<CaresState*>(handle->data);
  Environment* env = state->env;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  std::vector<CaresState::Deferred> batch;
  batch.swap(state->deferred);
  for (auto& item : batch) {
    Local<Value> argv[] = {item.err.Get(isolate), item.result.Get(isolate)};
    ReqWrapBase::Complete(std::move(item.req), 2, argv);
  }
}

// Calls req.oncomplete(err, result) now from the loop, or on the next iteration if JS is still
// inside the call that started the request.
void Deliver(CaresState* state, std::unique_ptr<ReqWrapBase> req, Local<Value> err,
             Local<Value> result) {
  Environment* env = state->env;
  if (state->destroying) return;  // the Environment is going: `req` is only freed
  if (state->starting > 0) {
    CaresState::Deferred item;
    item.req = std::move(req);
    item.err.Reset(env->isolate(), err);
    item.result.Reset(env->isolate(), result);
    state->deferred.push_back(std::move(item));
    uv_timer_start(&state->defer_timer, FlushDeferred, 0, 0);
    return;
  }
  Local<Value> argv[] = {err, result};
  ReqWrapBase::Complete(std::move(req), 2, argv);
}

Local<Value> ErrorCode(Isolate* isolate, const char* code) { return OneByteString(isolate, code); }

// --- c-ares on the libuv loop ---

void ProcessTimeouts(uv_timer_t* handle);

// Arms the timer for c-ares's next timeout while queries are pending; stops it otherwise.
void UpdateTimer(CaresState* state) {
  if (state->pending == 0 || state->channel == nullptr) {
    uv_timer_stop(&state->timer);
    return;
  }
  struct timeval max_wait = {1, 0};
  struct timeval wait;
  struct timeval* next = ares_timeout(state->channel, &max_wait, &wait);
  uint64_t ms = static_cast<uint64_t>(next->tv_sec) * 1000 + next->tv_usec / 1000;
  if (ms == 0) ms = 1;
  uv_timer_start(&state->timer, ProcessTimeouts, ms, 0);
}

void ProcessTimeouts(uv_timer_t* handle) {
  CaresState* state = static_cast<CaresState*>(handle->data);
  ares_process_fd(state->channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
  UpdateTimer(state);
}

void OnPoll(uv_poll_t* handle, int status, int events) {
  PollTask* task = static_cast<PollTask*>(handle->data);
  CaresState* state = task->state;
  ares_socket_t sock = task->sock;
  // On a poll error let c-ares read and write: it then sees the socket's error itself.
  bool readable = status < 0 || (events & UV_READABLE);
  bool writable = status < 0 || (events & UV_WRITABLE);
  // `task` may be closed by the sock_state_cb during this call.
  ares_process_fd(state->channel, readable ? sock : ARES_SOCKET_BAD,
                  writable ? sock : ARES_SOCKET_BAD);
  UpdateTimer(state);
}

void OnPollClosed(uv_handle_t* handle) { delete static_cast<PollTask*>(handle->data); }

void OnSockState(void* data, ares_socket_t sock, int readable, int writable) {
  CaresState* state = static_cast<CaresState*>(data);
  auto it = state->polls.find(sock);
  if (!readable && !writable) {
    if (it == state->polls.end()) return;
    PollTask* task = it->second;
    state->polls.erase(it);
    uv_poll_stop(&task->handle);
    uv_close(reinterpret_cast<uv_handle_t*>(&task->handle), OnPollClosed);
    return;
  }
  PollTask* task;
  if (it == state->polls.end()) {
    task = new PollTask();
    task->state = state;
    task->sock = sock;
    task->handle.data = task;
    if (uv_poll_init_socket(state->env->loop(), &task->handle, sock) != 0) {
      delete task;
      return;  // c-ares's own timeout then ends the query.
    }
    // Pending queries keep the loop alive through the timer; an idle socket must not.
    uv_unref(reinterpret_cast<uv_handle_t*>(&task->handle));
    state->polls.emplace(sock, task);
  } else {
    task = it->second;
  }
  uv_poll_start(&task->handle, (readable ? UV_READABLE : 0) | (writable ? UV_WRITABLE : 0),
                OnPoll);
}

// --- results ---

Local<Value> AddressString(Isolate* isolate, int family, const void* addr) {
  char text[INET6_ADDRSTRLEN];
  if (inet_ntop(family, addr, text, sizeof(text)) == nullptr) return v8::Null(isolate);
  return OneByteString(isolate, text);
}

Local<Value> NameString(Isolate* isolate, const char* name) {
  Local<String> s;
  if (name != nullptr && Utf8String(isolate, name, strlen(name)).ToLocal(&s)) return s;
  return v8::String::Empty(isolate);
}

Local<Array> HostentAddresses(Isolate* isolate, const struct hostent* host) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Array> result = Array::New(isolate);
  uint32_t n = 0;
  for (char** p = host->h_addr_list; p != nullptr && *p != nullptr; ++p) {
    result->CreateDataProperty(context, n++, AddressString(isolate, host->h_addrtype, *p)).Check();
  }
  return result;
}

// h_name first, then the aliases, each once.
Local<Array> HostentNames(Isolate* isolate, const struct hostent* host, bool include_name) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Array> result = Array::New(isolate);
  std::vector<std::string> seen;
  auto add = [&](const char* name) {
    if (name == nullptr || *name == '\0') return;
    for (const auto& s : seen) {
      if (s == name) return;
    }
    seen.emplace_back(name);
    result->CreateDataProperty(context, static_cast<uint32_t>(seen.size() - 1),
                               NameString(isolate, name))
        .Check();
  };
  if (include_name) add(host->h_name);
  for (char** p = host->h_aliases; p != nullptr && *p != nullptr; ++p) add(*p);
  return result;
}

Local<Object> NewObject(Isolate* isolate) { return Object::New(isolate); }

void SetField(Local<Object> object, const char* name, Local<Value> value) {
  Isolate* isolate = object->GetIsolate();
  object->CreateDataProperty(isolate->GetCurrentContext(), OneByteString(isolate, name), value)
      .Check();
}

// Parses an answer; returns an ARES_* status and sets *result on success.
int ParseAnswer(Isolate* isolate, int type, const unsigned char* buf, int len,
                Local<Value>* result) {
  Local<Context> context = isolate->GetCurrentContext();
  switch (type) {
    case ns_t_a:
    case ns_t_cname: {
      struct hostent* host = nullptr;
      int status = ares_parse_a_reply(buf, len, &host, nullptr, nullptr);
      if (status != ARES_SUCCESS) return status;
      if (type == ns_t_a) {
        *result = HostentAddresses(isolate, host);
      } else {
        Local<Array> names = Array::New(isolate);
        names->CreateDataProperty(context, 0, NameString(isolate, host->h_name)).Check();
        *result = names;
      }
      ares_free_hostent(host);
      return ARES_SUCCESS;
    }
    case ns_t_aaaa: {
      struct hostent* host = nullptr;
      int status = ares_parse_aaaa_reply(buf, len, &host, nullptr, nullptr);
      if (status != ARES_SUCCESS) return status;
      *result = HostentAddresses(isolate, host);
      ares_free_hostent(host);
      return ARES_SUCCESS;
    }
    case ns_t_ns: {
      struct hostent* host = nullptr;
      int status = ares_parse_ns_reply(buf, len, &host);
      if (status != ARES_SUCCESS) return status;
      *result = HostentNames(isolate, host, false);
      ares_free_hostent(host);
      return ARES_SUCCESS;
    }
    case ns_t_mx: {
      struct ares_mx_reply* mx = nullptr;
      int status = ares_parse_mx_reply(buf, len, &mx);
      if (status != ARES_SUCCESS) return status;
      Local<Array> records = Array::New(isolate);
      uint32_t n = 0;
      for (struct ares_mx_reply* p = mx; p != nullptr; p = p->next) {
        Local<Object> record = NewObject(isolate);
        SetField(record, "priority", Integer::New(isolate, p->priority));
        SetField(record, "exchange", NameString(isolate, p->host));
        records->CreateDataProperty(context, n++, record).Check();
      }
      ares_free_data(mx);
      *result = records;
      return ARES_SUCCESS;
    }
    case ns_t_txt: {
      struct ares_txt_reply* txt = nullptr;
      int status = ares_parse_txt_reply(buf, len, &txt);
      if (status != ARES_SUCCESS) return status;
      Local<Array> records = Array::New(isolate);
      uint32_t n = 0;
      for (struct ares_txt_reply* p = txt; p != nullptr; p = p->next) {
        Local<String> s;
        if (!Utf8String(isolate, reinterpret_cast<const char*>(p->txt), p->length).ToLocal(&s)) {
          s = String::Empty(isolate);
        }
        records->CreateDataProperty(context, n++, s).Check();
      }
      ares_free_data(txt);
      *result = records;
      return ARES_SUCCESS;
    }
    case ns_t_srv: {
      struct ares_srv_reply* srv = nullptr;
      int status = ares_parse_srv_reply(buf, len, &srv);
      if (status != ARES_SUCCESS) return status;
      Local<Array> records = Array::New(isolate);
      uint32_t n = 0;
      for (struct ares_srv_reply* p = srv; p != nullptr; p = p->next) {
        Local<Object> record = NewObject(isolate);
        SetField(record, "priority", Integer::New(isolate, p->priority));
        SetField(record, "weight", Integer::New(isolate, p->weight));
        SetField(record, "port", Integer::New(isolate, p->port));
        SetField(record, "name", NameString(isolate, p->host));
        records->CreateDataProperty(context, n++, record).Check();
      }
      ares_free_data(srv);
      *result = records;
      return ARES_SUCCESS;
    }
    default:
      return ARES_ENOTIMP;
  }
}

void FinishQuery(std::unique_ptr<QueryReq> query, int status, Local<Value> result) {
  CaresState* state = query->state;
  Isolate* isolate = state->env->isolate();
  state->pending--;
  if (status == ARES_SUCCESS) {
    Deliver(state, std::move(query), v8::Null(isolate), result);
  } else {
    Deliver(state, std::move(query), ErrorCode(isolate, AresErrorCode(status)),
            v8::Undefined(isolate));
  }
}

void OnQueryAnswer(void* arg, int status, int /*timeouts*/, unsigned char* answer, int length) {
  std::unique_ptr<QueryReq> query = ReqWrapBase::FromData<QueryReq>(arg);
  Isolate* isolate = query->state->env->isolate();
  HandleScope scope(isolate);
  Local<Value> result = v8::Undefined(isolate);
  if (status == ARES_SUCCESS) status = ParseAnswer(isolate, query->type, answer, length, &result);
  FinishQuery(std::move(query), status, result);
}

void OnHostByAddr(void* arg, int status, int /*timeouts*/, struct hostent* host) {
  std::unique_ptr<QueryReq> query = ReqWrapBase::FromData<QueryReq>(arg);
  Isolate* isolate = query->state->env->isolate();
  HandleScope scope(isolate);
  Local<Value> result = v8::Undefined(isolate);
  if (status == ARES_SUCCESS) result = HostentNames(isolate, host, true);
  FinishQuery(std::move(query), status, result);
}

// --- entry points ---

// Runs `start` with completions deferred, so none reaches JS inside this call.
template <typename Start>
void Starting(CaresState* state, Start start) {
  state->starting++;
  start();
  state->starting--;
}

void AfterGetAddrInfo(uv_getaddrinfo_t* uv_req, int status, struct addrinfo* res) {
  std::unique_ptr<GetAddrInfoReq> req = GetAddrInfoReq::From<GetAddrInfoReq>(uv_req);
  CaresState* state = req->state;
  Isolate* isolate = state->env->isolate();
  HandleScope scope(isolate);
  Local<Context> context = state->env->context();
  if (status != 0) {
    uv_freeaddrinfo(res);
    Deliver(state, std::move(req), ErrorCode(isolate, GetAddrInfoErrorCode(status)),
            v8::Undefined(isolate));
    return;
  }
  Local<Array> addresses = Array::New(isolate);
  uint32_t n = 0;
  for (int family : {AF_INET, AF_INET6}) {
    for (struct addrinfo* p = res; p != nullptr; p = p->ai_next) {
      if (p->ai_family != family) continue;
      const void* addr =
          family == AF_INET
              ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(p->ai_addr)->sin_addr)
              : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(p->ai_addr)->sin6_addr);
      addresses->CreateDataProperty(context, n++, AddressString(isolate, family, addr)).Check();
    }
  }
  uv_freeaddrinfo(res);
  if (n == 0) {
    Deliver(state, std::move(req), ErrorCode(isolate, "ENOTFOUND"), v8::Undefined(isolate));
    return;
  }
  Deliver(state, std::move(req), v8::Null(isolate), addresses);
}

// getaddrinfo(req, hostname, family): family 0 (either), 4 or 6.
void GetAddrInfo(const FunctionCallbackInfo<Value>& args) {
  CaresState* state = GetState(args);
  Isolate* isolate = args.GetIsolate();
  Local<Object> object;
  std::string hostname;
  if (!GetObjectArg(args, 0, "req", &object) ||
      !GetCStringArg(args, 1, "hostname", &hostname)) {
    return;
  }
  if (!args[2]->IsInt32()) return ThrowTypeError(isolate, "family must be 0, 4 or 6");
  int family;
  switch (args[2].As<v8::Int32>()->Value()) {
    case 0: family = AF_UNSPEC; break;
    case 4: family = AF_INET; break;
    case 6: family = AF_INET6; break;
    default: return ThrowTypeError(isolate, "family must be 0, 4 or 6");
  }
  struct addrinfo hints;
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = family;
  hints.ai_socktype = SOCK_STREAM;
  std::unique_ptr<GetAddrInfoReq> req(new GetAddrInfoReq(state, object));
  int err = GetAddrInfoReq::Dispatch(req, [&](uv_getaddrinfo_t* uv_req) {
    return uv_getaddrinfo(state->env->loop(), uv_req, AfterGetAddrInfo, hostname.c_str(), nullptr,
                          &hints);
  });
  if (err != 0) {
    // Not queued: report it from the loop all the same.
    Starting(state, [&] {
      Deliver(state, std::move(req), ErrorCode(isolate, GetAddrInfoErrorCode(err)),
              v8::Undefined(isolate));
    });
  }
}

// Starts a c-ares request whose completion goes to a new QueryReq; `send(arg)` starts it with
// `arg` as the callback's argument, which owns the request from then on. Reports a channel that
// failed to initialize as that failure.
template <typename Send>
void StartQuery(CaresState* state, Local<Object> object, int type, Send send) {
  Isolate* isolate = state->env->isolate();
  std::unique_ptr<QueryReq> query(new QueryReq(state, object, type));
  state->pending++;
  Starting(state, [&] {
    if (state->channel == nullptr) {
      FinishQuery(std::move(query), state->init_status, v8::Undefined(isolate));
    } else {
      // c-ares may call back before returning (a bad name, an /etc/hosts hit): the callback
      // takes the request back through `arg`.
      send(query.release()->AsData());
    }
  });
  UpdateTimer(state);
}

template <int kType>
void Query(const FunctionCallbackInfo<Value>& args) {
  CaresState* state = GetState(args);
  Local<Object> object;
  std::string name;
  if (!GetObjectArg(args, 0, "req", &object) || !GetCStringArg(args, 1, "name", &name)) return;
  StartQuery(state, object, kType, [&](void* arg) {
    ares_query(state->channel, name.c_str(), ns_c_in, kType, OnQueryAnswer, arg);
  });
}

// getHostByAddr(req, ip): the names of an IPv4 or IPv6 address (PTR, or /etc/hosts).
void GetHostByAddr(const FunctionCallbackInfo<Value>& args) {
  CaresState* state = GetState(args);
  Local<Object> object;
  std::string ip;
  if (!GetObjectArg(args, 0, "req", &object) || !GetCStringArg(args, 1, "ip", &ip)) return;
  unsigned char addr[sizeof(struct in6_addr)];
  int family;
  int length;
  if (uv_inet_pton(AF_INET, ip.c_str(), addr) == 0) {
    family = AF_INET;
    length = sizeof(struct in_addr);
  } else if (uv_inet_pton(AF_INET6, ip.c_str(), addr) == 0) {
    family = AF_INET6;
    length = sizeof(struct in6_addr);
  } else {
    return ThrowTypeError(args.GetIsolate(), "ip must be an IPv4 or IPv6 address");
  }
  StartQuery(state, object, 0, [&](void* arg) {
    ares_gethostbyaddr(state->channel, addr, length, family, OnHostByAddr, arg);
  });
}

// The Environment's cleanup hook. ares_destroy ends the queries in flight (their callbacks see
// `destroying` and only free them) and closes c-ares's sockets, whose poll handles
// OnSockState closes; any it left are closed here. The timers' close callbacks free the state
// once both have run.
void FreeState(void* arg) {
  CaresState* state = static_cast<CaresState*>(arg);
  state->destroying = true;
  if (state->channel != nullptr) {
    ares_destroy(state->channel);
    state->channel = nullptr;
  }
  if (state->library_initialized) ares_library_cleanup();
  for (auto& entry : state->polls) {
    uv_poll_stop(&entry.second->handle);
    uv_close(reinterpret_cast<uv_handle_t*>(&entry.second->handle), OnPollClosed);
  }
  state->polls.clear();
  state->deferred.clear();
  auto on_close = [](uv_handle_t* handle) {
    CaresState* state = static_cast<CaresState*>(handle->data);
    if (--state->open_handles == 0) delete state;
  };
  state->open_handles = 2;
  uv_close(reinterpret_cast<uv_handle_t*>(&state->timer), on_close);
  uv_close(reinterpret_cast<uv_handle_t*>(&state->defer_timer), on_close);
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  CaresState* state = new CaresState();
  state->env = env;
  CHECK_EQ(uv_timer_init(env->loop(), &state->timer), 0);
  state->timer.data = state;
  CHECK_EQ(uv_timer_init(env->loop(), &state->defer_timer), 0);
  state->defer_timer.data = state;

  // Reference-counted inside c-ares; a no-op on Linux beyond the count.
  int status = ares_library_init(ARES_LIB_INIT_ALL);
  state->library_initialized = status == ARES_SUCCESS;
  if (status == ARES_SUCCESS) {
    struct ares_options options;
    memset(&options, 0, sizeof(options));
    options.flags = ARES_FLAG_NOCHECKRESP;
    options.sock_state_cb = OnSockState;
    options.sock_state_cb_data = state;
    status = ares_init_options(&state->channel, &options, ARES_OPT_FLAGS | ARES_OPT_SOCK_STATE_CB);
    if (status != ARES_SUCCESS) state->channel = nullptr;
  }
  // Without a channel every query reports why (ENOTINITIALIZED, ENOMEM, EFILE, ...).
  state->init_status = status == ARES_SUCCESS ? ARES_ENOTINITIALIZED : status;
  env->AddCleanupHook(FreeState, state);

  Local<v8::External> data = v8::External::New(isolate, state);
  struct {
    const char* name;
    v8::FunctionCallback callback;
  } methods[] = {{"getaddrinfo", GetAddrInfo},       {"queryA", Query<ns_t_a>},
                 {"queryAaaa", Query<ns_t_aaaa>},    {"queryMx", Query<ns_t_mx>},
                 {"queryTxt", Query<ns_t_txt>},      {"querySrv", Query<ns_t_srv>},
                 {"queryNs", Query<ns_t_ns>},        {"queryCname", Query<ns_t_cname>},
                 {"getHostByAddr", GetHostByAddr}};
  for (const auto& method : methods) {
    Local<v8::Function> fn =
        v8::Function::New(context, method.callback, data, 0, v8::ConstructorBehavior::kThrow)
            .ToLocalChecked();
    target->CreateDataProperty(context, OneByteString(isolate, method.name), fn).Check();
  }
}

}  // namespace cares_wrap
}  // namespace binding
}  // namespace nodus
