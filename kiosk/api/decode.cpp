// [SECTION] Index: the reader and shared checks, the first decoders (booking, slots, problem, device
// grant, token, summary), booking choices, activities, job log and feedback, without a citizen login.

#include "kiosk/api/decode.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

namespace kiosk::api {
namespace {

using nlohmann::json;

struct Failure {
  DecodeError error;
};

[[noreturn]] void fail(const std::string& field, const std::string& reason) { throw Failure{{field, reason}}; }

// [SECTION] The reader and shared checks

// Unicode characters in UTF-8 text, as JSON Schema's maxLength counts them (not bytes).
size_t characters(const std::string& s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Reads one JSON object's fields with their checks; `at` names the object for error messages.
class Reader {
 public:
  Reader(const json& j, std::string at) : j_(j), at_(std::move(at)) {
    if (!j_.is_object()) fail(at_.empty() ? "(body)" : at_, "not an object");
  }

  bool has(const char* key) const { return j_.contains(key) && !j_.at(key).is_null(); }
  std::string field(const char* key) const { return at_.empty() ? key : at_ + "." + key; }

  std::string text(const char* key, size_t maxLength = 1000, bool allowEmpty = false) const {
    if (!has(key)) fail(field(key), "missing");
    const json& v = j_.at(key);
    if (!v.is_string()) fail(field(key), "not text");
    const std::string s = v.get<std::string>();
    if (s.size() > maxLength && characters(s) > maxLength) fail(field(key), "too long");  // the contract counts characters
    if (s.empty() && !allowEmpty) fail(field(key), "empty");
    return s;
  }
  std::optional<std::string> optionalText(const char* key, size_t maxLength = 1000) const {
    return has(key) ? std::optional(text(key, maxLength)) : std::nullopt;
  }
  int64_t integer(const char* key, int64_t min, int64_t max) const {
    if (!has(key)) fail(field(key), "missing");
    const json& v = j_.at(key);
    if (!v.is_number_integer()) fail(field(key), "not a whole number");
    const auto n = v.get<int64_t>();
    if (n < min || n > max) fail(field(key), "out of range");
    return n;
  }
  bool boolean(const char* key) const {
    if (!has(key)) fail(field(key), "missing");
    if (!j_.at(key).is_boolean()) fail(field(key), "not true or false");
    return j_.at(key).get<bool>();
  }
  domain::Instant instant(const char* key) const {
    const std::string s = text(key, 40);
    const auto t = parseRfc3339(s);
    if (!t) fail(field(key), "not a date-time");
    return {*t, s};
  }
  std::optional<domain::Instant> optionalInstant(const char* key) const { return has(key) ? std::optional(instant(key)) : std::nullopt; }
  std::string date(const char* key) const {
    const std::string s = text(key, 10);
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31) {
      fail(field(key), "not a date");
    }
    return s;
  }
  template <typename Each>
  void array(const char* key, size_t maxItems, Each&& each, bool required = true) const {
    if (!has(key)) {
      if (required) fail(field(key), "missing");
      return;
    }
    const json& v = j_.at(key);
    if (!v.is_array()) fail(field(key), "not a list");
    if (v.size() > maxItems) fail(field(key), "too many items");
    for (size_t i = 0; i < v.size(); ++i) each(v[i], field(key) + "[" + std::to_string(i) + "]");
  }
  [[noreturn]] void failAt(const char* key, const std::string& reason) const { fail(field(key), reason); }
  const json& raw(const char* key) const {
    if (!has(key)) fail(field(key), "missing");
    return j_.at(key);
  }

 private:
  const json& j_;
  std::string at_;
};

domain::ContactForm contactForm(const std::string& s, const std::string& at) {
  if (s == "in_person") return domain::ContactForm::InPerson;
  if (s == "video") return domain::ContactForm::Video;
  if (s == "phone") return domain::ContactForm::Phone;
  fail(at, "unknown contact form");
}

std::optional<domain::Place> place(const Reader& r) {
  if (!r.has("place")) return std::nullopt;
  const Reader p(r.raw("place"), r.field("place"));
  return domain::Place{p.text("name", 200), p.text("address", 300)};
}

// Identifiers are safe as a path segment: the contract's Id pattern.
bool isId(const std::string& s) {
  return !s.empty() && s.size() <= 64 &&
         s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") == std::string::npos;
}

std::string id(const Reader& r, const char* key) {
  const std::string s = r.text(key, 64);
  if (!isId(s)) r.failAt(key, "not an id");
  return s;
}

// BCP 47 as the contract has it: a lower-case primary subtag of 2-3 letters, then -subtags.
bool isLanguageTag(const std::string& s) {
  if (s.size() < 2 || s.size() > 16) return false;
  size_t at = 0;
  while (at < s.size() && s[at] >= 'a' && s[at] <= 'z') ++at;
  if (at < 2 || at > 3) return false;
  while (at < s.size()) {
    if (s[at++] != '-') return false;
    const size_t from = at;
    while (at < s.size() && std::isalnum(static_cast<unsigned char>(s[at]))) ++at;
    if (at == from || at - from > 8) return false;
  }
  return true;
}

bool isTopic(const std::string& s) {
  static const std::set<std::string> topics = {"coaching", "job_opportunities", "job_search", "education", "career_change", "general_guidance"};
  return topics.contains(s);
}

// A list of distinct texts, each one checked by valid; what names what each should be.
template <typename Valid>
std::vector<std::string> distinctTexts(const Reader& r, const char* key, size_t maxItems, Valid&& valid, const char* what) {
  std::vector<std::string> out;
  r.array(key, maxItems, [&](const json& v, const std::string& where) {
    if (!v.is_string() || !valid(v.get<std::string>())) fail(where, std::string("not ") + what);
    if (std::find(out.begin(), out.end(), v.get<std::string>()) != out.end()) fail(where, "repeated");
    out.push_back(v.get<std::string>());
  });
  return out;
}

std::vector<domain::ContactForm> contactForms(const Reader& r, const char* key) {
  std::vector<domain::ContactForm> out;
  r.array(key, 3, [&](const json& v, const std::string& where) {
    if (!v.is_string()) fail(where, "not text");
    const auto form = contactForm(v.get<std::string>(), where);
    if (std::find(out.begin(), out.end(), form) != out.end()) fail(where, "repeated");
    out.push_back(form);
  });
  return out;
}

domain::Preferences preferences(const json& j, const std::string& at) {
  const Reader p(j, at);
  domain::Preferences prefs;
  prefs.optedIn = p.boolean("opted_in");
  prefs.language = p.text("language", 16);
  if (!isLanguageTag(prefs.language)) p.failAt("language", "not a language tag");
  prefs.textSize = static_cast<int>(p.integer("text_size", 100, 200));
  if (prefs.textSize != 100 && prefs.textSize != 150 && prefs.textSize != 200) p.failAt("text_size", "not 100, 150 or 200");
  const std::string contrast = p.text("contrast", 10);
  if (contrast != "normal" && contrast != "high") p.failAt("contrast", "not normal or high");
  prefs.highContrast = contrast == "high";
  prefs.readAloud = p.boolean("read_aloud");
  return prefs;
}

domain::Token token(const Reader& r) {
  if (r.text("token_type", 20) != "Bearer") r.failAt("token_type", "not Bearer");
  return domain::Token{r.text("access_token", 512), static_cast<int>(r.integer("expires_in", 1, 86400))};
}

domain::Slot slot(const json& j, const std::string& at) {
  const Reader r(j, at);
  domain::Slot s;
  s.id = r.text("id", 64);
  s.start = r.instant("start");
  s.end = r.instant("end");
  if (s.end.unixSeconds <= s.start.unixSeconds) fail(r.field("end"), "not after start");
  s.consultantId = r.text("consultant_id", 64);
  s.consultantFirstName = r.text("consultant_first_name", 100);
  r.array("contact_forms", 3, [&](const json& v, const std::string& where) {
    if (!v.is_string()) fail(where, "not text");
    s.contactForms.push_back(contactForm(v.get<std::string>(), where));
  });
  if (s.contactForms.empty()) fail(r.field("contact_forms"), "empty");
  s.place = place(r);
  s.afterDeadline = r.has("after_deadline") && r.boolean("after_deadline");
  s.movableUntil = r.optionalInstant("movable_until");
  s.cancellableUntil = r.optionalInstant("cancellable_until");
  return s;
}

domain::Booking booking(const json& j, const std::string& at) {
  const Reader r(j, at);
  domain::Booking b;
  b.id = r.text("id", 64);
  b.reference = r.text("reference", 32);
  const std::string status = r.text("status", 20);
  static const std::pair<const char*, domain::BookingStatus> statuses[] = {{"booked", domain::BookingStatus::Booked},
                                                                           {"cancelled", domain::BookingStatus::Cancelled},
                                                                           {"checked_in", domain::BookingStatus::CheckedIn},
                                                                           {"completed", domain::BookingStatus::Completed}};
  bool known = false;
  for (const auto& [name, value] : statuses) {
    if (status == name) b.status = value, known = true;
  }
  if (!known) fail(r.field("status"), "unknown status");
  b.date = r.date("date");
  b.start = r.instant("start");
  b.end = r.instant("end");
  if (b.end.unixSeconds <= b.start.unixSeconds) fail(r.field("end"), "not after start");
  b.contactForm = contactForm(r.text("contact_form", 20), r.field("contact_form"));
  b.type = r.text("type", 100);
  b.title = r.text("title", 300);
  b.description = r.text("description", 2000, true);
  b.place = place(r);
  b.phoneNumber = r.optionalText("phone_number", 40);
  b.videoUrl = r.optionalText("video_url", 500);
  b.wishes = r.optionalText("wishes", 1000);
  if (r.has("interpreter")) b.interpreterLanguage = Reader(r.raw("interpreter"), r.field("interpreter")).text("language", 16);
  r.array("topics", 6, [&](const json& v, const std::string& where) {
    if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 64) fail(where, "not a topic");
    b.topics.push_back(v.get<std::string>());
  });
  b.staffName = r.text("staff_name", 200);
  const Reader consultant(r.raw("consultant"), r.field("consultant"));
  b.consultantId = consultant.text("id", 64);
  b.consultantFirstName = consultant.text("first_name", 100);
  b.movable = r.boolean("movable");
  b.cancellable = r.boolean("cancellable");
  b.selfBooked = r.boolean("self_booked");
  b.movableUntil = r.optionalInstant("movable_until");
  b.cancellableUntil = r.optionalInstant("cancellable_until");
  b.createdAt = r.instant("created_at");
  if (b.contactForm == domain::ContactForm::InPerson && !b.place) fail(r.field("place"), "missing for a meeting in person");
  return b;
}

json parse(std::string_view body) {
  if (body.size() > kMaxBodyBytes) fail("(body)", "too large");
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) fail("(body)", "not JSON");
  return j;
}

