// Strict decoding: good documents decode, and anything malformed, oversized or out of range is a
// typed error that names the field.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "kiosk/api/decode.h"

using namespace kiosk::api;
using nlohmann::json;

namespace {

json goodBooking() {
  return {{"id", "b-1"}, {"reference", "WN5ZXJR4"}, {"status", "booked"}, {"date", "2026-11-23"},
          {"start", "2026-11-23T09:00:00+01:00"}, {"end", "2026-11-23T09:45:00+01:00"}, {"contact_form", "in_person"},
          {"type", "jobsamtale"}, {"title", "Samtale med Ali"}, {"description", "Jobsamtale om: coaching"},
          {"place", {{"name", "Jobcenter Havnestad"}, {"address", "Havnegade 12"}}}, {"topics", {"coaching"}},
          {"staff_name", "Ali Rezaei"}, {"consultant", {{"id", "c-ali"}, {"first_name", "Ali"}}}, {"movable", true},
          {"cancellable", true}, {"self_booked", true}, {"created_at", "2026-11-22T10:00:00Z"}};
}

template <typename T>
std::string errorField(const Decoded<T>& d) {
  const auto* e = std::get_if<DecodeError>(&d);
  return e ? e->field + ": " + e->reason : std::string("decoded");
}

}  // namespace

TEST_CASE("RFC 3339 times with offsets become the right instants") {
  CHECK(parseRfc3339("1970-01-01T00:00:00Z") == 0);
  CHECK(parseRfc3339("2026-11-23T09:00:00+01:00") == parseRfc3339("2026-11-23T08:00:00Z"));
  CHECK(parseRfc3339("2027-03-29T09:00:00+02:00") == parseRfc3339("2027-03-29T07:00:00Z"));
  CHECK(parseRfc3339("2026-11-23T09:00:00.250+01:00") == parseRfc3339("2026-11-23T09:00:00+01:00"));
  CHECK_FALSE(parseRfc3339("2026-11-23T09:00:00"));  // an offset is required
  CHECK_FALSE(parseRfc3339("2026-13-23T09:00:00Z"));
  CHECK_FALSE(parseRfc3339("2026-11-23 09:00:00Z"));
  CHECK_FALSE(parseRfc3339("2026-11-23T09:00:00+1:00"));
}

TEST_CASE("a booking decodes with every field") {
  const auto d = decodeBooking(goodBooking().dump());
  REQUIRE(std::holds_alternative<kiosk::domain::Booking>(d));
  const auto& b = std::get<kiosk::domain::Booking>(d);
  CHECK(b.reference == "WN5ZXJR4");
  CHECK(b.contactForm == kiosk::domain::ContactForm::InPerson);
  CHECK(b.consultantFirstName == "Ali");
  CHECK(b.end.unixSeconds - b.start.unixSeconds == 45 * 60);
}

TEST_CASE("malformed bookings are refused with the field named") {
  auto with = [](const char* key, json value) {
    json b = goodBooking();
    b[key] = value;
    return errorField(decodeBooking(b.dump()));
  };
  auto without = [](const char* key) {
    json b = goodBooking();
    b.erase(key);
    return errorField(decodeBooking(b.dump()));
  };
  CHECK(without("id") == "id: missing");
  CHECK(with("id", 42) == "id: not text");
  CHECK(with("status", "maybe") == "status: unknown status");
  CHECK(with("start", "tomorrow") == "start: not a date-time");
  CHECK(with("end", "2026-11-23T08:00:00+01:00") == "end: not after start");
  CHECK(with("contact_form", "pigeon") == "contact_form: unknown contact form");
  CHECK(with("topics", json::array({1})) == "topics[0]: not a topic");
  CHECK(with("movable", "yes") == "movable: not true or false");
  CHECK(with("title", std::string(5000, 'x')) == "title: too long");
  CHECK(without("place") == "place: missing for a meeting in person");
  CHECK(with("consultant", json::array()) == "consultant: not an object");
  CHECK(errorField(decodeBooking("[1,2,3]")) == "(body): not an object");
  CHECK(errorField(decodeBooking("{\"id\":")) == "(body): not JSON");
  CHECK(errorField(decodeBooking(std::string(kMaxBodyBytes + 1, ' '))) == "(body): too large");
}

