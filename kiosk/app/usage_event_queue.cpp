#include "kiosk/app/usage_event_queue.h"

#include <ostream>

namespace kiosk::app {

UsageEventQueue::UsageEventQueue(size_t capacity, std::ostream& log) : capacity_(capacity), log_(log) {}

void UsageEventQueue::drop(size_t count) {
  if (count == 0) return;
  if (dropped_ == 0) {
    log_ << "kiosk: usage events: " << capacity_ << " wait to be sent, the most kept; newer ones are dropped until they are\n";
  }
  dropped_ += count;
}

// Once there is room again, one line says what was lost.
void UsageEventQueue::reportDropped() {
  if (dropped_ == 0 || events_.size() >= capacity_) return;
  log_ << "kiosk: usage events: " << dropped_ << (dropped_ == 1 ? " was" : " were") << " dropped while the queue was full\n";
  dropped_ = 0;
}

void UsageEventQueue::push(nlohmann::json event) {
  if (events_.size() >= capacity_) return drop(1);
  events_.push_back(std::move(event));
}

std::vector<nlohmann::json> UsageEventQueue::takeBatch() {
  std::vector<nlohmann::json> batch;
  while (!events_.empty() && batch.size() < kBatchSize) {
    batch.push_back(std::move(events_.front()));
    events_.pop_front();
  }
  reportDropped();
  return batch;
}

void UsageEventQueue::putBack(std::vector<nlohmann::json> batch) {
  for (auto it = batch.rbegin(); it != batch.rend(); ++it) events_.push_front(std::move(*it));
  if (events_.size() > capacity_) {
    const size_t over = events_.size() - capacity_;
    events_.resize(capacity_);
    drop(over);
  }
}

}  // namespace kiosk::app