template <typename T, typename Work>
Decoded<T> guarded(Work&& work) {
  try {
    return work();
  } catch (const Failure& f) {
    return f.error;
  } catch (const json::exception& e) {
    return DecodeError{"(body)", e.what()};
  }
}

}  // namespace

// [SECTION] The first decoders

std::optional<int64_t> parseRfc3339(std::string_view text) {
  int y, mo, d, h, mi, s, n = 0;
  if (text.size() < 20 || text.size() > 35) return std::nullopt;
  const std::string t(text);
  if (std::sscanf(t.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &n) != 6 || n != 19) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  size_t at = 19;
  if (at < t.size() && t[at] == '.') {  // fractional seconds are allowed and ignored
    ++at;
    while (at < t.size() && std::isdigit(static_cast<unsigned char>(t[at]))) ++at;
  }
  int offset = 0;
  if (at < t.size() && (t[at] == 'Z' || t[at] == 'z') && at + 1 == t.size()) {
    offset = 0;
  } else if (at + 6 == t.size() && (t[at] == '+' || t[at] == '-') && t[at + 3] == ':' && std::isdigit(static_cast<unsigned char>(t[at + 1])) &&
             std::isdigit(static_cast<unsigned char>(t[at + 2])) && std::isdigit(static_cast<unsigned char>(t[at + 4])) &&
             std::isdigit(static_cast<unsigned char>(t[at + 5]))) {
    const int oh = (t[at + 1] - '0') * 10 + (t[at + 2] - '0'), om = (t[at + 4] - '0') * 10 + (t[at + 5] - '0');
    if (oh > 23 || om > 59) return std::nullopt;
    offset = (t[at] == '-' ? -1 : 1) * (oh * 60 + om) * 60;
  } else {
    return std::nullopt;
  }
  // Days from the civil date (proleptic Gregorian), then seconds.
  const int yy = y - (mo <= 2);
  const int era = (yy >= 0 ? yy : yy - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(yy - era * 400);
  const unsigned doy = static_cast<unsigned>((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const int64_t days = int64_t{era} * 146097 + static_cast<int64_t>(doe) - 719468;
  return days * 86400 + h * 3600 + mi * 60 + s - offset;
}

Decoded<domain::Booking> decodeBooking(std::string_view body) {
  return guarded<domain::Booking>([&] { return booking(parse(body), ""); });
}

Decoded<std::vector<domain::Slot>> decodeSlots(std::string_view body) {
  return guarded<std::vector<domain::Slot>>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    std::vector<domain::Slot> slots;
    r.array("slots", 500, [&](const json& v, const std::string& where) { slots.push_back(slot(v, where)); });
    return slots;
  });
}

Decoded<domain::Problem> decodeProblem(std::string_view body) {
  return guarded<domain::Problem>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    domain::Problem p;
    p.type = r.text("type", 100);  // the contract's Problem.type maxLength
    p.title = r.text("title", 300);
    p.status = static_cast<int>(r.integer("status", 100, 599));
    p.code = r.has("code") ? r.text("code", 64) : p.type.substr(p.type.rfind('/') + 1);
    p.detail = r.optionalText("detail", 2000).value_or("");
    r.array("alternatives", 20, [&](const json& v, const std::string& where) { p.alternatives.push_back(slot(v, where)); }, false);
    // booking-limit-reached: the bookings the citizen has, to offer moving one.
    r.array("bookings", 20, [&](const json& v, const std::string& where) {
      if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 64) fail(where, "not a booking id");
      p.bookingIds.push_back(v.get<std::string>());
    }, false);
    if (r.has("limit")) p.limit = static_cast<int>(r.integer("limit", 1, 100));
    return p;
  });
}