TEST_CASE("a slot-taken problem carries its alternatives, a broken one is an error") {
  const json slotJson = {{"id", "s-2"}, {"start", "2026-11-23T10:00:00+01:00"}, {"end", "2026-11-23T10:45:00+01:00"},
                         {"consultant_id", "c-anne"}, {"consultant_first_name", "Anne"}, {"contact_forms", {"phone"}}};
  const json problem = {{"type", "https://jobcenter-kiosk.example/problems/slot-taken"}, {"title", "Taken"}, {"status", 409},
                        {"code", "slot-taken"}, {"alternatives", {slotJson}}};
  const auto d = decodeProblem(problem.dump());
  REQUIRE(std::holds_alternative<kiosk::domain::Problem>(d));
  CHECK(std::get<kiosk::domain::Problem>(d).alternatives.size() == 1);
  json bad = problem;
  bad["status"] = 9999;
  CHECK(errorField(decodeProblem(bad.dump())) == "status: out of range");
}

TEST_CASE("a booking-limit-reached problem carries the citizen's bookings and the limit") {
  const json problem = {{"type", "https://jobcenter-kiosk.example/problems/booking-limit-reached"}, {"title", "Booked"}, {"status", 409},
                        {"code", "booking-limit-reached"}, {"bookings", {"b-12"}}, {"limit", 1}};
  const auto d = decodeProblem(problem.dump());
  REQUIRE(std::holds_alternative<kiosk::domain::Problem>(d));
  CHECK(std::get<kiosk::domain::Problem>(d).bookingIds == std::vector<std::string>{"b-12"});
  CHECK(std::get<kiosk::domain::Problem>(d).limit == 1);
  json bad = problem;
  bad["bookings"] = {std::string(65, 'b')};
  CHECK(errorField(decodeProblem(bad.dump())) == "bookings[0]: not a booking id");
}

TEST_CASE("the device grant must send the phone to https") {
  json d = {{"device_code", "abc"}, {"user_code", "BCDF-GHJK"}, {"verification_uri", "http://evil.example/device"},
            {"verification_uri_complete", "http://evil.example/device?user_code=BCDF-GHJK"}, {"expires_in", 600}, {"interval", 5}};
  CHECK(errorField(decodeDeviceAuthorization(d.dump())) == "verification_uri: not an https address");
}

TEST_CASE("deeply nested or huge documents do not crash the decoder") {
  std::string deep(100000, '[');
  CHECK(std::holds_alternative<DecodeError>(decodeCitizenSummary(deep)));
  json many = {{"slots", json::array()}};
  for (int i = 0; i < 600; ++i) many["slots"].push_back(json::object());
  CHECK(errorField(decodeSlots(many.dump())) == "slots: too many items");
}

// [SECTION] The remaining operations. Good bodies are the reference server's real answers (lists
// shortened); each malformed one changes or removes one field and must be refused naming it.

