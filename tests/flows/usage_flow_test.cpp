// Anonymous usage events: a whole booking session on the demo jobcenter, then what the jobcenter
// stored — exactly the steps, choices and outcome, each to the hour, and nothing about the
// citizen (no id, name, booking code or the wish she typed).
#include <chrono>
#include <thread>

#include "demo_jobcenter.h"

namespace {

// Every stored event as "type field=value ...", in the order sent (fields empty for an event left out).
std::vector<std::string> storedEvents(DemoJobcenter& k) {
  return k.texts(
      "SELECT type || COALESCE(' step=' || step, '') || COALESCE(' flow=' || flow, '') || COALESCE(' language=' || language, '')"
      " || COALESCE(' assisted=' || assisted, '') || COALESCE(' text_size=' || text_size, '') || COALESCE(' aid=' || aid, '')"
      " || COALESCE(' reason=' || reason, '') || COALESCE(' ending=' || ending, '') || COALESCE(' given_up_at=' || given_up_at, '')"
      " FROM usage_events WHERE kiosk_id = 'flow-kiosk' ORDER BY rowid");
}

// Waits (in real time: the server stores them on its own thread) until `count` events are stored.
bool eventsStored(DemoJobcenter& k, int64_t count) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (k.count("SELECT COUNT(*) FROM usage_events") >= count) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace

TEST_CASE("a booking session reaches the jobcenter as anonymous usage events: steps, choices, the errand, how it ended", "[in-process]") {
  DemoJobcenter k(DemoJobcenter::fastPolicy(), [](kiosk::app::AppOptions& options) { options.sendUsageEvents = true; });
  k.run({{{"tap", "attract.touch_to_start"}}, {{"tap", "language.ar"}}, {{"wait_for", "menu"}}, {{"tap", "bar.text_size"}},
         {{"tap", "menu.book"}}, {{"wait_for", "login"}}, {{"tap", "demo-approve-cit-freja"}}, {{"wait_for", "home"}, {"timeout_ms", 20000}},
         {{"tap", "home-continue"}}, {{"wait_for", "book-topics"}}, {{"tap", "topic.coaching"}}, {{"tap", "common.next"}},
         {{"wait_for", "book-form"}}, {{"tap", "form.in_person"}}, {{"wait_for", "book-consultant"}}, {{"tap", "consultant.any"}},
         {{"wait_for", "book-time"}}, {{"wait_ms", 500}}, {{"tap", "book.first_free"}}, {{"wait_for", "book-wishes"}},
         {{"tap", "book.write_wish"}}, {{"type", "CV"}}, {{"tap", "common.next"}}, {{"wait_for", "book-confirm"}},
         {{"tap", "confirm.book"}}, {{"wait_for", "booked"}, {"timeout_ms", 10000}}, {{"tap", "bar.log_out"}},
         {{"wait_for", "attract"}}, {{"wait_ms", 500}}});
  REQUIRE(k.count("SELECT COUNT(*) FROM bookings WHERE citizen_id = 'cit-freja' AND status = 'booked'") == 1);
  REQUIRE(eventsStored(k, 16));
  // The session's length is a bucket; the scripted clock may run ahead of the wall's.
  CHECK(k.count("SELECT COUNT(*) FROM usage_events WHERE type = 'session_ended' AND length IN ('under_1_min', '1_to_3_min')") == 1);
  // Only the hour, in Copenhagen.
  CHECK(k.count("SELECT COUNT(*) FROM usage_events WHERE hour LIKE '____-__-__T__:00:00+0_:00'") == 16);
  CHECK(storedEvents(k) == std::vector<std::string>{
                               "session_started",
                               "step_reached step=language",
                               "language_chosen language=ar",
                               "step_reached step=menu",
                               "text_size_chosen text_size=150",
                               "step_reached step=login",
                               "step_reached step=home",
                               "step_reached step=book-topics flow=book",
                               "step_reached step=book-form flow=book",
                               "step_reached step=book-consultant flow=book",
                               "step_reached step=book-time flow=book",
                               "step_reached step=book-wishes flow=book",
                               "step_reached step=book-confirm flow=book",
                               "errand_completed flow=book assisted=0",
                               "step_reached step=booked flow=book",
                               "session_ended ending=finished",
                           });

  // Given up: "start over" on the menu says where.
  k.run({{{"tap", "attract.touch_to_start"}}, {{"tap", "language.da"}}, {{"wait_for", "menu"}}, {{"tap", "bar.low_reach"}},
         {{"tap", "bar.start_over"}}, {{"wait_for", "attract"}}, {{"wait_ms", 500}}});
  REQUIRE(eventsStored(k, 22));
  const auto all = storedEvents(k);
  CHECK(std::vector<std::string>(all.begin() + 16, all.end()) == std::vector<std::string>{
                                                                    "session_started",
                                                                    "step_reached step=language",
                                                                    "language_chosen language=da",
                                                                    "step_reached step=menu",
                                                                    "aid_used aid=low_reach",
                                                                    "session_ended ending=started_over given_up_at=menu",
                                                                });
  CHECK(k.app().usageEvents().empty());
}
