#pragma once
// Polling for something another thread does (a worker, an audio callback), with a limit.

#include <chrono>
#include <thread>

namespace speech_test {

template <typename Predicate>
bool waitFor(Predicate done, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

}  // namespace speech_test