namespace {

namespace real {
const char* topics = R"({"topics":[{"id":"coaching","name_da":"Coaching"},{"id":"job_opportunities","name_da":"Jobmuligheder"},{"id":"job_search","name_da":"Jobsøgning"},{"id":"education","name_da":"Uddannelsesmuligheder"},{"id":"career_change","name_da":"Sporskifte"},{"id":"general_guidance","name_da":"Generel vejledning"}]})";
const char* consultants = R"({"consultants":[{"competences":["coaching","job_opportunities"],"contact_forms":["in_person","phone"],"first_name":"Ali","id":"c-ali","languages":["da","fa","en"],"name":"Ali Rezaei"},{"competences":["job_opportunities","career_change"],"contact_forms":["phone","video"],"first_name":"Jakub","id":"c-jakub","languages":["da","pl","en"],"name":"Jakub Nowak"}]})";
const char* policy = R"({"booking_horizon_days":21,"cancel_cutoff_days":1,"min_notice_hours":2,"move_cutoff_days":2})";
const char* bookings = R"({"bookings":[{"cancellable":false,"consultant":{"first_name":"Anne","id":"c-anne"},"contact_form":"in_person","created_at":"2026-11-11T10:30:00+01:00","date":"2026-11-25","description":"Jobsamtale om: coaching, job_search","end":"2026-11-25T11:15:00+01:00","id":"b-11","movable":false,"place":{"address":"Havnegade 12, 2150 Havnestad","name":"Jobcenter Havnestad"},"reference":"6LP9FM84","self_booked":true,"staff_name":"Anne Holm","start":"2026-11-25T10:30:00+01:00","status":"completed","title":"Samtale med Anne","topics":["coaching","job_search"],"type":"jobsamtale"},{"cancellable":true,"cancellable_until":"2026-12-10T13:30:00+01:00","consultant":{"first_name":"Anne","id":"c-anne"},"contact_form":"in_person","created_at":"2026-11-27T13:30:00+01:00","date":"2026-12-11","description":"Jobsamtale om: job_search","end":"2026-12-11T14:15:00+01:00","id":"b-14","movable":true,"movable_until":"2026-12-09T13:30:00+01:00","place":{"address":"Havnegade 12, 2150 Havnestad","name":"Jobcenter Havnestad"},"reference":"SGPCR3T4","self_booked":true,"staff_name":"Anne Holm","start":"2026-12-11T13:30:00+01:00","status":"booked","title":"Samtale med Anne","topics":["job_search"],"type":"jobsamtale"}]})";
const char* preferences = R"({"contrast":"high","language":"uk","opted_in":true,"read_aloud":false,"text_size":200})";
const char* activities = R"({"activities":[{"description":"Vi søger job sammen på computeren.","end":"2026-12-03T12:00:00+01:00","id":"a-hjaelp","kind":"job_search_help","place":{"address":"Havnegade 12, 2150 Havnestad","name":"Jobcenter Havnestad"},"registered":false,"seats_left":0,"seats_total":8,"start":"2026-12-03T10:00:00+01:00","title":"Hjælp til jobsøgning"},{"description":"Mød andre, der søger job, og del gode råd.","end":"2026-12-06T15:00:00+01:00","id":"a-net","kind":"network","place":{"address":"Havnegade 12, 2150 Havnestad","name":"Jobcenter Havnestad"},"registered":true,"seats_left":15,"seats_total":20,"start":"2026-12-06T13:00:00+01:00","title":"Netværksmøde"}]})";
const char* registration = R"({"activity_id":"a-cv","registered_at":"2026-12-01T20:05:17+01:00"})";
const char* joblog = R"({"entries":[{"created_at":"2026-11-28T20:04:55+01:00","date":"2026-11-28","employer":{"address":"Havnestad","name":"Byg Nord"},"how":"email","id":"j-4","job_title":"Tømrer","kind":"application"},{"created_at":"2026-12-01T20:05:17+01:00","date":"2026-12-01","description":"Var til jobmesse i Havnestad Hallen.","id":"j-59wntvvi9d4t","kind":"other"}],"weekly_target":4})";
const char* joblogEntry = R"({"created_at":"2026-12-01T20:05:17+01:00","date":"2026-12-01","employer":{"address":"Havnestad","name":"Byg Nord"},"how":"email","id":"j-c5kaj7bqrtb8","job_title":"Tømrer","kind":"application"})";
const char* feedback = R"({"booking_id":"b-11","created_at":"2026-12-01T20:05:17+01:00","rating":3})";
const char* checkIn = R"({"booking":{"consultant_first_name":"Oksana","contact_form":"in_person","end":"2026-12-01T21:09:55+01:00","id":"b-12","place":{"address":"Havnegade 12, 2150 Havnestad","name":"Jobcenter Havnestad"},"reference":"DEMO0TDY","start":"2026-12-01T20:24:55+01:00"},"checked_in_at":"2026-12-01T20:05:23+01:00","first_name":"Olena","message_key":"already_checked_in"})";
const char* helpRequest = R"({"created_at":"2026-12-01T20:05:23+01:00","id":"h-qdf3is3wct","language":"ar","reason":"interpreter","status":"open"})";
const char* staff = R"({"access_token":"xrkaVtyDKmcqSHolc6ojoUAcaS0wPDoRu4OPcZGr0hE","expires_in":28800,"staff":{"name":"Birgitte Lund","staff_number":"S1001"},"token_type":"Bearer"})";
const char* assisted = R"({"access_token":"RcWDYcLq403GQoFrRoo_8bEqK6vLessljtoUgx9CbBk","expires_in":1800,"scope":"citizen assisted","token_type":"Bearer"})";
}  // namespace real

// What a decoder says of body with the value at a JSON pointer replaced, or removed.
template <typename T>
std::string changed(Decoded<T> (*decode)(std::string_view), const char* body, const char* pointer, const json& value) {
  json j = json::parse(body);
  j[json::json_pointer(pointer)] = value;
  return errorField(decode(j.dump()));
}

template <typename T>
std::string removed(Decoded<T> (*decode)(std::string_view), const char* body, const char* pointer) {
  json j = json::parse(body);
  const json::json_pointer p(pointer);
  j[p.parent_pointer()].erase(p.back());
  return errorField(decode(j.dump()));
}

template <typename T>
const T& decoded(const Decoded<T>& d) {
  INFO(errorField(d));
  REQUIRE(std::holds_alternative<T>(d));
  return std::get<T>(d);
}

// A list whose one item is repeated count times.
std::string repeated(const char* body, const char* list, int count) {
  json j = json::parse(body);
  const json item = j[list][0];
  j[list] = json::array();
  for (int i = 0; i < count; ++i) j[list].push_back(item);
  return j.dump();
}

}  // namespace

