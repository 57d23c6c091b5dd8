#pragma once
// The one shape of "could not" outside the booking API (which has its own, richer ApiError):
// what the citizen is told, as a catalog key (empty when it is not theirs to hear), and what the
// operator's log says — precise, naming the file or device, never personal data.

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace kiosk {

struct Failure {
  std::string key;     // catalog key for the citizen; empty: nothing to tell them
  std::string detail;  // for the operator's log
};

inline Failure failure(std::string detail, std::string key = {}) { return {std::move(key), std::move(detail)}; }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: a value is a success
  Result(Failure failure) : state_(std::in_place_index<1>, std::move(failure)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  // Asking a failure for its value is a programming error: it says which failure it was.
  T& value() & { return ok() ? std::get<0>(state_) : throw std::logic_error("no value: " + failure().detail); }
  const T& value() const& { return ok() ? std::get<0>(state_) : throw std::logic_error("no value: " + failure().detail); }
  T&& value() && { return std::move(value()); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  const Failure& failure() const { return std::get<1>(state_); }

 private:
  std::variant<T, Failure> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;  // success
  Result(Failure failure) : failure_(std::move(failure)) {}  // NOLINT

  bool ok() const { return !failure_; }
  explicit operator bool() const { return ok(); }
  const Failure& failure() const { return *failure_; }

 private:
  std::optional<Failure> failure_;
};

}  // namespace kiosk
