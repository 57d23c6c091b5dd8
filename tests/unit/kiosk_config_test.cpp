// The kiosk's configuration file (kiosk/config): a good file loads; every kind of mistake is
// reported with its JSON pointer, what was found and what is allowed — all of them at once.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "kiosk/config/kiosk_config.h"

using kiosk::config::ConfigCheck;
using kiosk::config::ConfigProblem;
using nlohmann::json;

namespace {

const std::vector<std::string> kCodes = {"da", "en", "ar", "fa", "uk", "so", "tr", "pl", "ti", "ro"};
const std::string kPinA = "sha256//" + std::string(43, 'A') + "=";
const std::string kPinB = "sha256//" + std::string(43, 'B') + "=";

json goodConfig() {
  json doc = json::parse(R"({
    "kioskId": "havnestad-indgang-1",
    "placeName": "Indgang, stueetagen",
    "bookingSystem": { "baseUrl": "https://booking.havnestad.example/", "caFile": "ca.pem", "pins": [],
                       "clientCertificate": "kiosk.pem", "clientKey": "/etc/jobcenter-kiosk/kiosk.key" },
    "printer": "cups:Kiosk_1",
    "languages": ["da", "en", "ar", "uk"],
    "idle": { "timeoutSeconds": 120, "warningSeconds": 30 },
    "adminPinHash": "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNo",
    "usageFigures": { "send": true }
  })");
  doc["bookingSystem"]["pins"] = {kPinA, kPinB};
  return doc;
}

ConfigCheck check(const json& doc) { return kiosk::config::checkConfigText(doc.dump(), kCodes, "/etc/jobcenter-kiosk"); }

// The one problem a document has (fails when there is none or more than one).
ConfigProblem onlyProblem(const json& doc) {
  const auto result = check(doc);
  for (const auto& p : result.problems) UNSCOPED_INFO(kiosk::config::describe(p));
  REQUIRE(result.problems.size() == 1);
  CHECK_FALSE(result.ok());
  return result.problems.front();
}

json with(const std::string& pointer, const json& value) {
  json doc = goodConfig();
  doc[json::json_pointer(pointer)] = value;
  return doc;
}

json without(const std::string& pointer) {
  json doc = goodConfig();
  const json::json_pointer p(pointer);
  doc[p.parent_pointer()].erase(p.back());
  return doc;
}

struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("kiosk-config-" + std::to_string(std::random_device{}()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::filesystem::path write(const std::string& name, const std::string& text, mode_t mode = 0600) const {
    const auto file = path / name;
    std::ofstream(file) << text;
    ::chmod(file.c_str(), mode);
    return file;
  }
};

}  // namespace

TEST_CASE("a complete configuration loads with every field as written") {
  const auto result = check(goodConfig());
  for (const auto& p : result.problems) UNSCOPED_INFO(kiosk::config::describe(p));
  REQUIRE(result.ok());
  const auto& c = *result.config;
  CHECK(c.kioskId == "havnestad-indgang-1");
  CHECK(c.placeName == "Indgang, stueetagen");
  CHECK(c.bookingSystem.baseUrl == "https://booking.havnestad.example");  // the trailing slash goes
  CHECK(c.bookingSystem.caFile == "/etc/jobcenter-kiosk/ca.pem");          // relative to the file's folder
  CHECK(c.bookingSystem.clientKey == "/etc/jobcenter-kiosk/kiosk.key");
  CHECK(c.bookingSystem.pins == std::vector<std::string>{kPinA, kPinB});
  CHECK(c.printer == "cups:Kiosk_1");
  CHECK(c.languages == std::vector<std::string>{"da", "en", "ar", "uk"});
  CHECK(c.idleTimeout == std::chrono::seconds(120));
  CHECK(c.idleWarning == std::chrono::seconds(30));
  CHECK(c.usageFigures.send);
  CHECK(c.usageFigures.baseUrl.empty());
}

TEST_CASE("the optional fields may be left out: no printer, no client certificate, the default idle times") {
  json doc = without("/printer");
  doc.erase("idle");
  doc["bookingSystem"].erase("clientCertificate");
  doc["bookingSystem"].erase("clientKey");
  const auto result = check(doc);
  REQUIRE(result.ok());
  CHECK(result.config->printer.empty());
  CHECK(result.config->bookingSystem.clientKey.empty());
  CHECK(result.config->idleTimeout == std::chrono::seconds(120));
  CHECK(result.config->metricsFile == "/run/jobcenter-kiosk/kiosk.prom");
}

