#include "schema.h"

#include <algorithm>

namespace jobcenter {

void createSchema(Database& db) {
  db.transaction([](Tx& tx) {
    // Usage events stored by earlier versions carried the exact time (column "at"); they are not
    // kept, rather than kept finer than the contract now allows.
    if (tx.queryInt("SELECT COUNT(*) FROM pragma_table_info('usage_events') WHERE name = 'at'").value_or(0) > 0) {
      tx.exec("DROP TABLE usage_events");
    }
    for (const char* sql : {
             "CREATE TABLE IF NOT EXISTS consultants(id TEXT PRIMARY KEY, first_name TEXT NOT NULL, name TEXT NOT NULL,"
             " languages TEXT NOT NULL, competences TEXT NOT NULL, contact_forms TEXT NOT NULL)",
             // role: "staff", or "manager" (also sees the figures at /manager).
             "CREATE TABLE IF NOT EXISTS staff(staff_number TEXT PRIMARY KEY, name TEXT NOT NULL, pin_hash TEXT NOT NULL,"
             " role TEXT NOT NULL DEFAULT 'staff')",
             "CREATE TABLE IF NOT EXISTS citizens(id TEXT PRIMARY KEY, cpr TEXT UNIQUE NOT NULL, first_name TEXT NOT NULL,"
             " last_name TEXT NOT NULL, unemployment_start TEXT NOT NULL, wished_job_titles TEXT NOT NULL,"
             " abc_a TEXT, abc_b TEXT, abc_c TEXT, weekly_target INTEGER NOT NULL, phone TEXT, preferences TEXT)",
             "CREATE TABLE IF NOT EXISTS agreements(citizen_id TEXT NOT NULL REFERENCES citizens(id), date TEXT NOT NULL,"
             " text TEXT NOT NULL, next_steps TEXT NOT NULL)",
             "CREATE TABLE IF NOT EXISTS slots(id TEXT PRIMARY KEY, consultant_id TEXT NOT NULL REFERENCES consultants(id),"
             " start_at INTEGER NOT NULL, end_at INTEGER NOT NULL, contact_forms TEXT NOT NULL, place_name TEXT, place_address TEXT)",
             "CREATE INDEX IF NOT EXISTS slots_by_start ON slots(start_at)",
             "CREATE TABLE IF NOT EXISTS bookings(id TEXT PRIMARY KEY, reference TEXT UNIQUE NOT NULL,"
             " citizen_id TEXT NOT NULL REFERENCES citizens(id), slot_id TEXT NOT NULL REFERENCES slots(id),"
             " status TEXT NOT NULL, contact_form TEXT NOT NULL, topics TEXT NOT NULL, wishes TEXT, interpreter_language TEXT,"
             " self_booked INTEGER NOT NULL, created_at INTEGER NOT NULL, checked_in_at INTEGER)",
             // The rule that makes double booking impossible, whatever the timing of requests.
             "CREATE UNIQUE INDEX IF NOT EXISTS one_booking_per_slot ON bookings(slot_id) WHERE status <> 'cancelled'",
             "CREATE TABLE IF NOT EXISTS activities(id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL,"
             " description TEXT NOT NULL, start_at INTEGER NOT NULL, end_at INTEGER NOT NULL, place_name TEXT NOT NULL,"
             " place_address TEXT NOT NULL, seats_total INTEGER NOT NULL,"
             // Seats given at the desk or by phone, outside this API.
             " seats_taken_elsewhere INTEGER NOT NULL DEFAULT 0)",
             "CREATE TABLE IF NOT EXISTS registrations(activity_id TEXT NOT NULL REFERENCES activities(id),"
             " citizen_id TEXT NOT NULL REFERENCES citizens(id), registered_at INTEGER NOT NULL, PRIMARY KEY(activity_id, citizen_id))",
             "CREATE TABLE IF NOT EXISTS joblog(id TEXT PRIMARY KEY, citizen_id TEXT NOT NULL REFERENCES citizens(id),"
             " kind TEXT NOT NULL, job_title TEXT, employer_name TEXT, employer_address TEXT, date TEXT NOT NULL, how TEXT,"
             " description TEXT, created_at INTEGER NOT NULL)",
             "CREATE TABLE IF NOT EXISTS feedback(booking_id TEXT PRIMARY KEY REFERENCES bookings(id), rating INTEGER NOT NULL,"
             " created_at INTEGER NOT NULL)",
             // status: open, taken (taken_by: the staff member's first name), handled or citizen_left.
             // errand_flow and meeting_date: what the citizen was doing when they called (no more).
             "CREATE TABLE IF NOT EXISTS help_requests(id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, reason TEXT NOT NULL,"
             " language TEXT, status TEXT NOT NULL, created_at INTEGER NOT NULL, errand_flow TEXT, meeting_date TEXT,"
             " staff_present INTEGER NOT NULL DEFAULT 0, taken_by TEXT, taken_at INTEGER, closed_at INTEGER)",
             // A checked-in citizen met by their consultant (marked on the reception board).
             "CREATE TABLE IF NOT EXISTS arrivals_received(booking_id TEXT PRIMARY KEY REFERENCES bookings(id), received_at INTEGER NOT NULL)",
             // Bookings a staff member made with the citizen at the kiosk (co-service): counted apart
             // from self-booked ones in the managers' figures.
             "CREATE TABLE IF NOT EXISTS bookings_with_staff(booking_id TEXT PRIMARY KEY REFERENCES bookings(id))",
             // Where each kiosk stands, as the reception board names it ("Stueetagen, ved indgangen").
             "CREATE TABLE IF NOT EXISTS kiosk_places(kiosk_id TEXT PRIMARY KEY, place TEXT NOT NULL)",
             // Anonymous usage events, one column per contract field (usage_event_rules.h says
             // which type carries which). No time of receipt: the hour is all that is kept.
             "CREATE TABLE IF NOT EXISTS usage_events(kiosk_id TEXT NOT NULL, hour TEXT NOT NULL, type TEXT NOT NULL,"
             " flow TEXT, language TEXT, assisted INTEGER, step TEXT, given_up_at TEXT, length TEXT, ending TEXT,"
             " text_size INTEGER, aid TEXT, reason TEXT)",
             // The jobcenter's settings for its kiosks (/kiosk/config), each a JSON value by its contract
             // name; a name not here has the reference server's default.
             "CREATE TABLE IF NOT EXISTS kiosk_settings(name TEXT PRIMARY KEY, value TEXT NOT NULL)",
             "CREATE TABLE IF NOT EXISTS heartbeats(kiosk_id TEXT PRIMARY KEY, version TEXT, uptime_seconds INTEGER,"
             " screen TEXT, healthy INTEGER, received_at INTEGER NOT NULL)",
             // What the heartbeat says about the kiosk's health, apart from the heartbeat itself so an
             // older database keeps working; incidents are counted by kind, their detail stays in
             // the kiosk's log.
             "CREATE TABLE IF NOT EXISTS kiosk_health(kiosk_id TEXT PRIMARY KEY, printer TEXT, client_certificate_days INTEGER,"
             " server_certificate_days INTEGER, received_at INTEGER NOT NULL)",
             "CREATE TABLE IF NOT EXISTS kiosk_incidents(kiosk_id TEXT NOT NULL, kind TEXT NOT NULL, count INTEGER NOT NULL,"
             " received_at INTEGER NOT NULL)",
             "CREATE TABLE IF NOT EXISTS idempotency(kiosk_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,"
             " state TEXT NOT NULL, status INTEGER, body TEXT, created_at INTEGER NOT NULL, PRIMARY KEY(kiosk_id, key))",
             "CREATE TABLE IF NOT EXISTS device_grants(device_code TEXT PRIMARY KEY, user_code TEXT UNIQUE NOT NULL,"
             " kiosk_id TEXT NOT NULL, expires_at INTEGER NOT NULL, interval_seconds INTEGER NOT NULL, last_poll INTEGER,"
             " state TEXT NOT NULL, citizen_id TEXT)",
             "CREATE TABLE IF NOT EXISTS tokens(token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL,"
             " assisted INTEGER NOT NULL, kiosk_id TEXT NOT NULL, created_at INTEGER NOT NULL, last_used INTEGER NOT NULL,"
             " revoked INTEGER NOT NULL DEFAULT 0)",
             "CREATE TABLE IF NOT EXISTS login_failures(subject TEXT NOT NULL, at INTEGER NOT NULL)",
             // Rate limits: one row per counted event, per bucket ("check-in:kiosk:desk-1", ...).
             "CREATE TABLE IF NOT EXISTS rate_events(bucket TEXT NOT NULL, at INTEGER NOT NULL)",
             "CREATE INDEX IF NOT EXISTS rate_events_by_bucket ON rate_events(bucket, at)",
             "CREATE INDEX IF NOT EXISTS login_failures_by_subject ON login_failures(subject, at)",
         }) {
      tx.exec(sql);
    }
    // A database from before the reception board: its tables get the board's columns.
    const auto addColumn = [&](const std::string& table, const std::string& column, const std::string& declaration) {
      bool present = false;
      tx.query("SELECT 1 FROM pragma_table_info(?) WHERE name = ?", {table, column}, [&](const Row&) { present = true; });
      if (!present) tx.exec("ALTER TABLE " + table + " ADD COLUMN " + column + " " + declaration);
    };
    addColumn("staff", "role", "TEXT NOT NULL DEFAULT 'staff'");
    addColumn("help_requests", "errand_flow", "TEXT");
    addColumn("help_requests", "meeting_date", "TEXT");
    addColumn("help_requests", "staff_present", "INTEGER NOT NULL DEFAULT 0");
    addColumn("help_requests", "taken_by", "TEXT");
    addColumn("help_requests", "taken_at", "INTEGER");
    addColumn("help_requests", "closed_at", "INTEGER");
  });
}

void pruneExpired(Database& db, const Policy& policy, Instant now) {
  db.transaction([&](Tx& tx) {
    tx.exec("DELETE FROM rate_events WHERE at < ?", {now - 3600});
    tx.exec("DELETE FROM login_failures WHERE at < ?", {now - 3600});
    tx.exec("DELETE FROM idempotency WHERE created_at < ? AND state = 'done'", {now - 86400});
    tx.exec("DELETE FROM idempotency WHERE created_at < ?", {now - 3600 * 6});
    tx.exec("DELETE FROM tokens WHERE created_at < ? OR (revoked = 1 AND last_used < ?)",
            {now - std::max(policy.citizenAbsoluteSeconds, policy.staffAbsoluteSeconds), now - 3600});
    tx.exec("DELETE FROM device_grants WHERE expires_at < ?", {now});
  });
}

void clearAll(Database& db) {
  db.transaction([](Tx& tx) {
    for (const char* table : {"registrations", "feedback", "arrivals_received", "bookings_with_staff", "bookings", "joblog", "agreements", "slots", "activities", "citizens",
                              "consultants", "staff", "help_requests", "kiosk_places", "usage_events", "heartbeats", "kiosk_health", "kiosk_incidents", "idempotency", "device_grants",
                              "tokens", "login_failures", "rate_events"}) {
      tx.exec(std::string("DELETE FROM ") + table);
    }
  });
}

}  // namespace jobcenter