Decoded<domain::DeviceAuthorization> decodeDeviceAuthorization(std::string_view body) {
  return guarded<domain::DeviceAuthorization>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    domain::DeviceAuthorization d;
    d.deviceCode = r.text("device_code", 512);
    d.userCode = r.text("user_code", 32);
    d.verificationUri = r.text("verification_uri", 500);
    d.verificationUriComplete = r.text("verification_uri_complete", 600);
    if (d.verificationUri.rfind("https://", 0) != 0 || d.verificationUriComplete.rfind("https://", 0) != 0) {
      fail("verification_uri", "not an https address");  // the phone must never be sent to plain http
    }
    d.expiresIn = static_cast<int>(r.integer("expires_in", 1, 3600));
    d.interval = r.has("interval") ? static_cast<int>(r.integer("interval", 0, 60)) : 5;
    return d;
  });
}

Decoded<domain::Token> decodeToken(std::string_view body) {
  return guarded<domain::Token>([&] {
    const json j = parse(body);
    return token(Reader(j, ""));
  });
}

Decoded<std::string> decodeOAuthError(std::string_view body) {
  return guarded<std::string>([&] {
    const json j = parse(body);
    const std::string code = Reader(j, "").text("error", 64);
    static const std::set<std::string> known = {"authorization_pending", "slow_down", "expired_token", "access_denied",
                                                "invalid_grant", "invalid_request", "unsupported_grant_type"};
    if (!known.contains(code)) fail("error", "unknown OAuth error");
    return code;
  });
}

