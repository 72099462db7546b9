#include "debugger/proto/framing.h"

namespace nodus::debugger {

std::string EncodeFrame(const google::protobuf::MessageLite& message) {
  std::string body = message.SerializeAsString();
  uint32_t size = static_cast<uint32_t>(body.size());
  std::string frame;
  frame.reserve(4 + body.size());
  frame.push_back(static_cast<char>((size >> 24) & 0xff));
  frame.push_back(static_cast<char>((size >> 16) & 0xff));
  frame.push_back(static_cast<char>((size >> 8) & 0xff));
  frame.push_back(static_cast<char>(size & 0xff));
  frame += body;
  return frame;
}

FrameReader::Result FrameReader::Next(std::string* payload) {
  size_t available = buffer_.size() - consumed_;
  if (available < 4) {
    if (consumed_ > 0) {
      buffer_.erase(0, consumed_);
      consumed_ = 0;
    }
    return Result::kNeedMore;
  }
  const unsigned char* p = reinterpret_cast<const unsigned char*>(buffer_.data() + consumed_);
  uint32_t size = (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
  if (size > kMaxFrameSize) return Result::kTooLarge;
  if (available - 4 < size) return Result::kNeedMore;
  payload->assign(buffer_, consumed_ + 4, size);
  consumed_ += 4 + size;
  // Compact once the consumed prefix dominates, so the buffer does not grow without bound.
  if (consumed_ == buffer_.size()) {
    buffer_.clear();
    consumed_ = 0;
  } else if (consumed_ > 64 * 1024 && consumed_ * 2 > buffer_.size()) {
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
  return Result::kFrame;
}

}  // namespace nodus::debugger