TEST_CASE("topics decode, an unknown topic, a missing name or too many topics are refused") {
  const auto topics = decoded(decodeTopics(real::topics));
  REQUIRE(topics.size() == 6);
  CHECK(topics[2].id == "job_search");
  CHECK(topics[2].nameDa == "Jobsøgning");
  CHECK(changed(decodeTopics, real::topics, "/topics/1/id", "astrology") == "topics[1].id: not a known topic");
  CHECK(removed(decodeTopics, real::topics, "/topics/0/name_da") == "topics[0].name_da: missing");
  CHECK(changed(decodeTopics, real::topics, "/topics", json::object()) == "topics: not a list");
  CHECK(errorField(decodeTopics(repeated(real::topics, "topics", 51))) == "topics: too many items");
}

TEST_CASE("consultants decode with languages, competences and contact forms, bad lists are refused") {
  const auto consultants = decoded(decodeConsultants(real::consultants));
  REQUIRE(consultants.size() == 2);
  CHECK(consultants[0].name == "Ali Rezaei");
  CHECK(consultants[0].languages == std::vector<std::string>{"da", "fa", "en"});
  CHECK(consultants[1].contactForms == std::vector{kiosk::domain::ContactForm::Phone, kiosk::domain::ContactForm::Video});
  CHECK(changed(decodeConsultants, real::consultants, "/consultants/0/languages/1", "Farsi") == "consultants[0].languages[1]: not a language tag");
  CHECK(changed(decodeConsultants, real::consultants, "/consultants/0/languages/1", "da") == "consultants[0].languages[1]: repeated");
  CHECK(changed(decodeConsultants, real::consultants, "/consultants/1/competences/0", 7) == "consultants[1].competences[0]: not a known topic");
  CHECK(changed(decodeConsultants, real::consultants, "/consultants/1/contact_forms/1", "fax") == "consultants[1].contact_forms[1]: unknown contact form");
  CHECK(changed(decodeConsultants, real::consultants, "/consultants/0/id", "c/../ali") == "consultants[0].id: not an id");
  CHECK(removed(decodeConsultants, real::consultants, "/consultants/1/name") == "consultants[1].name: missing");
  CHECK(changed(decodeConsultants, real::consultants, "/consultants/0/first_name", std::string(101, 'x')) == "consultants[0].first_name: too long");
}