Decoded<domain::CitizenSummary> decodeCitizenSummary(std::string_view body) {
  return guarded<domain::CitizenSummary>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    domain::CitizenSummary s;
    s.firstName = r.text("first_name", 100);
    s.unemploymentStart = r.date("unemployment_start");
    s.nextRequiredContact = r.date("next_required_contact");
    s.contactOverdue = r.boolean("contact_overdue");
    s.assisted = r.has("assisted") && r.boolean("assisted");
    if (r.has("next_booking")) s.nextBooking = booking(r.raw("next_booking"), "next_booking");
    if (r.has("latest_agreement")) {
      const Reader a(r.raw("latest_agreement"), "latest_agreement");
      domain::Agreement agreement{a.date("date"), a.text("text", 4000), {}};
      a.array("next_steps", 20, [&](const json& v, const std::string& where) {
        const Reader step(v, where);
        const std::string who = step.text("who", 20);
        if (who != "citizen" && who != "jobcenter") fail(step.field("who"), "not citizen or jobcenter");
        agreement.nextSteps.push_back({who == "citizen", step.text("what", 1000)});
      });
      s.latestAgreement = agreement;
    }
    if (r.has("abc_plan")) {
      const Reader plan(r.raw("abc_plan"), "abc_plan");
      s.planA = plan.text("a", 200), s.planB = plan.text("b", 200), s.planC = plan.text("c", 200);
    }
    r.array("wished_job_titles", 20, [&](const json& v, const std::string& where) {
      if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 200) fail(where, "not a job title");
      s.wishedJobTitles.push_back(v.get<std::string>());
    });
    const Reader log(r.raw("joblog"), "joblog");
    s.joblogThisWeek = static_cast<int>(log.integer("this_week", 0, 10000));
    s.joblogWeeklyTarget = static_cast<int>(log.integer("weekly_target", 0, 100));
    s.joblogSinceLastMeeting = static_cast<int>(log.integer("since_last_meeting", 0, 100000));
    if (r.has("preferences")) s.preferences = preferences(r.raw("preferences"), "preferences");
    if (r.has("feedback_due")) s.feedbackBookingId = Reader(r.raw("feedback_due"), "feedback_due").text("booking_id", 64);
    return s;
  });
}


