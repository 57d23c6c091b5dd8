#include "kiosk/app/demo_citizens.h"

#include <chrono>
#include <memory>
#include <optional>
#include <thread>

#include "kiosk/api/booking_api.h"

namespace kiosk::app {

Result<CitizenSession::DemoCitizens> fetchDemoCitizens(api::HttpClient& client) {
  // Both kept alive by the callback: should the deadline below pass first, a late answer still
  // lands somewhere.
  auto booking = std::make_shared<api::BookingApi>(client, api::kDetachedSession);
  auto answer = std::make_shared<std::optional<api::Outcome<std::vector<domain::DemoCitizen>>>>();
  booking->demoCitizens([booking, answer](auto outcome) { *answer = std::move(outcome); });
  // The request's own time budget (20 s) ends it with a failure; this deadline only guards
  // against a result that never comes back.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!*answer && std::chrono::steady_clock::now() < deadline) {
    if (client.drain() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (!*answer) return failure("the demo jobcenter did not answer GET /demo/citizens in time");
  const auto& outcome = **answer;
  if (!outcome.ok()) return failure("the demo jobcenter's citizens could not be fetched: " + std::string(api::catalogKey(outcome.error)));
  CitizenSession::DemoCitizens citizens;
  for (const auto& citizen : *outcome.value) citizens.emplace_back(citizen.id, citizen.firstName);
  return citizens;
}

}  // namespace kiosk::app
