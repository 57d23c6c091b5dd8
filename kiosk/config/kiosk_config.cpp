#include "kiosk/config/kiosk_config.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "kiosk/services/admin_pin.h"
#include "kiosk/services/receipt_printer.h"

namespace kiosk::config {
namespace {

using nlohmann::json;

// What a value is, as the found part of a problem says it (short: never a whole object).
std::string shown(const json& value) {
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    return s.size() > 60 ? json(s.substr(0, 57) + "...").dump() : value.dump();
  }
  if (value.is_object()) return "an object";
  if (value.is_array()) return "a list of " + std::to_string(value.size());
  return value.dump();
}

std::string typeName(const json& value) {
  if (value.is_string()) return "the text " + shown(value);
  if (value.is_boolean()) return "the truth value " + value.dump();
  if (value.is_number()) return "the number " + value.dump();
  if (value.is_null()) return "null";
  if (value.is_array()) return "a list";
  return "an object";
}

// Walks one object: each key it reads is noted, and what is left at the end is unknown.
class Checker {
 public:
  Checker(std::vector<ConfigProblem>& problems, std::filesystem::path baseDir) : problems_(problems), baseDir_(std::move(baseDir)) {}

  void problem(std::string pointer, std::string found, std::string allowed) {
    problems_.push_back({std::move(pointer), std::move(found), std::move(allowed)});
  }

  // The member, or nullptr (and a problem when it is required).
  const json* member(const json& object, const std::string& at, const std::string& key, bool required, const std::string& allowed) {
    const auto it = object.find(key);
    if (it == object.end()) {
      if (required) problem(at + "/" + key, "nothing (the key is missing)", allowed);
      return nullptr;
    }
    return &*it;
  }

  std::optional<std::string> text(const json* value, const std::string& at, const std::string& allowed) {
    if (!value) return std::nullopt;
    if (!value->is_string()) return problem(at, typeName(*value), allowed), std::nullopt;
    return value->get<std::string>();
  }

  std::optional<int64_t> wholeNumber(const json* value, const std::string& at, int64_t low, int64_t high, const std::string& allowed) {
    if (!value) return std::nullopt;
    if (!value->is_number_integer()) return problem(at, typeName(*value), allowed), std::nullopt;
    const auto n = value->get<int64_t>();
    if (n < low || n > high) return problem(at, std::to_string(n), allowed), std::nullopt;
    return n;
  }

  bool isObject(const json& value, const std::string& at, const std::string& allowed) {
    if (value.is_object()) return true;
    problem(at, typeName(value), allowed);
    return false;
  }

  void unknownKeys(const json& object, const std::string& at, const std::set<std::string>& known) {
    std::string names;
    for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
    for (const auto& [key, value] : object.items()) {
      if (!known.count(key)) problem(at + "/" + key, "an unknown key", "only " + names + " here (a typo is never ignored)");
    }
  }

  std::filesystem::path path(const std::string& text) const {
    const std::filesystem::path p(text);
    return p.is_absolute() ? p : baseDir_ / p;
  }