// [SECTION] Booking choices and the citizen's bookings

Decoded<std::vector<domain::Topic>> decodeTopics(std::string_view body) {
  return guarded<std::vector<domain::Topic>>([&] {
    const json j = parse(body);
    std::vector<domain::Topic> topics;
    Reader(j, "").array("topics", 50, [&](const json& v, const std::string& where) {
      const Reader t(v, where);
      domain::Topic topic{t.text("id", 64), t.text("name_da", 200)};
      if (!isTopic(topic.id)) t.failAt("id", "not a known topic");
      topics.push_back(std::move(topic));
    });
    return topics;
  });
}

Decoded<std::vector<domain::Consultant>> decodeConsultants(std::string_view body) {
  return guarded<std::vector<domain::Consultant>>([&] {
    const json j = parse(body);
    std::vector<domain::Consultant> consultants;
    Reader(j, "").array("consultants", 500, [&](const json& v, const std::string& where) {
      const Reader c(v, where);
      domain::Consultant consultant;
      consultant.id = id(c, "id");
      consultant.firstName = c.text("first_name", 100);
      consultant.name = c.text("name", 200);
      consultant.languages = distinctTexts(c, "languages", 30, isLanguageTag, "a language tag");
      consultant.competences = distinctTexts(c, "competences", 6, isTopic, "a known topic");
      consultant.contactForms = contactForms(c, "contact_forms");
      consultants.push_back(std::move(consultant));
    });
    return consultants;
  });
}

