#include "board_feed.h"

namespace jobcenter {

void BoardFeed::changed() {
  {
    std::lock_guard lock(mutex_);
    ++generation_;
  }
  wake_.notify_all();
}

uint64_t BoardFeed::generation() {
  std::lock_guard lock(mutex_);
  return generation_;
}

uint64_t BoardFeed::waitForChange(uint64_t seen, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, timeout, [&] { return closed_ || generation_ != seen; });
  return generation_;
}

void BoardFeed::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  wake_.notify_all();
}

bool BoardFeed::closed() {
  std::lock_guard lock(mutex_);
  return closed_;
}

void BoardFeed::reopen() {
  std::lock_guard lock(mutex_);
  closed_ = false;
}

}  // namespace jobcenter
