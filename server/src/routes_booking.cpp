// Free slots and the citizen's bookings: create (once per Idempotency-Key, once per slot), move,
// cancel — within the jobcenter's policy.

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "booking_json.h"
#include "citizen_facts.h"
#include "input_rules.h"
#include "routes.h"
#include "secrets.h"

namespace jobcenter {
namespace {

const std::set<std::string> kTopics = {"coaching", "job_opportunities", "job_search", "education", "career_change", "general_guidance"};
const std::set<std::string> kContactForms = {"in_person", "video", "phone"};
constexpr const char* kFree = "NOT EXISTS (SELECT 1 FROM bookings x WHERE x.slot_id = s.id AND x.status <> 'cancelled')";

// The nearest free slots to a taken one, for the same contact form: what to offer instead.
json alternatives(Tx& tx, const std::string& takenSlot, const std::string& contactForm, const Policy& policy, Instant now,
                  const std::optional<LocalDate>& deadline) {
  json out = json::array();
  tx.query(std::string(kSlotSelect) + " WHERE " + kFree +
               " AND s.id <> ? AND s.start_at > ? AND EXISTS (SELECT 1 FROM json_each(s.contact_forms) WHERE value = ?)"
               " ORDER BY ABS(s.start_at - (SELECT start_at FROM slots WHERE id = ?)), s.start_at LIMIT 3",
           {takenSlot, now + policy.minNoticeHours * 3600, contactForm, takenSlot},
           [&](const Row& row) { out.push_back(slotFromRow(row, deadline, policy)); });
  return out;
}

// 409 slot-taken, with the nearest free times for the same contact form.
void answerSlotTaken(httplib::Response& res, Tx& tx, const std::string& citizen, const std::string& slot, const std::string& form,
                     const Policy& policy, Instant now) {
  const auto history = contactHistory(tx, citizen, now);
  problem(res, 409, "slot-taken", "Someone else just took that time", "Choose one of the nearest free times",
          {{"alternatives", alternatives(tx, slot, form, policy, now, history.status.nextRequiredContact)}});
}

enum class SlotCheck { Ok, Missing, TooSoon, WrongForm };

SlotCheck checkSlot(Tx& tx, const std::string& slot, const std::string& contactForm, const Policy& policy, Instant now) {
  std::optional<Instant> start;
  bool formOffered = false;
  tx.query("SELECT start_at, EXISTS (SELECT 1 FROM json_each(contact_forms) WHERE value = ?) FROM slots WHERE id = ?",
           {contactForm, slot}, [&](const Row& row) {
             start = row.integer(0);
             formOffered = row.integer(1) != 0;
           });
  if (!start) return SlotCheck::Missing;
  if (*start < now + policy.minNoticeHours * 3600 || *start > now + (policy.bookingHorizonDays + 1) * 86400) return SlotCheck::TooSoon;
  if (!formOffered) return SlotCheck::WrongForm;
  return SlotCheck::Ok;
}

bool answerSlotCheck(httplib::Response& res, SlotCheck check) {
  switch (check) {
    case SlotCheck::Ok: return false;
    case SlotCheck::Missing: problem(res, 400, "invalid-request", "No such slot"); return true;
    case SlotCheck::TooSoon: problem(res, 400, "invalid-request", "That time can no longer be booked"); return true;
    case SlotCheck::WrongForm: problem(res, 400, "invalid-request", "That time is not offered in this contact form"); return true;
  }
  return true;
}

std::optional<std::string> validateNewBooking(const json& b) {
  static const std::set<std::string> fields = {"slot_id", "topics", "contact_form", "wishes", "interpreter"};
  for (const auto& [key, value] : b.items()) {
    if (!fields.contains(key)) return "unknown field \"" + key + "\"";
  }
  if (!isToken(b.value("slot_id", json()), 64)) return "slot_id is required";
  const json topics = b.value("topics", json());
  if (!topics.is_array() || topics.empty() || topics.size() > 6) return "topics must list 1 to 6 topics";
  std::set<std::string> seen;
  for (const auto& t : topics) {
    if (!t.is_string() || !kTopics.contains(t.get<std::string>())) return "unknown topic";
    if (!seen.insert(t.get<std::string>()).second) return "each topic at most once";
  }
  if (!b.value("contact_form", json()).is_string() || !kContactForms.contains(b["contact_form"].get<std::string>())) {
    return "contact_form must be in_person, video or phone";
  }
  if (b.contains("wishes") && !isPlainText(b["wishes"], 1000, /*multiline=*/true)) {
    return "wishes: 1 to 1000 characters of plain text (no control characters)";
  }
  if (b.contains("interpreter")) {
    const json& i = b["interpreter"];
    if (!i.is_object() || i.size() != 1 || !isLanguageTag(i.value("language", json()))) return "interpreter must be {\"language\": code}";
  }
  return std::nullopt;
}

}  // namespace

void addBookingRoutes(httplib::Server& server, RouteContext& ctx) {
  server.Get("/api/v1/slots", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto session = citizenRequest(ctx, req, res);
    if (!session) return;
    const Instant now = nowInstant();
    std::string where = std::string(kFree) + " AND s.start_at >= ? AND s.start_at <= ?";
    std::vector<Value> values = {now + ctx.policy.minNoticeHours * 3600, now + (ctx.policy.bookingHorizonDays + 1) * 86400};
    if (req.has_param("topic")) {
      if (!kTopics.contains(req.get_param_value("topic"))) return problem(res, 400, "invalid-request", "Unknown topic");
      where += " AND EXISTS (SELECT 1 FROM json_each(c.competences) WHERE value = ?)";
      values.emplace_back(req.get_param_value("topic"));
    }
    if (req.has_param("contact_form")) {
      if (!kContactForms.contains(req.get_param_value("contact_form"))) return problem(res, 400, "invalid-request", "Unknown contact form");
      where += " AND EXISTS (SELECT 1 FROM json_each(s.contact_forms) WHERE value = ?)";
      values.emplace_back(req.get_param_value("contact_form"));
    }
    if (req.has_param("consultant")) {
      if (!isToken(req.get_param_value("consultant"), 64)) return problem(res, 400, "invalid-request", "Unknown consultant");
      where += " AND c.id = ?";
      values.emplace_back(req.get_param_value("consultant"));
    }
    for (const char* bound : {"from", "to"}) {
      if (!req.has_param(bound)) continue;
      LocalDate date;
      if (!parseIsoDate(req.get_param_value(bound), date)) return problem(res, 400, "invalid-request", std::string(bound) + " must be YYYY-MM-DD");
      const bool from = std::string(bound) == "from";
      where += from ? " AND s.start_at >= ?" : " AND s.start_at < ?";
      values.emplace_back(localToInstant(from ? date : addDays(date, 1), 0, 0));
    }
    int limit = 50;
    if (req.has_param("limit")) {
      try {
        limit = std::stoi(req.get_param_value("limit"));
      } catch (...) {
        limit = 0;
      }
      if (limit < 1 || limit > 200) return problem(res, 400, "invalid-request", "limit must be 1 to 200");
    }
    values.emplace_back(int64_t{limit});
    json slots = json::array();
    std::string deadline;
    ctx.db.transaction([&](Tx& tx) {
      const ContactHistory history = contactHistory(tx, session->subject, now);
      deadline = isoDate(history.status.nextRequiredContact);
      tx.query(std::string(kSlotSelect) + " WHERE " + where + " ORDER BY s.start_at, c.first_name LIMIT ?", values,
               [&](const Row& row) { slots.push_back(slotFromRow(row, history.status.nextRequiredContact, ctx.policy)); });
    });
    sendJson(res, 200, {{"slots", slots}, {"next_required_contact", deadline}});
  });