Decoded<std::vector<domain::DemoCitizen>> decodeDemoCitizens(std::string_view body) {
  return guarded<std::vector<domain::DemoCitizen>>([&] {
    const json j = parse(body);
    std::vector<domain::DemoCitizen> citizens;
    Reader(j, "").array("citizens", 100, [&](const json& v, const std::string& where) {
      const Reader c(v, where);
      citizens.push_back({id(c, "id"), c.text("first_name", 100)});
    });
    return citizens;
  });
}

Decoded<domain::BookingPolicy> decodeBookingPolicy(std::string_view body) {
  return guarded<domain::BookingPolicy>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    domain::BookingPolicy p;
    p.moveCutoffDays = static_cast<int>(r.integer("move_cutoff_days", 0, 365));
    p.cancelCutoffDays = static_cast<int>(r.integer("cancel_cutoff_days", 0, 365));
    p.bookingHorizonDays = static_cast<int>(r.integer("booking_horizon_days", 0, 366));
    p.minNoticeHours = static_cast<int>(r.integer("min_notice_hours", 0, 24 * 366));
    return p;
  });
}

Decoded<std::vector<domain::Booking>> decodeBookings(std::string_view body) {
  return guarded<std::vector<domain::Booking>>([&] {
    const json j = parse(body);
    std::vector<domain::Booking> bookings;
    Reader(j, "").array("bookings", 500, [&](const json& v, const std::string& where) { bookings.push_back(booking(v, where)); });
    return bookings;
  });
}

Decoded<domain::Preferences> decodePreferences(std::string_view body) {
  return guarded<domain::Preferences>([&] { return preferences(parse(body), ""); });
}

// [SECTION] Activities

Decoded<std::vector<domain::Activity>> decodeActivities(std::string_view body) {
  return guarded<std::vector<domain::Activity>>([&] {
    const json j = parse(body);
    std::vector<domain::Activity> activities;
    Reader(j, "").array("activities", 500, [&](const json& v, const std::string& where) {
      const Reader r(v, where);
      domain::Activity a;
      a.id = id(r, "id");
      a.title = r.text("title", 300);
      a.kind = r.text("kind", 64);
      if (!isId(a.kind)) r.failAt("kind", "not a kind of activity");
      a.description = r.text("description", 2000, true);
      a.start = r.instant("start");
      a.end = r.instant("end");
      if (a.end.unixSeconds <= a.start.unixSeconds) r.failAt("end", "not after start");
      const auto venue = place(r);
      if (!venue) r.failAt("place", "missing");
      a.place = *venue;
      a.seatsTotal = static_cast<int>(r.integer("seats_total", 0, 100000));
      a.seatsLeft = static_cast<int>(r.integer("seats_left", 0, 100000));
      if (a.seatsLeft > a.seatsTotal) r.failAt("seats_left", "more than seats_total");
      a.registered = r.boolean("registered");
      activities.push_back(std::move(a));
    });
    return activities;
  });
}

Decoded<domain::ActivityRegistration> decodeActivityRegistration(std::string_view body) {
  return guarded<domain::ActivityRegistration>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    return domain::ActivityRegistration{id(r, "activity_id"), r.instant("registered_at")};
  });
}

// [SECTION] Job log and feedback