TEST_CASE("the metrics file is an absolute .prom path, or none") {
  json doc = goodConfig();
  doc["metricsFile"] = "/var/lib/prometheus/node-exporter/kiosk.prom";
  REQUIRE(check(doc).ok());
  CHECK(check(doc).config->metricsFile == "/var/lib/prometheus/node-exporter/kiosk.prom");
  doc["metricsFile"] = "";
  REQUIRE(check(doc).ok());
  CHECK(check(doc).config->metricsFile.empty());
  for (const char* wrong : {"kiosk.prom", "/run/jobcenter-kiosk/kiosk.txt", "/run/jobcenter-kiosk/.prom"}) {
    doc["metricsFile"] = wrong;
    const auto result = check(doc);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].pointer == "/metricsFile");
  }
}

TEST_CASE("a missing field is named by its pointer") {
  const auto p = onlyProblem(without("/bookingSystem/baseUrl"));
  CHECK(p.pointer == "/bookingSystem/baseUrl");
  CHECK(p.found == "nothing (the key is missing)");
  CHECK_THAT(p.allowed, Catch::Contains("https://"));
  CHECK(onlyProblem(without("/adminPinHash")).pointer == "/adminPinHash");
  CHECK(onlyProblem(without("/usageFigures/send")).pointer == "/usageFigures/send");
  // A client certificate needs its key.
  const auto key = onlyProblem(without("/bookingSystem/clientKey"));
  CHECK(key.pointer == "/bookingSystem/clientKey");
  CHECK(key.allowed == "clientCertificate and clientKey together, or neither");
}

TEST_CASE("a value of the wrong type says what it was and what is allowed") {
  auto p = onlyProblem(with("/idle/timeoutSeconds", "120"));
  CHECK(p.pointer == "/idle/timeoutSeconds");
  CHECK(p.found == "the text \"120\"");
  CHECK_THAT(p.allowed, Catch::StartsWith("a whole number of seconds from 60 to 900"));
  p = onlyProblem(with("/usageFigures/send", "yes"));
  CHECK(p.found == "the text \"yes\"");
  CHECK(p.allowed == "true or false");
  p = onlyProblem(with("/languages", "da"));
  CHECK(p.pointer == "/languages");
  CHECK(p.found == "the text \"da\"");
  p = onlyProblem(with("/bookingSystem", json::array()));
  CHECK(p.found == "a list");
  CHECK(onlyProblem(json::array()).found == "a list");
}

TEST_CASE("values out of range: idle times within WCAG 2.2.1, pins, languages, addresses, the printer") {
  auto p = onlyProblem(with("/idle/warningSeconds", 10));
  CHECK(p.pointer == "/idle/warningSeconds");
  CHECK(p.found == "10");
  CHECK_THAT(p.allowed, Catch::Contains("from 20 to 120") && Catch::Contains("WCAG 2.2.1"));
  CHECK(onlyProblem(with("/idle/timeoutSeconds", 1800)).found == "1800");
  p = onlyProblem(with("/idle", {{"timeoutSeconds", 60}, {"warningSeconds", 40}}));
  CHECK(p.found == "40 with a timeout of 60");
  CHECK_THAT(p.allowed, Catch::Contains("half the timeout"));

  p = onlyProblem(with("/bookingSystem/pins/1", "sha256//short="));
  CHECK(p.pointer == "/bookingSystem/pins/1");
  CHECK(p.found == "\"sha256//short=\"");
  CHECK(onlyProblem(with("/bookingSystem/pins", json::array())).found == "a list of 0");
  CHECK(onlyProblem(with("/bookingSystem/pins", {kPinA, kPinB, kPinA})).found == "a list of 3");
  CHECK(onlyProblem(with("/bookingSystem/pins", {kPinA, kPinA})).found == "the same pin twice");

  p = onlyProblem(with("/languages/2", "de"));
  CHECK(p.pointer == "/languages/2");
  CHECK(p.found == "\"de\"");
  CHECK_THAT(p.allowed, Catch::Contains("da, en, ar, fa, uk, so, tr, pl, ti, ro"));
  CHECK(onlyProblem(with("/languages/1", "da")).found == "\"da\" a second time");
  CHECK(onlyProblem(with("/languages", json::array())).found == "an empty list");

  p = onlyProblem(with("/bookingSystem/baseUrl", "http://booking.havnestad.example"));
  CHECK(p.found == "\"http://booking.havnestad.example\"");
  CHECK(onlyProblem(with("/usageFigures/baseUrl", "https://x.example/?a=b")).pointer == "/usageFigures/baseUrl");
  CHECK(onlyProblem(with("/kioskId", "Kiosk 1")).pointer == "/kioskId");
  CHECK(onlyProblem(with("/placeName", "  ")).pointer == "/placeName");
  p = onlyProblem(with("/printer", "lpt1"));
  CHECK(p.pointer == "/printer");
  CHECK_THAT(p.found, Catch::StartsWith("\"lpt1\" ("));
}

