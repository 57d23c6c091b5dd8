#include "figures.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "board_snapshot.h"

namespace jobcenter {
namespace {

using nlohmann::json;

bool small(int64_t count) { return count > 0 && count < kSmallestShownCount; }

// One figure: rows of {label, value}, in the order given.
json figure(const std::string& id, const std::string& title, const std::vector<std::pair<std::string, int64_t>>& rows) {
  json out = json::array();
  for (const auto& [label, count] : rows) out.push_back({{"label", label}, {"value", shownCount(count)}});
  return {{"id", id}, {"title", title}, {"rows", out}};
}

std::vector<std::pair<std::string, int64_t>> grouped(Tx& tx, const std::string& sql, const std::vector<Value>& values) {
  std::vector<std::pair<std::string, int64_t>> rows;
  tx.query(sql, values, [&](const Row& row) { rows.emplace_back(row.isNull(0) ? "?" : row.text(0), row.integer(1)); });
  return rows;
}

}  // namespace

json shownCount(int64_t count) { return small(count) ? json("< 5") : json(count); }

json managerFigures(Tx& tx, const LocalDate& from, const LocalDate& to) {
  const std::string first = isoDate(from), last = isoDate(to);
  const Instant start = localToInstant(from, 0, 0), end = localToInstant(addDays(to, 1), 0, 0);
  // Usage events carry their hour as local RFC 3339 text: the date is its first ten characters.
  const std::string inRange = " substr(hour, 1, 10) BETWEEN ? AND ? ";
  const std::vector<Value> range = {first, last};
  const auto events = [&](const std::string& what, const std::string& where, const std::string& group) {
    return grouped(tx, "SELECT " + what + ", COUNT(*) FROM usage_events WHERE" + inRange + "AND " + where + " GROUP BY 1 ORDER BY " + group, range);
  };

  json figures = json::array();
  figures.push_back(figure("sessions_per_day", "Sessioner pr. dag", events("substr(hour, 1, 10)", "type = 'session_started'", "1")));
  figures.push_back(figure("sessions_per_hour", "Sessioner pr. time på dagen", events("substr(hour, 12, 2)", "type = 'session_started'", "1")));

  // STAR's self-service share: self-booked ÷ (self-booked + summoned), from the bookings made in
  // the range. A booking a staff member made with the citizen at the kiosk counts apart.
  int64_t self = 0, withStaff = 0, summoned = 0;
  tx.query("SELECT SUM(b.self_booked = 1 AND w.booking_id IS NULL), SUM(w.booking_id IS NOT NULL), SUM(b.self_booked = 0)"
           " FROM bookings b LEFT JOIN bookings_with_staff w ON w.booking_id = b.id WHERE b.created_at >= ? AND b.created_at < ?",
           {start, end}, [&](const Row& row) {
             self = row.integer(0);
             withStaff = row.integer(1);
             summoned = row.integer(2);
           });
  json share = nullptr;
  if (self + summoned > 0) share = small(self) || small(summoned) ? json("< 5") : json(std::round(1000.0 * static_cast<double>(self) / static_cast<double>(self + summoned)) / 10);
  figures.push_back(figure("self_service", "Selvbooking (STAR)",
                           {{"Selv-bookede", self}, {"Indkaldte", summoned}, {"Med medarbejder ved kiosken", withStaff}}));
  figures.back()["share_percent"] = share;

  figures.push_back(figure("errands", "Ærinder gennemført ved kiosken", events("flow", "type = 'errand_completed'", "2 DESC")));
  figures.push_back(figure("given_up", "Hvor sessioner blev opgivet (trin)", events("given_up_at", "type = 'session_ended' AND given_up_at IS NOT NULL", "2 DESC")));
  figures.push_back(figure("languages", "Sprog valgt", events("language", "type = 'language_chosen'", "2 DESC")));
  figures.push_back(figure("text_size", "Tekststørrelse valgt (%)", events("CAST(text_size AS TEXT)", "type = 'text_size_chosen'", "1")));
  figures.push_back(figure("aids", "Hjælpemidler brugt", events("aid", "type = 'aid_used'", "2 DESC")));
  figures.push_back(figure("help_reasons", "Kald om hjælp efter årsag",
                           grouped(tx, "SELECT reason, COUNT(*) FROM help_requests WHERE created_at >= ? AND created_at < ? GROUP BY 1 ORDER BY 2 DESC",
                                   {start, end})));

  // Minutes from a call to someone taking it: the median, only over 5 or more taken calls.
  std::vector<int64_t> waits;
  tx.query("SELECT taken_at - created_at FROM help_requests WHERE taken_at IS NOT NULL AND created_at >= ? AND created_at < ? ORDER BY 1",
           {start, end}, [&](const Row& row) { waits.push_back(row.integer(0)); });
  json median = nullptr;
  if (!waits.empty()) median = small(static_cast<int64_t>(waits.size())) ? json("< 5") : json(std::round(static_cast<double>(waits[waits.size() / 2]) / 6.0) / 10);
  figures.push_back(figure("help_taken", "Kald taget", {{"Taget", static_cast<int64_t>(waits.size())}}));
  figures.back()["median_minutes_to_take"] = median;

  std::map<std::string, int64_t> timing = {{"early", 0}, {"on_time", 0}, {"late", 0}};
  tx.query("SELECT b.checked_in_at, s.start_at FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.checked_in_at >= ? AND b.checked_in_at < ?",
           {start, end}, [&](const Row& row) { ++timing[arrivalTiming(row.integer(0), row.integer(1))]; });
  figures.push_back(figure("check_ins", "Tjek-ind", {{"For tidligt", timing["early"]}, {"Til tiden", timing["on_time"]}, {"For sent", timing["late"]}}));

  // Uptime is the kiosks', not the citizens': hours since each kiosk last started, unsuppressed.
  json uptime = json::array();
  tx.query("SELECT kiosk_id, uptime_seconds FROM heartbeats ORDER BY kiosk_id", {},
           [&](const Row& row) { uptime.push_back({{"label", row.text(0)}, {"value", row.integer(1) / 3600}}); });
  figures.push_back({{"id", "kiosk_uptime"}, {"title", "Kioskernes oppetid (timer siden start)"}, {"rows", uptime}});

  return {{"from", first}, {"to", last}, {"smallest_shown_count", kSmallestShownCount}, {"figures", figures}};
}

std::string figuresCsv(const json& figures) {
  const auto quoted = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string csv = "figure,label,value\r\n";
  for (const auto& f : figures["figures"]) {
    for (const auto& row : f["rows"]) {
      const json& v = row["value"];
      csv += quoted(f["id"]) + "," + quoted(row["label"]) + "," + (v.is_string() ? quoted(v) : v.dump()) + "\r\n";
    }
  }
  return csv;
}

}  // namespace jobcenter
