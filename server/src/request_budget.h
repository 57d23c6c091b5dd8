#pragma once
// Each caller's request budget per window: per kiosk (X-Kiosk-Id), or per client address for a
// request that names no kiosk (the phone page). Counted in memory, in fixed windows; announced
// on every answer with the IETF draft RateLimit and RateLimit-Policy headers.

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace jobcenter {

class RequestBudget {
 public:
  RequestBudget(int perWindow, int windowSeconds) : perWindow_(perWindow), windowSeconds_(windowSeconds) {}

  struct Use {
    bool allowed = true;
    int left = 0, resetSeconds = 0;
  };
  // Counts one request for key (if the budget is not spent) and says what is left.
  Use take(const std::string& key);
  // What is left for key, without counting.
  Use peek(const std::string& key);
  void clear();
  int perWindow() const { return perWindow_; }
  int windowSeconds() const { return windowSeconds_; }

 private:
  int64_t window(int64_t& resetSeconds) const;
  int perWindow_, windowSeconds_;
  std::mutex mutex_;
  int64_t current_ = -1;
  std::unordered_map<std::string, int> used_;
};

}  // namespace jobcenter