TEST_CASE("the booking policy decodes, negative or absurd numbers are refused") {
  const auto p = decoded(decodeBookingPolicy(real::policy));
  CHECK(p.moveCutoffDays == 2);
  CHECK(p.cancelCutoffDays == 1);
  CHECK(p.bookingHorizonDays == 21);
  CHECK(p.minNoticeHours == 2);
  CHECK(changed(decodeBookingPolicy, real::policy, "/move_cutoff_days", -1) == "move_cutoff_days: out of range");
  CHECK(changed(decodeBookingPolicy, real::policy, "/booking_horizon_days", 100000) == "booking_horizon_days: out of range");
  CHECK(changed(decodeBookingPolicy, real::policy, "/min_notice_hours", 2.5) == "min_notice_hours: not a whole number");
  CHECK(removed(decodeBookingPolicy, real::policy, "/cancel_cutoff_days") == "cancel_cutoff_days: missing");
}

TEST_CASE("the citizen's bookings decode, a broken one is refused with its place in the list") {
  const auto list = decoded(decodeBookings(real::bookings));
  REQUIRE(list.size() == 2);
  CHECK(list[0].status == kiosk::domain::BookingStatus::Completed);
  CHECK_FALSE(list[0].movableUntil);
  CHECK(list[1].movable);
  CHECK(list[1].movableUntil);
  CHECK(changed(decodeBookings, real::bookings, "/bookings/1/status", "lost") == "bookings[1].status: unknown status");
  CHECK(removed(decodeBookings, real::bookings, "/bookings/0/place") == "bookings[0].place: missing for a meeting in person");
  CHECK(removed(decodeBookings, real::bookings, "/bookings") == "bookings: missing");
  CHECK(errorField(decodeBookings(repeated(real::bookings, "bookings", 501))) == "bookings: too many items");
}

TEST_CASE("saved preferences decode, values the kiosk cannot apply are refused") {
  const auto p = decoded(decodePreferences(real::preferences));
  CHECK(p.optedIn);
  CHECK(p.language == "uk");
  CHECK(p.textSize == 200);
  CHECK(p.highContrast);
  CHECK_FALSE(p.readAloud);
  CHECK(changed(decodePreferences, real::preferences, "/text_size", 120) == "text_size: not 100, 150 or 200");
  CHECK(changed(decodePreferences, real::preferences, "/text_size", 1000) == "text_size: out of range");
  CHECK(changed(decodePreferences, real::preferences, "/contrast", "inverted") == "contrast: not normal or high");
  CHECK(changed(decodePreferences, real::preferences, "/language", "UK") == "language: not a language tag");
  CHECK(changed(decodePreferences, real::preferences, "/read_aloud", 1) == "read_aloud: not true or false");
  CHECK(removed(decodePreferences, real::preferences, "/opted_in") == "opted_in: missing");
}

TEST_CASE("activities decode with seats and registration, impossible ones are refused") {
  const auto list = decoded(decodeActivities(real::activities));
  REQUIRE(list.size() == 2);
  CHECK(list[0].seatsLeft == 0);
  CHECK(list[0].place.name == "Jobcenter Havnestad");
  CHECK(list[1].registered);
  CHECK(list[1].kind == "network");
  CHECK(changed(decodeActivities, real::activities, "/activities/1/seats_left", 21) == "activities[1].seats_left: more than seats_total");
  CHECK(changed(decodeActivities, real::activities, "/activities/0/seats_total", -8) == "activities[0].seats_total: out of range");
  CHECK(changed(decodeActivities, real::activities, "/activities/0/end", "2026-12-03T09:00:00+01:00") == "activities[0].end: not after start");
  CHECK(removed(decodeActivities, real::activities, "/activities/1/place") == "activities[1].place: missing");
  CHECK(changed(decodeActivities, real::activities, "/activities/1/registered", "yes") == "activities[1].registered: not true or false");
  CHECK(changed(decodeActivities, real::activities, "/activities/1/kind", "net work") == "activities[1].kind: not a kind of activity");
  CHECK(changed(decodeActivities, real::activities, "/activities/0/title", std::string(301, 'x')) == "activities[0].title: too long");
}

