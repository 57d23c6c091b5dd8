// The logged-in citizen: summary for the home screen, saved kiosk preferences, topics,
// consultants and the booking policy.

#include <set>

#include "booking_json.h"
#include "citizen_facts.h"
#include "input_rules.h"
#include "routes.h"

namespace jobcenter {
namespace {

// The ISO week (Monday to Sunday) holding date.
LocalDate mondayOf(const LocalDate& date) {
  const int weekday = localWeekday(localToInstant(date, 12, 0));
  return addDays(date, 1 - weekday);
}

bool validPreferences(const json& p) {
  static const std::set<std::string> fields = {"opted_in", "language", "text_size", "contrast", "read_aloud"};
  for (const auto& [key, value] : p.items()) {
    if (!fields.contains(key)) return false;
  }
  return p.value("opted_in", json()).is_boolean() && isLanguageTag(p.value("language", json())) &&
         p.value("text_size", json()).is_number_integer() &&
         (p["text_size"] == 100 || p["text_size"] == 150 || p["text_size"] == 200) && p.value("contrast", json()).is_string() &&
         (p["contrast"] == "normal" || p["contrast"] == "high") && p.value("read_aloud", json()).is_boolean();
}

}  // namespace

void addCitizenRoutes(httplib::Server& server, RouteContext& ctx) {
  server.Get("/api/v1/citizen/summary", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto session = citizenRequest(ctx, req, res);
    if (!session) return;
    const Instant now = nowInstant();
    const LocalDate today = localDateOf(now);
    json out;
    ctx.db.transaction([&](Tx& tx) {
      const ContactHistory history = contactHistory(tx, session->subject, now);
      int weeklyTarget = 0;
      std::optional<std::string> preferences;
      tx.query("SELECT first_name, unemployment_start, wished_job_titles, abc_a, abc_b, abc_c, weekly_target, preferences"
               " FROM citizens WHERE id = ?",
               {session->subject}, [&](const Row& row) {
                 out["first_name"] = row.text(0);
                 out["unemployment_start"] = row.text(1);
                 out["wished_job_titles"] = json::parse(row.text(2));
                 if (!row.isNull(3)) out["abc_plan"] = {{"a", row.text(3)}, {"b", row.text(4)}, {"c", row.text(5)}};
                 weeklyTarget = static_cast<int>(row.integer(6));
                 preferences = row.optionalText(7);
               });
      out["next_required_contact"] = isoDate(history.status.nextRequiredContact);
      out["contact_overdue"] = history.status.overdue;
      if (const auto next = loadBooking(tx, "b.citizen_id = ? AND b.status IN ('booked','checked_in') AND s.end_at > ? ORDER BY s.start_at",
                                        {session->subject, now}, ctx.policy, now)) {
        out["next_booking"] = *next;
      }
      tx.query("SELECT date, text, next_steps FROM agreements WHERE citizen_id = ? ORDER BY date DESC LIMIT 1", {session->subject},
               [&](const Row& row) {
                 out["latest_agreement"] = {{"date", row.text(0)}, {"text", row.text(1)}, {"next_steps", json::parse(row.text(2))}};
               });
      const std::string weekStart = isoDate(mondayOf(today));
      const std::string lastMeeting = history.held.empty() ? std::string("0000-00-00") : isoDate(history.held.back());
      const auto count = [&](const std::string& from) {
        return tx.queryInt("SELECT COUNT(*) FROM joblog WHERE citizen_id = ? AND date >= ?", {session->subject, from}).value_or(0);
      };
      out["joblog"] = {{"this_week", count(weekStart)}, {"weekly_target", weeklyTarget},
                       {"since_last_meeting", tx.queryInt("SELECT COUNT(*) FROM joblog WHERE citizen_id = ? AND date > ?",
                                                          {session->subject, lastMeeting}).value_or(0)}};
      if (preferences) {
        const json p = json::parse(*preferences);
        if (p.value("opted_in", false)) out["preferences"] = p;
      }
      // Ask how the last conversation went, once, for two weeks after it.
      if (history.lastHeldBooking && !history.held.empty() && history.held.back() >= addDays(today, -14) &&
          !tx.queryInt("SELECT 1 FROM feedback WHERE booking_id = ?", {*history.lastHeldBooking})) {
        out["feedback_due"] = {{"booking_id", *history.lastHeldBooking}, {"meeting_date", isoDate(history.held.back())}};
      }
      out["assisted"] = session->assisted;
    });
    sendJson(res, 200, out);
  });

  server.Put("/api/v1/citizen/preferences", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto session = citizenRequest(ctx, req, res);
    if (!session) return;
    const auto body = jsonBody(req, res);
    if (!body) return;
    if (!validPreferences(*body)) {
      return problem(res, 400, "invalid-request", "Preferences need opted_in, language, text_size (100/150/200), contrast and read_aloud");
    }
    ctx.db.transaction([&](Tx& tx) {
      tx.exec("UPDATE citizens SET preferences = ? WHERE id = ?",
              {(*body)["opted_in"].get<bool>() ? Value(body->dump()) : Value(nullptr), session->subject});
    });
    sendJson(res, 200, *body);
  });

  server.Get("/api/v1/topics", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!kioskId(req, res)) return;
    if (!requireSession(ctx.db, ctx.policy, req, res, "citizen")) return;
    sendJson(res, 200, {{"topics", json::array({{{"id", "coaching"}, {"name_da", "Coaching"}},
                                                {{"id", "job_opportunities"}, {"name_da", "Jobmuligheder"}},
                                                {{"id", "job_search"}, {"name_da", "Jobsøgning"}},
                                                {{"id", "education"}, {"name_da", "Uddannelsesmuligheder"}},
                                                {{"id", "career_change"}, {"name_da", "Sporskifte"}},
                                                {{"id", "general_guidance"}, {"name_da", "Generel vejledning"}}})}});
  });

  server.Get("/api/v1/consultants", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!kioskId(req, res)) return;
    if (!requireSession(ctx.db, ctx.policy, req, res, "citizen")) return;
    json list = json::array();
    ctx.db.transaction([&](Tx& tx) {
      tx.query("SELECT id, first_name, name, languages, competences, contact_forms FROM consultants ORDER BY first_name LIMIT 500", {},
               [&](const Row& row) {
                 list.push_back({{"id", row.text(0)}, {"first_name", row.text(1)}, {"name", row.text(2)},
                                 {"languages", json::parse(row.text(3))}, {"competences", json::parse(row.text(4))},
                                 {"contact_forms", json::parse(row.text(5))}});
               });
    });
    sendJson(res, 200, {{"consultants", list}});
  });

  server.Get("/api/v1/policy", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!kioskId(req, res)) return;
    if (!requireSession(ctx.db, ctx.policy, req, res, "citizen")) return;
    sendJson(res, 200, {{"move_cutoff_days", ctx.policy.moveCutoffDays}, {"cancel_cutoff_days", ctx.policy.cancelCutoffDays},
                        {"booking_horizon_days", ctx.policy.bookingHorizonDays}, {"min_notice_hours", ctx.policy.minNoticeHours}});
  });
}

}  // namespace jobcenter
