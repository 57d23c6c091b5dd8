#pragma once
// The server's shape of "could not": why, for the operator who started it. The kiosk's own
// kiosk/result.h also carries a catalog key for the citizen; the server has no citizen to tell,
// and does not include kiosk headers, so this is its smaller twin with the same calls.

#include <optional>
#include <string>
#include <utility>

namespace jobcenter {

struct Failure {
  std::string detail;  // for the operator's log: which port, which file
};

inline Failure failure(std::string detail) { return {std::move(detail)}; }

template <typename T>
class Result;  // only Result<void> so far: starting either works or says why

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;  // success
  Result(Failure failure) : failure_(std::move(failure)) {}  // NOLINT: a failure converts

  bool ok() const { return !failure_; }
  explicit operator bool() const { return ok(); }
  const Failure& failure() const { return *failure_; }

 private:
  std::optional<Failure> failure_;
};

}  // namespace jobcenter