 private:
  std::vector<ConfigProblem>& problems_;
  std::filesystem::path baseDir_;
};

const std::regex kHttpsUrl(R"(https://[A-Za-z0-9.\-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~\-/]*)?)");
const std::regex kPin(R"(sha256//[A-Za-z0-9+/]{43}=)");
const std::regex kKioskId(R"([a-z0-9][a-z0-9\-]{0,62})");

std::optional<std::string> httpsUrl(Checker& c, const json* value, const std::string& at) {
  const std::string allowed = "an https:// address: host, optional port and path, no query (e.g. \"https://booking.jobcenter.example\")";
  auto url = c.text(value, at, allowed);
  if (!url) return std::nullopt;
  if (!std::regex_match(*url, kHttpsUrl)) return c.problem(at, json(*url).dump(), allowed), std::nullopt;
  while (url->back() == '/') url->pop_back();
  return url;
}

std::optional<std::filesystem::path> filePath(Checker& c, const json* value, const std::string& at, const std::string& what) {
  const std::string allowed = "the path of " + what + " (relative to the configuration file's folder, or absolute)";
  const auto text = c.text(value, at, allowed);
  if (!text) return std::nullopt;
  if (text->empty()) return c.problem(at, "an empty text", allowed), std::nullopt;
  return c.path(*text);
}

void checkBookingSystem(Checker& c, const json& object, KioskConfig& out) {
  const std::string at = "/bookingSystem";
  if (!c.isObject(object, at, "an object with baseUrl, caFile, pins and optionally clientCertificate and clientKey")) return;
  c.unknownKeys(object, at, {"baseUrl", "caFile", "pins", "clientCertificate", "clientKey"});
  if (auto url = httpsUrl(c, c.member(object, at, "baseUrl", true, "the booking system's https:// address"), at + "/baseUrl")) {
    out.bookingSystem.baseUrl = *url;
  }
  if (auto ca = filePath(c, c.member(object, at, "caFile", true, "the path of the CA bundle the server's certificate is checked against"),
                         at + "/caFile", "a PEM CA bundle")) {
    out.bookingSystem.caFile = *ca;
  }
  const std::string pinsAllowed = "a list of one or two different public-key pins, each \"sha256//\" and the base64 of the "
                                  "SHA-256 of the server key's SubjectPublicKeyInfo (44 characters)";
  if (const json* pins = c.member(object, at, "pins", true, pinsAllowed)) {
    if (!pins->is_array() || pins->empty() || pins->size() > 2) {
      c.problem(at + "/pins", pins->is_array() ? shown(*pins) : typeName(*pins), pinsAllowed);
    } else {
      for (size_t i = 0; i < pins->size(); ++i) {
        const std::string pinAt = at + "/pins/" + std::to_string(i);
        const auto pin = c.text(&(*pins)[i], pinAt, pinsAllowed);
        if (!pin) continue;
        if (!std::regex_match(*pin, kPin)) c.problem(pinAt, json(*pin).dump(), pinsAllowed);
        else if (std::find(out.bookingSystem.pins.begin(), out.bookingSystem.pins.end(), *pin) != out.bookingSystem.pins.end())
          c.problem(pinAt, "the same pin twice", "a second pin is the backup key's, different from the first");
        else out.bookingSystem.pins.push_back(*pin);
      }
    }
  }
  const json* cert = c.member(object, at, "clientCertificate", false, "");
  const json* key = c.member(object, at, "clientKey", false, "");
  if (auto p = filePath(c, cert, at + "/clientCertificate", "the kiosk's PEM client certificate")) out.bookingSystem.clientCertificate = *p;
  if (auto p = filePath(c, key, at + "/clientKey", "the kiosk's PEM private key")) out.bookingSystem.clientKey = *p;
  if ((cert == nullptr) != (key == nullptr)) {
    c.problem(at + (cert ? "/clientKey" : "/clientCertificate"), "nothing (the key is missing)",
              "clientCertificate and clientKey together, or neither");
  }
}

void checkIdle(Checker& c, const json& object, KioskConfig& out) {
  const std::string at = "/idle";
  if (!c.isObject(object, at, "an object with timeoutSeconds and warningSeconds")) return;
  c.unknownKeys(object, at, {"timeoutSeconds", "warningSeconds"});
  const auto timeout = c.wholeNumber(
      c.member(object, at, "timeoutSeconds", true, "a whole number of seconds"), at + "/timeoutSeconds", kMinIdleTimeout.count(),
      kMaxIdleTimeout.count(),
      "a whole number of seconds from " + std::to_string(kMinIdleTimeout.count()) + " to " + std::to_string(kMaxIdleTimeout.count()) +
          " (shorter rushes a slow reader; longer leaves a citizen's screen open for the next person)");
  const auto warning = c.wholeNumber(
      c.member(object, at, "warningSeconds", true, "a whole number of seconds"), at + "/warningSeconds", kMinIdleWarning.count(),
      kMaxIdleWarning.count(),
      "a whole number of seconds from " + std::to_string(kMinIdleWarning.count()) + " to " + std::to_string(kMaxIdleWarning.count()) +
          " (WCAG 2.2.1: at least 20 s to answer \"do you need more time?\")");
  if (timeout) out.idleTimeout = std::chrono::seconds(*timeout);
  if (warning) out.idleWarning = std::chrono::seconds(*warning);
  if (timeout && warning && *warning * 2 > *timeout) {
    c.problem(at + "/warningSeconds", std::to_string(*warning) + " with a timeout of " + std::to_string(*timeout),
              "at most half the timeout (the citizen first has time without being asked)");
  }
}

void checkUsageFigures(Checker& c, const json& object, KioskConfig& out) {
  const std::string at = "/usageFigures";
  if (!c.isObject(object, at, "an object with send and optionally baseUrl")) return;
  c.unknownKeys(object, at, {"send", "baseUrl"});
  if (const json* send = c.member(object, at, "send", true, "true or false: whether anonymous usage figures are sent")) {
    if (send->is_boolean()) out.usageFigures.send = send->get<bool>();
    else c.problem(at + "/send", typeName(*send), "true or false");
  }
  if (auto url = httpsUrl(c, c.member(object, at, "baseUrl", false, ""), at + "/baseUrl")) out.usageFigures.baseUrl = *url;
}

void checkTop(Checker& c, const json& doc, const std::vector<std::string>& languageCodes, KioskConfig& out) {
  c.unknownKeys(doc, "", {"kioskId", "placeName", "bookingSystem", "printer", "languages", "idle", "adminPinHash", "usageFigures", "metricsFile"});
  const std::string idAllowed = "1 to 63 small letters, digits and '-', starting with a letter or digit (the client certificate's "
                                "common name)";
  if (auto id = c.text(c.member(doc, "", "kioskId", true, idAllowed), "/kioskId", idAllowed)) {
    if (std::regex_match(*id, kKioskId)) out.kioskId = *id;
    else c.problem("/kioskId", json(*id).dump(), idAllowed);
  }
  const std::string placeAllowed = "1 to 60 characters staff will recognise, e.g. \"Indgang, stueetagen\"";
  if (auto place = c.text(c.member(doc, "", "placeName", true, placeAllowed), "/placeName", placeAllowed)) {
    const bool blank = place->find_first_not_of(" \t") == std::string::npos;
    const bool control = std::any_of(place->begin(), place->end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20; });
    if (blank || control || place->size() > 180 /* 60 characters of up to 3 bytes */) c.problem("/placeName", shown(*place), placeAllowed);
    else out.placeName = *place;
  }
  if (const json* booking = c.member(doc, "", "bookingSystem", true, "an object with baseUrl, caFile and pins")) {
    checkBookingSystem(c, *booking, out);
  }
  const std::string printerAllowed = "a device (/dev/usb/lp0), a CUPS queue (cups:QUEUE) or a file (file:/path); leave the key out "
                                     "for a kiosk without a printer";
  if (auto printer = c.text(c.member(doc, "", "printer", false, ""), "/printer", printerAllowed)) {
    const auto target = services::parsePrinterTarget(*printer);
    if (target.kind == services::PrinterTarget::Kind::Invalid) c.problem("/printer", json(*printer).dump() + " (" + target.whyInvalid + ")", printerAllowed);
    else out.printer = *printer;
  }
  std::string codes;
  for (const auto& code : languageCodes) codes += (codes.empty() ? "" : ", ") + code;
  const std::string languagesAllowed = "a list of language codes, each once, in the order the language screen shows them: " + codes;
  if (const json* languages = c.member(doc, "", "languages", true, languagesAllowed)) {
    if (!languages->is_array() || languages->empty()) {
      c.problem("/languages", languages->is_array() ? "an empty list" : typeName(*languages), languagesAllowed);
    } else {
      for (size_t i = 0; i < languages->size(); ++i) {
        const std::string codeAt = "/languages/" + std::to_string(i);
        const auto code = c.text(&(*languages)[i], codeAt, languagesAllowed);
        if (!code) continue;
        if (std::find(languageCodes.begin(), languageCodes.end(), *code) == languageCodes.end()) c.problem(codeAt, json(*code).dump(), languagesAllowed);
        else if (std::find(out.languages.begin(), out.languages.end(), *code) != out.languages.end()) c.problem(codeAt, json(*code).dump() + " a second time", languagesAllowed);
        else out.languages.push_back(*code);
      }
    }
  }
  if (const json* idle = c.member(doc, "", "idle", false, "")) checkIdle(c, *idle, out);
  const std::string hashAllowed = "an Argon2id hash as `kiosk --hash-admin-pin` prints it (\"$argon2id$v=19$m=...\"), never the PIN itself";
  if (auto hash = c.text(c.member(doc, "", "adminPinHash", true, hashAllowed), "/adminPinHash", hashAllowed)) {
    // Never echo it: a plain PIN typed here by mistake must not end up in the log.
    if (services::isAdminPinHash(*hash)) out.adminPinHash = *hash;
    else c.problem("/adminPinHash", "a text that is not an Argon2id hash (not shown)", hashAllowed);
  }
  if (const json* usage = c.member(doc, "", "usageFigures", true, "an object with send (true or false)")) checkUsageFigures(c, *usage, out);
  const std::string metricsAllowed = "an absolute path ending in .prom (node_exporter's textfile collector reads only those), or \"\" "
                                     "for none; left out: " + kDefaultMetricsFile.string();
  if (auto metrics = c.text(c.member(doc, "", "metricsFile", false, ""), "/metricsFile", metricsAllowed)) {
    const std::filesystem::path path(*metrics);
    if (metrics->empty() || (path.is_absolute() && path.extension() == ".prom" && path.filename() != ".prom")) out.metricsFile = path;
    else c.problem("/metricsFile", shown(*metrics), metricsAllowed);
  }
}