TEST_CASE("the admin PIN must be stored as an Argon2id hash, and a plain PIN is never echoed") {
  const auto p = onlyProblem(with("/adminPinHash", "482916"));
  CHECK(p.pointer == "/adminPinHash");
  CHECK(p.found == "a text that is not an Argon2id hash (not shown)");
  CHECK_THAT(kiosk::config::describe(p), !Catch::Contains("482916"));
}

TEST_CASE("unknown keys are errors at every level: a typo is never silently ignored") {
  json doc = goodConfig();
  doc["idle"]["warnigSeconds"] = 30;
  doc["kioskID"] = "x";
  const auto result = check(doc);
  REQUIRE(result.problems.size() == 2);
  CHECK(result.problems[0].pointer == "/kioskID");
  CHECK(result.problems[0].found == "an unknown key");
  CHECK_THAT(result.problems[0].allowed, Catch::Contains("kioskId"));
  CHECK(result.problems[1].pointer == "/idle/warnigSeconds");
  CHECK_THAT(result.problems[1].allowed, Catch::Contains("warningSeconds"));
}

TEST_CASE("every problem is reported at once, in one line each") {
  json doc = goodConfig();
  doc.erase("kioskId");
  doc["idle"]["warningSeconds"] = 5;
  doc["languages"] = {"xx"};
  doc["bookingSystem"]["pins"] = "none";
  const auto result = check(doc);
  CHECK(result.problems.size() == 4);
  CHECK(kiosk::config::describe(result.problems.front()) ==
        "/kioskId: found nothing (the key is missing); allowed: 1 to 63 small letters, digits and '-', starting with a letter or "
        "digit (the client certificate's common name)");
  const auto notJson = kiosk::config::checkConfigText("{not json", kCodes, "/etc");
  REQUIRE(notJson.problems.size() == 1);
  CHECK(notJson.problems[0].found == "text that is not JSON (at byte 3)");
  CHECK(notJson.problems[0].pointer.empty());
}

TEST_CASE("the files it names: unreadable, and a key file that others can read") {
  TempDir dir;
  json doc = goodConfig();
  doc["bookingSystem"]["caFile"] = "ca.pem";
  doc["bookingSystem"]["clientCertificate"] = "kiosk.pem";
  doc["bookingSystem"]["clientKey"] = "kiosk.key";
  dir.write("ca.pem", "-----BEGIN CERTIFICATE-----\n", 0644);
  dir.write("kiosk.pem", "-----BEGIN CERTIFICATE-----\n", 0644);
  dir.write("kiosk.key", "-----BEGIN PRIVATE KEY-----\n", 0640);
  const auto file = dir.write("kiosk.json", doc.dump(), 0644);

  auto result = kiosk::config::loadConfigFile(file, kCodes);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].pointer == "/bookingSystem/clientKey");
  CHECK_THAT(result.problems[0].found, Catch::EndsWith("kiosk.key\" with mode 0640, readable by group or others"));
  CHECK_THAT(result.problems[0].allowed, Catch::Contains("chmod 600"));

  ::chmod((dir.path / "kiosk.key").c_str(), 0600);
  result = kiosk::config::loadConfigFile(file, kCodes);
  CHECK(result.ok());
  CHECK(result.config->bookingSystem.caFile == dir.path / "ca.pem");

  std::filesystem::remove(dir.path / "ca.pem");
  result = kiosk::config::loadConfigFile(file, kCodes);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].pointer == "/bookingSystem/caFile");
  CHECK_THAT(result.problems[0].found, Catch::EndsWith("ca.pem\", which cannot be read (No such file or directory)"));

  result = kiosk::config::loadConfigFile(dir.path / "missing.json", kCodes);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].pointer.empty());
  CHECK_THAT(result.problems[0].found, Catch::EndsWith("missing.json\", which cannot be read (No such file or directory)"));
  if (::geteuid() != 0) {  // root reads any file
    ::chmod(file.c_str(), 0);
    result = kiosk::config::loadConfigFile(file, kCodes);
    REQUIRE(result.problems.size() == 1);
    CHECK_THAT(result.problems[0].found, Catch::Contains("Permission denied"));
  }
}

TEST_CASE("the example configuration in the repository shows every field and passes the check of its text") {
  const auto file = std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/config/kiosk.example.json";
  std::ifstream in(file);
  REQUIRE(in);
  const json doc = json::parse(in);
  // Every field there is, optional ones too: IT copies this file.
  CHECK(doc.size() == 9);
  CHECK(doc["bookingSystem"].size() == 5);
  CHECK(doc["idle"].size() == 2);
  const auto result = kiosk::config::checkConfigText(doc.dump(), kCodes, file.parent_path());
  for (const auto& p : result.problems) UNSCOPED_INFO(kiosk::config::describe(p));
  CHECK(result.ok());
}
