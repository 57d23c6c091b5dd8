#include "board_snapshot.h"

namespace jobcenter {
namespace {

using nlohmann::json;

constexpr const char* kHelpCallColumns =
    "SELECT h.id, h.kiosk_id, p.place, h.reason, h.language, h.errand_flow, h.meeting_date, h.staff_present, h.status,"
    " h.created_at, h.taken_by, h.taken_at FROM help_requests h LEFT JOIN kiosk_places p ON p.kiosk_id = h.kiosk_id";

json helpCallOf(const Row& row) {
  json call = {{"id", row.text(0)}, {"kiosk_id", row.text(1)}, {"reason", row.text(3)}, {"staff_present", row.integer(7) != 0},
               {"status", row.text(8)}, {"created_at", rfc3339(row.integer(9))}};
  if (!row.isNull(2)) call["place"] = row.text(2);
  if (!row.isNull(4)) call["language"] = row.text(4);
  if (!row.isNull(5)) {
    call["errand"] = {{"flow", row.text(5)}};
    if (!row.isNull(6)) call["errand"]["meeting_date"] = row.text(6);
  }
  if (!row.isNull(10)) call["taken_by"] = row.text(10);
  if (!row.isNull(11)) call["taken_at"] = rfc3339(row.integer(11));
  return call;
}

constexpr const char* kArrivalColumns =
    "SELECT b.id, z.first_name, z.last_name, s.start_at, c.first_name, b.interpreter_language, b.checked_in_at, r.received_at"
    " FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN citizens z ON z.id = b.citizen_id"
    " JOIN consultants c ON c.id = s.consultant_id LEFT JOIN arrivals_received r ON r.booking_id = b.id";

json arrivalOf(const Row& row) {
  const std::string lastName = row.text(2);
  // The initial is the first character, which may be more than one byte (Ø, Å).
  size_t initialBytes = lastName.empty() ? 0 : 1;
  while (initialBytes < lastName.size() && (static_cast<unsigned char>(lastName[initialBytes]) & 0xC0) == 0x80) ++initialBytes;
  json a = {{"booking_id", row.text(0)},
            {"first_name", row.text(1)},
            {"last_initial", lastName.substr(0, initialBytes)},
            {"meeting_start", rfc3339(row.integer(3))},
            {"consultant_first_name", row.text(4)},
            {"timing", arrivalTiming(row.integer(6), row.integer(3))},
            {"checked_in_at", rfc3339(row.integer(6))}};
  if (!row.isNull(5)) a["interpreter_language"] = row.text(5);
  if (!row.isNull(7)) a["received_at"] = rfc3339(row.integer(7));
  return a;
}

}  // namespace

const char* arrivalTiming(Instant checkedInAt, Instant meetingStart) {
  if (meetingStart - checkedInAt > 30 * 60) return "early";
  if (checkedInAt - meetingStart > 10 * 60) return "late";
  return "on_time";
}

json helpCall(Tx& tx, const std::string& id) {
  json call;
  tx.query(std::string(kHelpCallColumns) + " WHERE h.id = ?", {id}, [&](const Row& row) { call = helpCallOf(row); });
  return call;
}

json arrival(Tx& tx, const std::string& bookingId) {
  json a;
  tx.query(std::string(kArrivalColumns) + " WHERE b.id = ? AND b.checked_in_at IS NOT NULL", {bookingId},
           [&](const Row& row) { a = arrivalOf(row); });
  return a;
}

json boardSnapshot(Tx& tx, Instant now) {
  json calls = json::array(), arrivals = json::array();
  // Calls older than a working day are no longer anybody's: the board shows today's.
  tx.query(std::string(kHelpCallColumns) + " WHERE h.status IN ('open','taken') AND h.created_at > ? ORDER BY h.created_at",
           {now - 12 * 3600}, [&](const Row& row) { calls.push_back(helpCallOf(row)); });
  const LocalDate today = localDateOf(now);
  tx.query(std::string(kArrivalColumns) +
               " WHERE b.status = 'checked_in' AND r.booking_id IS NULL AND s.start_at >= ? AND s.start_at < ? ORDER BY s.start_at",
           {localToInstant(today, 0, 0), localToInstant(addDays(today, 1), 0, 0)}, [&](const Row& row) { arrivals.push_back(arrivalOf(row)); });
  return {{"generated_at", rfc3339(now)}, {"help_calls", calls}, {"arrivals", arrivals}};
}

}  // namespace jobcenter