std::string systemError(int error) { return std::strerror(error); }

}  // namespace

std::string describe(const ConfigProblem& problem) {
  return (problem.pointer.empty() ? std::string("(the file)") : problem.pointer) + ": found " + problem.found + "; allowed: " + problem.allowed;
}

namespace {

// The text's problems; `config` gets every field that was good (the files it names are checked
// even when another field is wrong: every problem at once).
std::vector<ConfigProblem> checkText(const std::string& text, const std::vector<std::string>& languageCodes,
                                     const std::filesystem::path& baseDir, KioskConfig& config) {
  std::vector<ConfigProblem> problems;
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    problems.push_back({"", "text that is not JSON (at byte " + std::to_string(e.byte) + ")", "one JSON object"});
    return problems;
  }
  Checker c(problems, baseDir);
  if (c.isObject(doc, "", "one JSON object")) checkTop(c, doc, languageCodes, config);
  return problems;
}

}  // namespace

ConfigCheck checkConfigText(const std::string& text, const std::vector<std::string>& languageCodes, const std::filesystem::path& baseDir) {
  ConfigCheck check;
  KioskConfig config;
  check.problems = checkText(text, languageCodes, baseDir, config);
  if (check.problems.empty()) check.config = config;
  check.good = std::move(config);
  return check;
}

