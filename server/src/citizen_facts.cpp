#include "citizen_facts.h"

namespace jobcenter {

ContactHistory contactHistory(Tx& tx, const std::string& citizen, Instant now) {
  ContactHistory h;
  tx.query("SELECT unemployment_start FROM citizens WHERE id = ?", {citizen},
           [&](const Row& row) { parseIsoDate(row.text(0), h.unemploymentStart); });
  tx.query("SELECT b.id, s.start_at, b.status FROM bookings b JOIN slots s ON s.id = b.slot_id"
           " WHERE b.citizen_id = ? AND b.status <> 'cancelled' ORDER BY s.start_at",
           {citizen}, [&](const Row& row) {
             const Instant start = row.integer(1);
             const std::string status = row.text(2);
             if (start < now && (status == "completed" || status == "checked_in")) {
               h.held.push_back(localDateOf(start));
               h.lastHeldBooking = row.text(0);
             } else if (start >= now && status == "booked" && !h.nextBooked) {
               h.nextBooked = localDateOf(start);
             }
           });
  h.status = nextRequiredContact(h.unemploymentStart, h.held, localDateOf(now), h.nextBooked);
  return h;
}

}  // namespace jobcenter
