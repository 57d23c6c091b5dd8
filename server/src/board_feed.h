#pragma once
// Tells the reception board's open streams that something on the board changed (a help call made,
// taken or closed; a check-in; an arrival received), so each sends the board once, at once,
// instead of every browser asking every second.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace jobcenter {

class BoardFeed {
 public:
  void changed();
  uint64_t generation();
  // Until the board changes after `seen`, the feed closes, or `timeout` passes; the generation now.
  uint64_t waitForChange(uint64_t seen, std::chrono::milliseconds timeout);
  // The server stops: every waiting stream ends.
  void close();
  bool closed();
  void reopen();

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  uint64_t generation_ = 1;
  bool closed_ = false;
};

}  // namespace jobcenter