namespace {

domain::JoblogEntry joblogEntry(const json& j, const std::string& at) {
  const Reader r(j, at);
  domain::JoblogEntry e;
  e.id = id(r, "id");
  const std::string kind = r.text("kind", 20);
  if (kind != "application" && kind != "other") r.failAt("kind", "not application or other");
  e.kind = kind == "application" ? domain::JoblogKind::Application : domain::JoblogKind::Other;
  e.date = r.date("date");
  e.jobTitle = r.optionalText("job_title", 200);
  if (r.has("employer")) {
    const Reader m(r.raw("employer"), r.field("employer"));
    e.employer = domain::Place{m.text("name", 200), m.has("address") ? m.text("address", 300) : std::string()};
  }
  if (r.has("how")) {
    static const std::pair<const char*, domain::HowApplied> ways[] = {{"online_form", domain::HowApplied::OnlineForm},
                                                                      {"email", domain::HowApplied::Email},
                                                                      {"in_person", domain::HowApplied::InPerson},
                                                                      {"phone", domain::HowApplied::Phone},
                                                                      {"unsolicited", domain::HowApplied::Unsolicited}};
    const std::string how = r.text("how", 20);
    for (const auto& [name, value] : ways) {
      if (how == name) e.how = value;
    }
    if (!e.how) r.failAt("how", "not a known way of applying");
  }
  e.description = r.optionalText("description", 1000);
  e.createdAt = r.instant("created_at");
  if (e.kind == domain::JoblogKind::Application) {
    if (!e.jobTitle) r.failAt("job_title", "missing for an application");
    if (!e.how) r.failAt("how", "missing for an application");
  } else if (!e.description) {
    r.failAt("description", "missing for another activity");
  }
  return e;
}

}  // namespace

Decoded<domain::Joblog> decodeJoblog(std::string_view body) {
  return guarded<domain::Joblog>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    domain::Joblog log;
    r.array("entries", 10000, [&](const json& v, const std::string& where) { log.entries.push_back(joblogEntry(v, where)); });
    log.weeklyTarget = static_cast<int>(r.integer("weekly_target", 0, 100));
    return log;
  });
}

Decoded<domain::JoblogEntry> decodeJoblogEntry(std::string_view body) {
  return guarded<domain::JoblogEntry>([&] { return joblogEntry(parse(body), ""); });
}

Decoded<domain::Feedback> decodeFeedback(std::string_view body) {
  return guarded<domain::Feedback>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    return domain::Feedback{id(r, "booking_id"), static_cast<int>(r.integer("rating", 1, 3)), r.instant("created_at")};
  });
}

// [SECTION] Without a citizen login: check-in, help, staff

Decoded<domain::CheckIn> decodeCheckIn(std::string_view body) {
  return guarded<domain::CheckIn>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    domain::CheckIn c;
    c.checkedInAt = r.instant("checked_in_at");
    const std::string message = r.text("message_key", 40);
    if (message != "checked_in" && message != "already_checked_in") r.failAt("message_key", "not checked_in or already_checked_in");
    c.alreadyCheckedIn = message == "already_checked_in";
    // A check-in by CPR number says only that it happened (issue 16: a CPR number proves nothing
    // about who typed it); one by booking code also shows the meeting.
    c.meetingShown = r.has("booking");
    if (!c.meetingShown) return c;
    const Reader b(r.raw("booking"), "booking");
    c.bookingId = id(b, "id");
    c.reference = b.text("reference", 8);
    if (c.reference.size() != 8 || c.reference.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != std::string::npos) {
      b.failAt("reference", "not a booking code");
    }
    c.start = b.instant("start");
    c.end = b.instant("end");
    if (c.end.unixSeconds <= c.start.unixSeconds) b.failAt("end", "not after start");
    c.consultantFirstName = b.text("consultant_first_name", 100);
    c.contactForm = contactForm(b.text("contact_form", 20), b.field("contact_form"));
    c.place = place(b);
    c.firstName = r.optionalText("first_name", 100).value_or("");  // no longer sent by the reference server
    return c;
  });
}

