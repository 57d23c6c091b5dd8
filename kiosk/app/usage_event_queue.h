#pragma once
// Anonymous usage events waiting to be sent (POST /kiosk/events). They wait in memory only, and
// only so many: while the network is down the oldest stay, newer ones are dropped, and the log
// says once how many were lost when there is room again. A dropped event costs a count in the
// jobcenter's statistics; an unbounded queue could cost the kiosk.

#include <cstddef>
#include <deque>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <vector>

namespace kiosk::app {

class UsageEventQueue {
 public:
  // The contract takes at most this many events in one request.
  static constexpr size_t kBatchSize = 100;

  UsageEventQueue(size_t capacity, std::ostream& log);

  // Queues the event, or drops it when the queue is full (the first drop is logged).
  void push(nlohmann::json event);
  // Up to kBatchSize events, oldest first, taken out of the queue.
  std::vector<nlohmann::json> takeBatch();
  // A batch that was not delivered goes back in front, in its order; what no longer fits (events
  // queued meanwhile) is dropped from the back, newest first.
  void putBack(std::vector<nlohmann::json> batch);

  size_t size() const { return events_.size(); }
  bool empty() const { return events_.empty(); }
  size_t droppedSinceFull() const { return dropped_; }

 private:
  void drop(size_t count);
  void reportDropped();

  size_t capacity_;
  std::ostream& log_;
  std::deque<nlohmann::json> events_;
  size_t dropped_ = 0;  // since the queue was last full
};

}  // namespace kiosk::app