TEST_CASE("a registration decodes, one without a usable id or time is refused") {
  const auto r = decoded(decodeActivityRegistration(real::registration));
  CHECK(r.activityId == "a-cv");
  CHECK(r.registeredAt.text == "2026-12-01T20:05:17+01:00");
  CHECK(changed(decodeActivityRegistration, real::registration, "/activity_id", "a cv") == "activity_id: not an id");
  CHECK(changed(decodeActivityRegistration, real::registration, "/registered_at", "now") == "registered_at: not a date-time");
  CHECK(removed(decodeActivityRegistration, real::registration, "/registered_at") == "registered_at: missing");
}

TEST_CASE("the job log decodes applications and other activities, incomplete entries are refused") {
  const auto log = decoded(decodeJoblog(real::joblog));
  CHECK(log.weeklyTarget == 4);
  REQUIRE(log.entries.size() == 2);
  CHECK(log.entries[0].kind == kiosk::domain::JoblogKind::Application);
  CHECK(log.entries[0].how == kiosk::domain::HowApplied::Email);
  REQUIRE(log.entries[0].employer);
  CHECK(log.entries[0].employer->address == "Havnestad");
  CHECK(log.entries[1].kind == kiosk::domain::JoblogKind::Other);
  CHECK(log.entries[1].description == "Var til jobmesse i Havnestad Hallen.");
  CHECK(removed(decodeJoblog, real::joblog, "/entries/0/job_title") == "entries[0].job_title: missing for an application");
  CHECK(removed(decodeJoblog, real::joblog, "/entries/0/how") == "entries[0].how: missing for an application");
  CHECK(removed(decodeJoblog, real::joblog, "/entries/1/description") == "entries[1].description: missing for another activity");
  CHECK(changed(decodeJoblog, real::joblog, "/entries/0/how", "pigeon") == "entries[0].how: not a known way of applying");
  CHECK(changed(decodeJoblog, real::joblog, "/entries/0/kind", "interview") == "entries[0].kind: not application or other");
  CHECK(changed(decodeJoblog, real::joblog, "/entries/0/date", "28-11-2026") == "entries[0].date: not a date");
  CHECK(changed(decodeJoblog, real::joblog, "/entries/0/employer/name", "") == "entries[0].employer.name: empty");
  CHECK(changed(decodeJoblog, real::joblog, "/weekly_target", 1000) == "weekly_target: out of range");
  CHECK(removed(decodeJoblog, real::joblog, "/weekly_target") == "weekly_target: missing");
}

TEST_CASE("a new job log entry decodes, a broken one is refused") {
  const auto e = decoded(decodeJoblogEntry(real::joblogEntry));
  CHECK(e.id == "j-c5kaj7bqrtb8");
  CHECK(e.jobTitle == "Tømrer");
  CHECK(e.date == "2026-12-01");
  CHECK(changed(decodeJoblogEntry, real::joblogEntry, "/job_title", std::string(201, 'x')) == "job_title: too long");
  CHECK(changed(decodeJoblogEntry, real::joblogEntry, "/created_at", 17) == "created_at: not text");
  CHECK(changed(decodeJoblogEntry, real::joblogEntry, "/employer", "Byg Nord") == "employer: not an object");
}

TEST_CASE("feedback decodes, a rating outside 1 to 3 is refused") {
  const auto f = decoded(decodeFeedback(real::feedback));
  CHECK(f.bookingId == "b-11");
  CHECK(f.rating == 3);
  CHECK(changed(decodeFeedback, real::feedback, "/rating", 4) == "rating: out of range");
  CHECK(changed(decodeFeedback, real::feedback, "/rating", "3") == "rating: not a whole number");
  CHECK(removed(decodeFeedback, real::feedback, "/booking_id") == "booking_id: missing");
}