  server.Get("/api/v1/bookings", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto session = citizenRequest(ctx, req, res);
    if (!session) return;
    const Instant now = nowInstant();
    // At most 500, earliest first. Where a citizen has more, the cut falls on what is over
    // (cancelled, taken place: the oldest first), never on a meeting still booked: cut earliest
    // first, a citizen with 500 cancelled bookings lost their coming meeting from the list (the
    // soak found it).
    std::vector<std::pair<Instant, json>> kept;
    ctx.db.transaction([&](Tx& tx) {
      tx.query(std::string(kBookingSelect) +
                   " WHERE b.citizen_id = ? AND s.start_at > ? ORDER BY b.status IN ('booked', 'checked_in') DESC, s.start_at DESC LIMIT 500",
               {session->subject, now - 90 * 86400},
               [&](const Row& row) { kept.emplace_back(row.integer(3), bookingFromRow(row, ctx.policy, now)); });
    });
    std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    json list = json::array();
    for (auto& [start, booking] : kept) list.push_back(std::move(booking));
    sendJson(res, 200, {{"bookings", list}});
  });

  server.Get(R"(/api/v1/bookings/([A-Za-z0-9_-]{1,64}))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto session = citizenRequest(ctx, req, res);
    if (!session) return;
    const auto booking = ctx.db.transaction([&](Tx& tx) {
      return loadBooking(tx, "b.id = ? AND b.citizen_id = ?", {std::string(req.matches[1]), session->subject}, ctx.policy, nowInstant());
    });
    if (!booking) return problem(res, 404, "not-found", "No such booking");
    sendJson(res, 200, *booking);
  });

  server.Post("/api/v1/bookings", [&ctx](const httplib::Request& req, httplib::Response& res) {
    citizenWrite(ctx, req, res, [&](const Session& session) {
      const auto body = jsonBody(req, res);
      if (!body) return;
      if (const auto why = validateNewBooking(*body)) return problem(res, 400, "invalid-request", "The booking is not valid", *why);
      const std::string slot = (*body)["slot_id"];
      const std::string form = (*body)["contact_form"];
      const Instant now = nowInstant();
      const std::string id = "b-" + randomCode("abcdefghijkmnpqrstuvwxyz23456789", 12);
      const std::string reference = randomCode("BCDFGHJKLMNPQRSTVWXZ23456789", 8);
      ctx.db.transaction([&](Tx& tx) {
        if (answerSlotCheck(res, checkSlot(tx, slot, form, ctx.policy, now))) return;
        // A citizen books a conversation, not every free time: past the limit, the answer names the
        // bookings they have, so the kiosk can offer to move one. Counted and inserted in one
        // transaction, so racing requests cannot pass it together.
        json open = json::array();
        tx.query("SELECT b.id FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.citizen_id = ? AND b.status = 'booked'"
                 " AND b.self_booked = 1 AND s.start_at > ? ORDER BY s.start_at",
                 {session.subject, now}, [&](const Row& row) { open.push_back(row.text(0)); });
        if (static_cast<int>(open.size()) >= ctx.policy.maxOpenSelfBookings) {
          return problem(res, 409, "booking-limit-reached", "You already have a meeting booked",
                         "Move the meeting you have booked, or cancel it first",
                         {{"limit", ctx.policy.maxOpenSelfBookings}, {"bookings", open}});
        }
        try {
          tx.exec("INSERT INTO bookings VALUES(?,?,?,?,'booked',?,?,?,?,1,?,NULL)",
                  {id, reference, session.subject, slot, form, (*body)["topics"].dump(),
                   body->contains("wishes") ? Value((*body)["wishes"].get<std::string>()) : Value(nullptr),
                   body->contains("interpreter") ? Value((*body)["interpreter"]["language"].get<std::string>()) : Value(nullptr), now});
        } catch (const DbError& e) {
          if (!e.constraint()) throw;
          return answerSlotTaken(res, tx, session.subject, slot, form, ctx.policy, now);
        }
        if (session.assisted) tx.exec("INSERT INTO bookings_with_staff VALUES(?)", {id});
        sendJson(res, 201, *loadBooking(tx, "b.id = ?", {id}, ctx.policy, now));
      });
    });
  });

  server.Post(R"(/api/v1/bookings/([A-Za-z0-9_-]{1,64})/move)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    citizenWrite(ctx, req, res, [&](const Session& session) {
      const auto body = jsonBody(req, res);
      if (!body) return;
      if (body->size() != 1 || !isToken(body->value("slot_id", json()), 64)) return problem(res, 400, "invalid-request", "Send {\"slot_id\": ...}");
      const std::string id = req.matches[1];
      const std::string slot = (*body)["slot_id"];
      const Instant now = nowInstant();
      ctx.db.transaction([&](Tx& tx) {
        const auto booking = loadBooking(tx, "b.id = ? AND b.citizen_id = ?", {id, session.subject}, ctx.policy, now);
        if (!booking) return problem(res, 404, "not-found", "No such booking");
        if ((*booking)["status"] != "booked") return problem(res, 409, "booking-not-active", "This booking is no longer active");
        if (!(*booking)["movable"].get<bool>()) {
          return problem(res, 409, "too-late-to-move", "It is too late to move this meeting",
                         "Meetings can be moved until " + std::to_string(ctx.policy.moveCutoffDays) + " days before. Ask the staff for help.");
        }
        const std::string form = (*booking)["contact_form"];
        if (answerSlotCheck(res, checkSlot(tx, slot, form, ctx.policy, now))) return;
        try {
          tx.exec("UPDATE bookings SET slot_id = ? WHERE id = ?", {slot, id});
        } catch (const DbError& e) {
          if (!e.constraint()) throw;
          return answerSlotTaken(res, tx, session.subject, slot, form, ctx.policy, now);
        }
        sendJson(res, 200, *loadBooking(tx, "b.id = ?", {id}, ctx.policy, now));
      });
    });
  });

  server.Post(R"(/api/v1/bookings/([A-Za-z0-9_-]{1,64})/cancel)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    citizenWrite(ctx, req, res, [&](const Session& session) {
      const auto body = jsonBody(req, res);
      if (!body) return;
      if (!body->empty()) return problem(res, 400, "invalid-request", "Send an empty object");
      const std::string id = req.matches[1];
      const Instant now = nowInstant();
      ctx.db.transaction([&](Tx& tx) {
        const auto booking = loadBooking(tx, "b.id = ? AND b.citizen_id = ?", {id, session.subject}, ctx.policy, now);
        if (!booking) return problem(res, 404, "not-found", "No such booking");
        if ((*booking)["status"] != "booked") return problem(res, 409, "booking-not-active", "This booking is no longer active");
        if (!(*booking)["cancellable"].get<bool>()) {
          return problem(res, 409, "too-late-to-cancel", "It is too late to cancel this meeting",
                         "Meetings can be cancelled until " + std::to_string(ctx.policy.cancelCutoffDays) + " day before. Ask the staff for help.");
        }
        tx.exec("UPDATE bookings SET status = 'cancelled' WHERE id = ?", {id});
        sendJson(res, 200, *loadBooking(tx, "b.id = ?", {id}, ctx.policy, now));
      });
    });
  });
}

}  // namespace jobcenter
