// Fuzzes the agent's JSON reader (debugger/agent/json.h), which reads what V8's inspector sends,
// and JsonQuote, which writes the agent's requests.
//
// Checks: Parse never crashes or overflows the stack on any input; lookups the agent chains
// (message["params"]["callFrames"][0]...) are safe on whatever was parsed; a string the reader
// produced, and any input's first 4 KB, quoted by JsonQuote, read back as the same bytes.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "debugger/agent/json.h"

namespace {

using nodus::debugger::Json;
using nodus::debugger::JsonQuote;

#define FUZZ_CHECK(cond)                                                             \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)

void CheckQuote(const std::string& s) {
  std::string quoted = JsonQuote(s);
  Json back;
  // JsonQuote passes bytes >= 0x20 through and escapes the rest: any bytes read back exactly.
  FUZZ_CHECK(Json::Parse(quoted, &back));
  FUZZ_CHECK(back.type() == Json::Type::kString);
  FUZZ_CHECK(back.str() == s);
}

// Visits the tree the way the agent reads messages, down to a bounded depth.
void Walk(const Json& value, int depth) {
  if (depth > 300) return;
  switch (value.type()) {
    case Json::Type::kString:
      CheckQuote(value.str());
      break;
    case Json::Type::kArray:
      for (size_t i = 0; i < value.size(); i++) Walk(value[i], depth + 1);
      FUZZ_CHECK(value[value.size()].is_null());
      break;
    case Json::Type::kObject:
      for (const char* key : {"id", "method", "params", "result", "error", "callFrames", "",
                              "scriptId", "value", "description"}) {
        if (value.Has(key)) Walk(value[key], depth + 1);
      }
      break;
    default:
      (void)value.num();
      (void)value.boolean();
      FUZZ_CHECK(value.str().empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Json value;
  if (Json::Parse(text, &value)) {
    Walk(value, 0);
    (void)value["params"]["callFrames"][0]["location"]["lineNumber"].num();
  }
  CheckQuote(std::string(text.substr(0, 4096)));
  return 0;
}
