// process.binding('os'): facts about the machine, all from libuv. stdlib/lib/os.js exposes them
// as the `os` module. Failures follow v0.6: hostname, uname and the interface list throw an
// errno-style Error; uptime and the CPU list return undefined.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <uv.h>

#include <cmath>

#include "runtime/bindings/bindings.h"
#include "runtime/core/errors.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace os {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

void SetString(Isolate* isolate, Local<Object> target, const char* key, const char* value) {
  Local<String> text;
  if (!Utf8String(isolate, value, strlen(value)).ToLocal(&text)) return;
  target->CreateDataProperty(isolate->GetCurrentContext(), OneByteString(isolate, key), text)
      .Check();
}

void SetNumber(Isolate* isolate, Local<Object> target, const char* key, double value) {
  target->CreateDataProperty(isolate->GetCurrentContext(), OneByteString(isolate, key),
              Number::New(isolate, value)).Check();
}

void ReturnString(const FunctionCallbackInfo<Value>& args, const char* value) {
  Local<String> text;
  if (Utf8String(args.GetIsolate(), value, strlen(value)).ToLocal(&text)) {
    args.GetReturnValue().Set(text);
  }
}

void GetHostname(const FunctionCallbackInfo<Value>& args) {
  char buffer[UV_MAXHOSTNAMESIZE];
  size_t size = sizeof(buffer);
  int err = uv_os_gethostname(buffer, &size);
  if (err != 0) return ThrowUVException(args.GetIsolate(), err, "gethostname");
  ReturnString(args, buffer);
}

void GetOSType(const FunctionCallbackInfo<Value>& args) {
  uv_utsname_t info;
  int err = uv_os_uname(&info);
  if (err != 0) return ThrowUVException(args.GetIsolate(), err, "uname");
  ReturnString(args, info.sysname);
}

void GetOSRelease(const FunctionCallbackInfo<Value>& args) {
  uv_utsname_t info;
  int err = uv_os_uname(&info);
  if (err != 0) return ThrowUVException(args.GetIsolate(), err, "uname");
  ReturnString(args, info.release);
}

// Whole seconds, as v0.6 reported them on Linux.
void GetUptime(const FunctionCallbackInfo<Value>& args) {
  double uptime;
  if (uv_uptime(&uptime) != 0) return;
  args.GetReturnValue().Set(std::floor(uptime));
}

void GetLoadAvg(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  double loads[3];
  uv_loadavg(loads);
  Local<Array> result = Array::New(isolate, 3);
  for (uint32_t i = 0; i < 3; i++) {
    result->CreateDataProperty(context, i, Number::New(isolate, loads[i])).Check();
  }
  args.GetReturnValue().Set(result);
}

void GetTotalMem(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_total_memory()));
}

void GetFreeMem(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_free_memory()));
}

// [{ model, speed, times: { user, nice, sys, idle, irq } }, ...]
void GetCPUs(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  uv_cpu_info_t* cpus;
  int count;
  if (uv_cpu_info(&cpus, &count) != 0) return;
  Local<Array> result = Array::New(isolate, count);
  for (int i = 0; i < count; i++) {
    const uv_cpu_info_t& cpu = cpus[i];
    Local<Object> times = Object::New(isolate);
    SetNumber(isolate, times, "user", static_cast<double>(cpu.cpu_times.user));
    SetNumber(isolate, times, "nice", static_cast<double>(cpu.cpu_times.nice));
    SetNumber(isolate, times, "sys", static_cast<double>(cpu.cpu_times.sys));
    SetNumber(isolate, times, "idle", static_cast<double>(cpu.cpu_times.idle));
    SetNumber(isolate, times, "irq", static_cast<double>(cpu.cpu_times.irq));
    Local<Object> entry = Object::New(isolate);
    SetString(isolate, entry, "model", cpu.model != nullptr ? cpu.model : "");
    SetNumber(isolate, entry, "speed", cpu.speed);
    entry->CreateDataProperty(context, OneByteString(isolate, "times"), times).Check();
    result->CreateDataProperty(context, static_cast<uint32_t>(i), entry).Check();
  }
  uv_free_cpu_info(cpus, count);
  args.GetReturnValue().Set(result);
}

// { name: [{ address, family: 'IPv4' | 'IPv6', internal }, ...], ... } in libuv's order.
void GetInterfaceAddresses(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  uv_interface_address_t* interfaces;
  int count;
  int err = uv_interface_addresses(&interfaces, &count);
  if (err != 0) return ThrowUVException(isolate, err, "uv_interface_addresses");
  Local<Object> result = Object::New(isolate);
  bool ok = true;
  for (int i = 0; i < count && ok; i++) {
    const uv_interface_address_t& entry = interfaces[i];
    char address[INET6_ADDRSTRLEN] = "";
    const char* family;
    if (entry.address.address4.sin_family == AF_INET) {
      uv_ip4_name(&entry.address.address4, address, sizeof(address));
      family = "IPv4";
    } else if (entry.address.address4.sin_family == AF_INET6) {
      uv_ip6_name(&entry.address.address6, address, sizeof(address));
      family = "IPv6";
    } else {
      continue;
    }
    Local<String> name;
    Local<Value> list;
    if (!Utf8String(isolate, entry.name, strlen(entry.name)).ToLocal(&name) ||
        !result->Get(context, name).ToLocal(&list)) {
      ok = false;
      break;
    }
    if (!list->IsArray()) {
      list = Array::New(isolate);
      result->CreateDataProperty(context, name, list).Check();
    }
    Local<Object> item = Object::New(isolate);
    SetString(isolate, item, "address", address);
    SetString(isolate, item, "family", family);
    item->CreateDataProperty(context, OneByteString(isolate, "internal"),
              v8::Boolean::New(isolate, entry.is_internal != 0)).Check();
    Local<Array> array = list.As<Array>();
    array->CreateDataProperty(context, array->Length(), item).Check();
  }
  uv_free_interface_addresses(interfaces, count);
  if (ok) args.GetReturnValue().Set(result);
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Local<Context> context = env->context();
  SetMethod(context, target, "getHostname", GetHostname);
  SetMethod(context, target, "getOSType", GetOSType);
  SetMethod(context, target, "getOSRelease", GetOSRelease);
  SetMethod(context, target, "getUptime", GetUptime);
  SetMethod(context, target, "getLoadAvg", GetLoadAvg);
  SetMethod(context, target, "getTotalMem", GetTotalMem);
  SetMethod(context, target, "getFreeMem", GetFreeMem);
  SetMethod(context, target, "getCPUs", GetCPUs);
  SetMethod(context, target, "getInterfaceAddresses", GetInterfaceAddresses);
}

}  // namespace os
}  // namespace binding
}  // namespace nodus
