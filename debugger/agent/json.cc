#include "debugger/agent/json.h"

#include <cstdio>
#include <cstdlib>

namespace nodus::debugger {

namespace {

const Json& Null() {
  static const Json* null = new Json();
  return *null;
}

}  // namespace

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  bool ParseDocument(Json* out) {
    if (!ParseValue(out, 0)) return false;
    SkipSpace();
    return pos_ == text_.size();
  }

 private:
  static constexpr int kMaxDepth = 256;

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      pos_++;
    }
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool ParseValue(Json* out, int depth) {
    if (depth > kMaxDepth) return false;
    SkipSpace();
    if (pos_ >= text_.size()) return false;
    char c = text_[pos_];
    if (c == '{') return ParseObject(out, depth);
    if (c == '[') return ParseArray(out, depth);
    if (c == '"') {
      out->type_ = Json::Type::kString;
      return ParseString(&out->string_);
    }
    if (c == 't' || c == 'f') {
      out->type_ = Json::Type::kBool;
      out->bool_ = c == 't';
      return Literal(c == 't' ? "true" : "false");
    }
    if (c == 'n') return Literal("null");
    return ParseNumber(out);
  }

  bool ParseObject(Json* out, int depth) {
    out->type_ = Json::Type::kObject;
    pos_++;  // '{'
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      pos_++;
      return true;
    }
    while (true) {
      SkipSpace();
      std::string key;
      if (pos_ >= text_.size() || text_[pos_] != '"' || !ParseString(&key)) return false;
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') return false;
      pos_++;
      out->members_.emplace_back(std::move(key), Json());
      if (!ParseValue(&out->members_.back().second, depth + 1)) return false;
      SkipSpace();
      if (pos_ >= text_.size()) return false;
      if (text_[pos_] == '}') {
        pos_++;
        return true;
      }
      if (text_[pos_] != ',') return false;
      pos_++;
    }
  }

  bool ParseArray(Json* out, int depth) {
    out->type_ = Json::Type::kArray;
    pos_++;  // '['
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      pos_++;
      return true;
    }
    while (true) {
      out->items_.emplace_back();
      if (!ParseValue(&out->items_.back(), depth + 1)) return false;
      SkipSpace();
      if (pos_ >= text_.size()) return false;
      if (text_[pos_] == ']') {
        pos_++;
        return true;
      }
      if (text_[pos_] != ',') return false;
      pos_++;
    }
  }

  bool Hex4(uint32_t* value) {
    if (pos_ + 4 > text_.size()) return false;
    *value = 0;
    for (int i = 0; i < 4; i++) {
      char h = text_[pos_++];
      *value <<= 4;
      if (h >= '0' && h <= '9') {
        *value |= static_cast<uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        *value |= static_cast<uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        *value |= static_cast<uint32_t>(h - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  bool ParseString(std::string* out) {
    pos_++;  // '"'
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (pos_ >= text_.size()) return false;
      char e = text_[pos_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t c1;
          if (!Hex4(&c1)) return false;
          if (c1 >= 0xd800 && c1 < 0xdc00 && text_.substr(pos_, 2) == "\\u") {
            size_t saved = pos_;
            pos_ += 2;
            uint32_t c2;
            if (Hex4(&c2) && c2 >= 0xdc00 && c2 < 0xe000) {
              c1 = 0x10000 + ((c1 - 0xd800) << 10) + (c2 - 0xdc00);
            } else {
              pos_ = saved;
            }
          }
          if (c1 >= 0xd800 && c1 < 0xe000) c1 = 0xfffd;  // a lone surrogate
          AppendUtf8(c1, out);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  bool ParseNumber(Json* out) {
    size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '-') pos_++;
    while (pos_ < text_.size() && std::string_view("0123456789.eE+-").find(text_[pos_]) !=
                                      std::string_view::npos) {
      pos_++;
    }
    if (pos_ == start) return false;
    std::string number(text_.substr(start, pos_ - start));
    char* end = nullptr;
    out->number_ = std::strtod(number.c_str(), &end);
    out->type_ = Json::Type::kNumber;
    return end == number.c_str() + number.size();
  }

  std::string_view text_;
  size_t pos_ = 0;
};

bool Json::Parse(std::string_view text, Json* out) {
  *out = Json();
  JsonParser parser(text);
  if (parser.ParseDocument(out)) return true;
  *out = Json();
  return false;
}

bool Json::Has(std::string_view key) const {
  for (const auto& member : members_) {
    if (member.first == key) return true;
  }
  return false;
}

const Json& Json::operator[](std::string_view key) const {
  for (const auto& member : members_) {
    if (member.first == key) return member.second;
  }
  return Null();
}

const Json& Json::operator[](size_t index) const {
  return type_ == Type::kArray && index < items_.size() ? items_[index] : Null();
}

const std::string& Json::str() const {
  static const std::string* empty = new std::string();
  return type_ == Type::kString ? string_ : *empty;
}

std::string JsonQuote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
          out += escaped;
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace nodus::debugger
