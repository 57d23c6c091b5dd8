#include "request_budget.h"

namespace jobcenter {

namespace {
constexpr size_t kMaxCallers = 100000;  // past this many callers in one window, new ones share one budget
}

int64_t RequestBudget::window(int64_t& resetSeconds) const {
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  const int64_t w = now / windowSeconds_;
  resetSeconds = (w + 1) * windowSeconds_ - now;
  return w;
}

RequestBudget::Use RequestBudget::take(const std::string& key) {
  if (perWindow_ <= 0) return {};  // no limit: nothing to count
  int64_t reset = 0;
  const int64_t w = window(reset);
  std::lock_guard lock(mutex_);
  if (w != current_) {
    used_.clear();
    current_ = w;
  }
  auto found = used_.find(key);
  if (found == used_.end()) found = used_.emplace(used_.size() < kMaxCallers ? key : std::string("(overflow)"), 0).first;
  Use use;
  use.resetSeconds = static_cast<int>(reset);
  use.allowed = perWindow_ <= 0 || found->second < perWindow_;
  if (use.allowed) ++found->second;
  use.left = perWindow_ <= 0 ? 0 : std::max(0, perWindow_ - found->second);
  return use;
}

RequestBudget::Use RequestBudget::peek(const std::string& key) {
  int64_t reset = 0;
  const int64_t w = window(reset);
  std::lock_guard lock(mutex_);
  Use use;
  use.resetSeconds = static_cast<int>(reset);
  const auto found = w == current_ ? used_.find(key) : used_.end();
  const int used = found == used_.end() ? 0 : found->second;
  use.left = std::max(0, perWindow_ - used);
  use.allowed = use.left > 0;
  return use;
}

void RequestBudget::clear() {
  std::lock_guard lock(mutex_);
  used_.clear();
}

}  // namespace jobcenter
