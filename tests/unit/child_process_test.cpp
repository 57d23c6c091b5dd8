// Running a helper program (kiosk/services/child_process.h) as the receipt printer runs lp:
// nobody to cancel it (no cancel fd), the card on its stdin, and a report of how much of the
// card it took. The speech worker's use (cancelled by a newer say()) is in the speech tests.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "kiosk/services/child_process.h"

using namespace kiosk;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using services::ChildOutcome;

namespace {

constexpr int kNobodyCancels = -1;

std::string program(const std::string& name) {
  const auto found = services::findProgram(name);
  REQUIRE(found);
  return *found;
}

services::ChildLimits within(std::chrono::milliseconds timeout) {
  services::ChildLimits limits;
  limits.timeout = timeout;
  return limits;
}

}  // namespace

TEST_CASE("without a cancel fd a child runs to its end, and all of its input is taken") {
  const std::string input(200'000, 'x');  // more than a pipe holds at once
  const auto run = services::runChild(program("cat"), {}, input, within(5s), kNobodyCancels, {});
  REQUIRE(run.status == ChildOutcome::Status::Exited);
  CHECK(run.exitCode == 0);
  CHECK(run.inputTaken == input.size());
  CHECK(run.out.size() == input.size());
}

TEST_CASE("a child that stops reading its stdin early is seen to have taken less than it was given") {
  const std::string input(1 << 20, 'x');
  const auto run = services::runChild(program("head"), {"-c", "3"}, input, within(5s), kNobodyCancels, {});
  REQUIRE(run.status == ChildOutcome::Status::Exited);
  CHECK(run.exitCode == 0);
  CHECK(run.inputTaken < input.size());
  CHECK(std::string(run.out.begin(), run.out.end()) == "xxx");
}

TEST_CASE("without a cancel fd the timeout still ends a child that hangs") {
  const auto started = Clock::now();
  const auto run = services::runChild(program("sleep"), {"10"}, "", within(200ms), kNobodyCancels, {});
  CHECK(run.status == ChildOutcome::Status::TimedOut);
  CHECK(Clock::now() - started < 2s);
}