TEST_CASE("a check-in decodes with its booking, an unknown message or a broken booking is refused") {
  const auto c = decoded(decodeCheckIn(real::checkIn));
  CHECK(c.alreadyCheckedIn);
  CHECK(c.reference == "DEMO0TDY");
  CHECK(c.meetingShown);
  CHECK(c.consultantFirstName == "Oksana");
  REQUIRE(c.place);
  CHECK(c.checkedInAt.text == "2026-12-01T20:05:23+01:00");
  CHECK(changed(decodeCheckIn, real::checkIn, "/message_key", "checked_in").find("decoded") == 0);
  CHECK(changed(decodeCheckIn, real::checkIn, "/message_key", "welcome") == "message_key: not checked_in or already_checked_in");
  CHECK(changed(decodeCheckIn, real::checkIn, "/booking/reference", "demo0tdy") == "booking.reference: not a booking code");
  CHECK(changed(decodeCheckIn, real::checkIn, "/booking/reference", "DEMO0TDY0") == "booking.reference: too long");
  CHECK(changed(decodeCheckIn, real::checkIn, "/booking/contact_form", "telepathy") == "booking.contact_form: unknown contact form");
  CHECK(changed(decodeCheckIn, real::checkIn, "/booking/end", "2026-12-01T20:00:00+01:00") == "booking.end: not after start");
  CHECK(removed(decodeCheckIn, real::checkIn, "/booking/consultant_first_name") == "booking.consultant_first_name: missing");
  CHECK(changed(decodeCheckIn, real::checkIn, "/booking", "b-12") == "booking: not an object");
  CHECK(removed(decodeCheckIn, real::checkIn, "/first_name").find("decoded") == 0);  // no longer sent (issue 16)
  // By CPR number the server says only that the check-in happened.
  const auto byCpr = decoded(decodeCheckIn(R"({"checked_in_at":"2026-12-01T20:05:23+01:00","message_key":"checked_in"})"));
  CHECK_FALSE(byCpr.meetingShown);
  CHECK_FALSE(byCpr.alreadyCheckedIn);
  CHECK(byCpr.reference.empty());
  CHECK(byCpr.firstName.empty());
  CHECK(changed(decodeCheckIn, real::checkIn, "/checked_in_at", "2026-12-01T20:05:23") == "checked_in_at: not a date-time");
}

TEST_CASE("a help request decodes, an unknown reason or language is refused") {
  const auto h = decoded(decodeHelpRequest(real::helpRequest));
  CHECK(h.reason == kiosk::domain::HelpReason::Interpreter);
  CHECK(h.language == "ar");
  CHECK(removed(decodeHelpRequest, real::helpRequest, "/language").find("decoded") == 0);
  CHECK(changed(decodeHelpRequest, real::helpRequest, "/reason", "bored") == "reason: not a known reason");
  CHECK(changed(decodeHelpRequest, real::helpRequest, "/language", "arabic language") == "language: not a language tag");
  CHECK(removed(decodeHelpRequest, real::helpRequest, "/created_at") == "created_at: missing");
  CHECK(removed(decodeHelpRequest, real::helpRequest, "/status") == "status: missing");
}

TEST_CASE("a staff login decodes with who logged in, a broken token is refused") {
  const auto s = decoded(decodeStaffSession(real::staff));
  CHECK(s.staffNumber == "S1001");
  CHECK(s.name == "Birgitte Lund");
  CHECK(s.expiresIn == 28800);
  CHECK_FALSE(s.accessToken.empty());
  CHECK(changed(decodeStaffSession, real::staff, "/token_type", "MAC") == "token_type: not Bearer");
  CHECK(changed(decodeStaffSession, real::staff, "/expires_in", 0) == "expires_in: out of range");
  CHECK(changed(decodeStaffSession, real::staff, "/access_token", std::string(513, 'x')) == "access_token: too long");
  CHECK(removed(decodeStaffSession, real::staff, "/staff/name") == "staff.name: missing");
  CHECK(removed(decodeStaffSession, real::staff, "/staff") == "staff: missing");
}

TEST_CASE("an assisted citizen login must say it is assisted") {
  const auto t = decoded(decodeAssistedToken(real::assisted));
  CHECK(t.expiresIn == 1800);
  CHECK(changed(decodeAssistedToken, real::assisted, "/scope", "citizen") == "scope: not citizen assisted");
  CHECK(removed(decodeAssistedToken, real::assisted, "/scope") == "scope: missing");
  CHECK(removed(decodeAssistedToken, real::assisted, "/access_token") == "access_token: missing");
}