Decoded<domain::JobcenterSettings> decodeKioskConfig(std::string_view body) {
  return guarded<domain::JobcenterSettings>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    domain::JobcenterSettings s;
    s.name = r.text("jobcenter_name", 200);
    r.array("languages", 20, [&](const json& v, const std::string& where) {
      if (!v.is_string() || !isLanguageTag(v.get<std::string>())) fail(where, "not a language tag");
      s.languages.push_back(v.get<std::string>());
    });
    if (s.languages.empty()) r.failAt("languages", "empty");
    r.array("opening_hours", 7 * 4, [&](const json& v, const std::string& where) {
      const Reader h(v, where);
      domain::OpeningSpan span;
      span.weekday = static_cast<int>(h.integer("weekday", 1, 7));
      const auto opens = domain::parseClockTime(h.text("opens", 5)), closes = domain::parseClockTime(h.text("closes", 5));
      if (!opens || !closes) fail(where, "not a time of day (HH:MM)");
      if (*closes <= *opens) fail(where, "closes before it opens");
      span.opens = *opens, span.closes = *closes;
      s.hours.spans.push_back(span);
    });
    r.array("closed_days", 366, [&](const json& v, const std::string& where) {
      int y = 0, m = 0, d = 0;
      char tail = 0;
      const std::string date = v.is_string() ? v.get<std::string>() : std::string();
      if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31) {
        fail(where, "not a date");
      }
      s.hours.closedDates.push_back(date);
    }, /*required=*/false);
    const Reader services(r.raw("services"), r.field("services"));
    for (const char* name : {"check_in", "book", "move_cancel", "activities", "joblog", "plan"}) {
      if (!services.boolean(name)) s.servicesOff.push_back(name);
    }
    s.supportPhone = r.text("support_phone", 30);
    if (r.has("message_of_the_day")) {
      const Reader m(r.raw("message_of_the_day"), r.field("message_of_the_day"));
      s.message = m.text("text", 300);
      s.messageLanguage = m.text("language", 35);
      if (!isLanguageTag(s.messageLanguage)) m.failAt("language", "not a language tag");
    }
    return s;
  });
}

Decoded<domain::HelpRequest> decodeHelpRequest(std::string_view body) {
  return guarded<domain::HelpRequest>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    domain::HelpRequest h;
    h.id = id(r, "id");
    static const std::pair<const char*, domain::HelpReason> reasons[] = {{"interpreter", domain::HelpReason::Interpreter},
                                                                         {"cannot_read", domain::HelpReason::CannotRead},
                                                                         {"physical_help", domain::HelpReason::PhysicalHelp},
                                                                         {"other", domain::HelpReason::Other},
                                                                         {"too_late_to_change", domain::HelpReason::TooLateToChange}};
    const std::string reason = r.text("reason", 20);
    bool known = false;
    for (const auto& [name, value] : reasons) {
      if (reason == name) h.reason = value, known = true;
    }
    if (!known) r.failAt("reason", "not a known reason");
    h.language = r.optionalText("language", 16);
    if (h.language && !isLanguageTag(*h.language)) r.failAt("language", "not a language tag");
    static const std::pair<const char*, domain::HelpStatus> statuses[] = {{"open", domain::HelpStatus::Open},
                                                                          {"taken", domain::HelpStatus::Taken},
                                                                          {"handled", domain::HelpStatus::Handled},
                                                                          {"citizen_left", domain::HelpStatus::CitizenLeft}};
    const std::string status = r.text("status", 20);
    known = false;
    for (const auto& [name, value] : statuses) {
      if (status == name) h.status = value, known = true;
    }
    if (!known) r.failAt("status", "not a known status");
    h.takenBy = r.optionalText("taken_by", 100);
    if (h.takenBy && h.takenBy->empty()) r.failAt("taken_by", "empty");
    if (h.status == domain::HelpStatus::Taken && !h.takenBy) r.failAt("taken_by", "a taken call names who took it");
    h.createdAt = r.instant("created_at");
    return h;
  });
}

Decoded<domain::StaffSession> decodeStaffSession(std::string_view body) {
  return guarded<domain::StaffSession>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    const domain::Token t = token(r);
    const Reader staff(r.raw("staff"), "staff");
    return domain::StaffSession{t.accessToken, staff.text("staff_number", 32), staff.text("name", 200), t.expiresIn};
  });
}

Decoded<domain::Token> decodeAssistedToken(std::string_view body) {
  return guarded<domain::Token>([&] {
    const json j = parse(body);
    const Reader r(j, "");
    const domain::Token t = token(r);
    // The summary's "assisted" flag follows from this scope; a plain citizen token here is wrong.
    if (r.text("scope", 64) != "citizen assisted") r.failAt("scope", "not citizen assisted");
    return t;
  });
}

}  // namespace kiosk::api
