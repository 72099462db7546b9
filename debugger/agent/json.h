// A small JSON reader and string quoting for the agent's side of the V8 inspector protocol,
// whose messages are JSON. The agent reads inspector responses and notifications into a Json
// tree and writes its requests as text. (protobuf's JSON utilities could do this, but they need
// the full protobuf runtime, whose load-time cost every run of the runtime would pay; the
// protocol itself uses protobuf-lite.)
#ifndef DEBUGGER_AGENT_JSON_H_
#define DEBUGGER_AGENT_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "runtime/core/encoding/encoding.h"

namespace nodus::debugger {

// One JSON value. Missing keys, out-of-range indexes and wrong types read as null, "", 0 or
// false, so lookups chain without checks: message["params"]["callFrames"][0]["callFrameId"].
class Json {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  // Parses `text` (one JSON value, optionally surrounded by whitespace). False if it is not
  // JSON, or nests deeper than a message of the protocol ever does.
  static bool Parse(std::string_view text, Json* out);

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool Has(std::string_view key) const;

  const Json& operator[](std::string_view key) const;
  const Json& operator[](size_t index) const;
  size_t size() const { return type_ == Type::kArray ? items_.size() : 0; }

  const std::string& str() const;
  double num(double fallback = 0) const { return type_ == Type::kNumber ? number_ : fallback; }
  bool boolean() const { return type_ == Type::kBool && bool_; }

 private:
  friend class JsonParser;
  Type type_ = Type::kNull;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<Json> items_;
  std::vector<std::pair<std::string, Json>> members_;
};

// Appends a code point to a string as UTF-8: the shared codec's (runtime/core/encoding), named
// here for the agent, which writes UTF-8 with it.
using encoding::AppendUtf8;

// `s` as a JSON string literal, quotes included. `s` is UTF-8; control characters are escaped.
std::string JsonQuote(std::string_view s);

}  // namespace nodus::debugger

#endif  // DEBUGGER_AGENT_JSON_H_
