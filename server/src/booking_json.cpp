#include "booking_json.h"

namespace jobcenter {

const char* const kBookingSelect =
    "SELECT b.id, b.reference, b.status, s.start_at, s.end_at, b.contact_form, b.topics, b.wishes, b.interpreter_language,"
    " b.self_booked, b.created_at, c.id, c.first_name, c.name, s.place_name, s.place_address, z.phone, s.id"
    " FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN consultants c ON c.id = s.consultant_id"
    " JOIN citizens z ON z.id = b.citizen_id";

const char* const kSlotSelect =
    "SELECT s.id, s.start_at, s.end_at, c.id, c.first_name, s.contact_forms, s.place_name, s.place_address"
    " FROM slots s JOIN consultants c ON c.id = s.consultant_id";

json bookingFromRow(const Row& row, const Policy& policy, Instant now) {
  const Instant start = row.integer(3);
  const std::string status = row.text(2);
  const std::string form = row.text(5);
  const Instant moveUntil = start - policy.moveCutoffDays * 86400;
  const Instant cancelUntil = start - policy.cancelCutoffDays * 86400;
  const bool active = status == "booked";
  json topics = json::parse(row.text(6));
  json b = {
      {"id", row.text(0)},
      {"reference", row.text(1)},
      {"status", status},
      {"date", isoDate(localDateOf(start))},
      {"start", rfc3339(start)},
      {"end", rfc3339(row.integer(4))},
      {"contact_form", form},
      {"type", "jobsamtale"},
      {"title", "Samtale med " + row.text(12)},
      {"description", "Jobsamtale om: " + [&] {
         std::string joined;
         for (const auto& t : topics) joined += (joined.empty() ? "" : ", ") + t.get<std::string>();
         return joined;
       }()},
      {"topics", topics},
      {"staff_name", row.text(13)},
      {"consultant", {{"id", row.text(11)}, {"first_name", row.text(12)}}},
      {"movable", active && now < moveUntil},
      {"cancellable", active && now < cancelUntil},
      {"self_booked", row.integer(9) != 0},
      {"created_at", rfc3339(row.integer(10))},
  };
  if (active) {
    b["movable_until"] = rfc3339(moveUntil);
    b["cancellable_until"] = rfc3339(cancelUntil);
  }
  if (form == "in_person") b["place"] = {{"name", row.text(14)}, {"address", row.text(15)}};
  if (form == "phone" && !row.isNull(16)) b["phone_number"] = row.text(16);
  if (form == "video") b["video_url"] = "https://video.jobcenter-kiosk.example/m/" + row.text(0);
  if (const auto wishes = row.optionalText(7)) b["wishes"] = *wishes;
  if (const auto language = row.optionalText(8)) b["interpreter"] = {{"language", *language}};
  return b;
}

std::optional<json> loadBooking(Tx& tx, const std::string& condition, const std::vector<Value>& values, const Policy& policy,
                                Instant now) {
  std::optional<json> found;
  tx.query(std::string(kBookingSelect) + " WHERE " + condition, values, [&](const Row& row) {
    if (!found) found = bookingFromRow(row, policy, now);
  });
  return found;
}

json slotFromRow(const Row& row, const std::optional<LocalDate>& deadline, const Policy& policy) {
  const Instant start = row.integer(1);
  json slot = {{"id", row.text(0)},
               {"start", rfc3339(row.integer(1))},
               {"end", rfc3339(row.integer(2))},
               {"consultant_id", row.text(3)},
               {"consultant_first_name", row.text(4)},
               {"contact_forms", json::parse(row.text(5))},
               {"after_deadline", deadline ? localDateOf(row.integer(1)) > *deadline : false},
               {"movable_until", rfc3339(start - policy.moveCutoffDays * 86400)},
               {"cancellable_until", rfc3339(start - policy.cancelCutoffDays * 86400)}};
  if (!row.isNull(6)) slot["place"] = {{"name", row.text(6)}, {"address", row.text(7)}};
  return slot;
}

}  // namespace jobcenter