std::vector<ConfigProblem> checkConfigFiles(const KioskConfig& config) {
  std::vector<ConfigProblem> problems;
  auto readable = [&](const std::filesystem::path& file, const std::string& at) {
    if (file.empty()) return false;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      problems.push_back({at, "\"" + file.string() + "\", which cannot be read (" + systemError(errno) + ")", "a file the kiosk can read"});
      return false;
    }
    return true;
  };
  readable(config.bookingSystem.caFile, "/bookingSystem/caFile");
  readable(config.bookingSystem.clientCertificate, "/bookingSystem/clientCertificate");
  if (readable(config.bookingSystem.clientKey, "/bookingSystem/clientKey")) {
    struct stat st {};
    if (::stat(config.bookingSystem.clientKey.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
      std::ostringstream mode;
      mode << std::oct << (st.st_mode & 0777);
      problems.push_back({"/bookingSystem/clientKey",
                          "\"" + config.bookingSystem.clientKey.string() + "\" with mode 0" + mode.str() + ", readable by group or others",
                          "a key file only its owner can read (chmod 600): the key is the kiosk's identity"});
    }
  }
  return problems;
}

ConfigCheck loadConfigFile(const std::filesystem::path& file, const std::vector<std::string>& languageCodes) {
  ConfigCheck check;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    check.problems.push_back({"", "\"" + file.string() + "\", which cannot be read (" + systemError(errno) + ")",
                              "a readable JSON file (--config FILE, default " + kDefaultConfigFile.string() + ")"});
    return check;
  }
  std::ostringstream text;
  text << in.rdbuf();
  KioskConfig config;
  check.problems = checkText(text.str(), languageCodes, std::filesystem::absolute(file).parent_path(), config);
  for (auto& problem : checkConfigFiles(config)) check.problems.push_back(std::move(problem));
  if (check.problems.empty()) check.config = config;
  check.good = std::move(config);
  return check;
}

}  // namespace kiosk::config
