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

TEST_CASE("a slot-taken problem carries its alternatives; a broken one is an error") {
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