namespace {

json goodKioskConfig() {
  return {{"kiosk_id", "desk-1"},
          {"jobcenter_name", "Jobcenter Havnestad"},
          {"address", "Havnegade 12"},
          {"languages", {"da", "en", "uk"}},
          {"default_language", "da"},
          {"idle_timeout_seconds", 120},
          {"opening_hours", {{{"weekday", 1}, {"opens", "08:00"}, {"closes", "15:00"}}, {{"weekday", 5}, {"opens", "08:00"}, {"closes", "13:00"}}}},
          {"closed_days", {"2026-12-24"}},
          {"services", {{"check_in", true}, {"book", true}, {"move_cancel", true}, {"activities", false}, {"joblog", true}, {"plan", true}}},
          {"support_phone", "+45 70 00 00 00"},
          {"message_of_the_day", {{"text", "Lukket fredag."}, {"language", "da"}}}};
}

}  // namespace

TEST_CASE("the jobcenter's settings decode: languages, errands off, opening hours, closed days, message") {
  const auto decoded = decodeKioskConfig(goodKioskConfig().dump());
  REQUIRE(errorField(decoded) == "decoded");
  const auto& s = std::get<kiosk::domain::JobcenterSettings>(decoded);
  CHECK(s.name == "Jobcenter Havnestad");
  CHECK(s.languages == std::vector<std::string>{"da", "en", "uk"});
  CHECK(s.servicesOff == std::vector<std::string>{"activities"});
  REQUIRE(s.hours.spans.size() == 2);
  CHECK(s.hours.spans[1].weekday == 5);
  CHECK(s.hours.spans[1].closes == 13 * 60);
  CHECK(s.hours.closedDates == std::vector<std::string>{"2026-12-24"});
  CHECK(s.supportPhone == "+45 70 00 00 00");
  CHECK(s.message == "Lukket fredag.");
  CHECK(s.messageLanguage == "da");
  json noMessage = goodKioskConfig();
  noMessage.erase("message_of_the_day");
  noMessage.erase("closed_days");
  CHECK(errorField(decodeKioskConfig(noMessage.dump())) == "decoded");
}

TEST_CASE("malformed settings from the jobcenter are refused with the field named") {
  auto with = [](const char* key, const json& value) {
    json j = goodKioskConfig();
    j[key] = value;
    return errorField(decodeKioskConfig(j.dump()));
  };
  CHECK(with("languages", json::array()) == "languages: empty");
  CHECK(with("languages", {"da", 7}) == "languages[1]: not a language tag");
  CHECK(with("opening_hours", {{{"weekday", 8}, {"opens", "08:00"}, {"closes", "15:00"}}}) == "opening_hours[0].weekday: out of range");
  CHECK(with("opening_hours", {{{"weekday", 1}, {"opens", "8:00"}, {"closes", "15:00"}}}) == "opening_hours[0]: not a time of day (HH:MM)");
  CHECK(with("opening_hours", {{{"weekday", 1}, {"opens", "15:00"}, {"closes", "08:00"}}}) == "opening_hours[0]: closes before it opens");
  CHECK(with("closed_days", {"24-12-2026"}) == "closed_days[0]: not a date");
  CHECK(with("services", {{"book", true}}) == "services.check_in: missing");
}

TEST_CASE("the demo citizens decode by id and first name, and a list without names is an error") {
  const auto d = decodeDemoCitizens(R"({"citizens":[{"id":"cit-amina","first_name":"Amina"}]})");
  REQUIRE(std::holds_alternative<std::vector<kiosk::domain::DemoCitizen>>(d));
  CHECK(std::get<std::vector<kiosk::domain::DemoCitizen>>(d).front().firstName == "Amina");
  CHECK(std::holds_alternative<kiosk::api::DecodeError>(decodeDemoCitizens(R"({"citizens":[{"id":"cit-amina"}]})")));
  CHECK(std::holds_alternative<kiosk::api::DecodeError>(decodeDemoCitizens(R"({"people":[]})")));
}
