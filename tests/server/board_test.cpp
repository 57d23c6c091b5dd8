// The reception board (issue 15): staff log in with their staff number and PIN, see help calls
// and arrivals, take and close calls, receive arrivals; the kiosk sees who is coming; the live
// stream sends the board again when something changes.

#include <curl/curl.h>

#include <atomic>
#include <thread>

#include "board_snapshot.h"
#include "test_server.h"

namespace {

using nlohmann::json;

std::string freshKey() {
  static std::atomic<int> next{0};
  return "help-" + std::to_string(++next);
}

// A browser's board session: the cookie from /api/v1/board/login, sent without X-Kiosk-Id.
struct Board {
  ApiClient& client;
  std::string cookie;

  ApiResponse send(const std::string& method, const std::string& path, const std::string& body = "") {
    client.extraHeaders = {"Cookie: " + cookie};
    auto r = client.send(method, path, body, body.empty() ? "" : "application/json", "", "", /*withKioskId=*/false);
    client.extraHeaders.clear();
    return r;
  }
  json board() { return send("GET", "/api/v1/board").json(); }
};

ApiResponse boardLogin(ApiClient& client, const std::string& number, const std::string& pin) {
  return client.send("POST", "/api/v1/board/login", json{{"staff_number", number}, {"pin", pin}}.dump(), "application/json", "", "", false);
}

Board loggedIn(TestServer& t, const std::string& number = "S1001", const std::string& pin = "1357") {
  const auto login = boardLogin(*t.client, number, pin);
  REQUIRE(login.status == 200);
  const std::string setCookie = login.headers.at("set-cookie");
  return Board{*t.client, setCookie.substr(0, setCookie.find(';'))};
}

json callStaff(ApiClient& kiosk, const json& body) {
  const auto r = kiosk.post("/api/v1/help-requests", body, "", freshKey());
  REQUIRE(r.status == 201);
  return r.json();
}

}  // namespace

TEST_CASE("staff log in to the reception board with their staff number and PIN, as a cookie the page cannot read") {
  TestServer t;
  const auto login = boardLogin(*t.client, "S1001", "1357");
  REQUIRE(login.status == 200);
  CHECK(login.json()["first_name"] == "Birgitte");
  CHECK(login.json()["role"] == "staff");
  const std::string cookie = login.headers.at("set-cookie");
  CHECK(cookie.rfind("__Host-staff-board=", 0) == 0);
  for (const char* attribute : {"; Secure", "; HttpOnly", "; SameSite=Strict", "; Path=/"}) CHECK(cookie.find(attribute) != std::string::npos);
  CHECK(boardLogin(*t.client, "S1001", "9999").problemCode() == "unauthorized");
  Board board{*t.client, "__Host-staff-board=not-a-session"};
  CHECK(board.send("GET", "/api/v1/board").problemCode() == "session-expired");
}

TEST_CASE("the board's lock-out is co-service's: five wrong PINs and the staff number waits five minutes") {
  TestServer t;
  for (int i = 0; i < 5; ++i) CHECK(boardLogin(*t.client, "S1002", "0000").status == 401);
  const auto locked = boardLogin(*t.client, "S1002", "2468");
  CHECK(locked.status == 429);
  CHECK(locked.problemCode() == "too-many-attempts");
  // The kiosk's co-service login counts in the same "all places" bucket, but its own place is not locked.
  CHECK(t.client->post("/api/v1/auth/staff", {{"staff_number", "S1002"}, {"pin", "2468"}}).status == 200);
}

TEST_CASE("a help call reaches the board with its place, reason, language and errand, and the kiosk learns who took it") {
  TestServer t;
  Board birgitte = loggedIn(t);
  ApiClient kiosk(t.client->base(), t.server->identity().caPem(), "demo-kiosk");
  const json made = callStaff(kiosk, {{"reason", "too_late_to_change"}, {"language", "ar"},
                                      {"errand", {{"flow", "cancel"}, {"meeting_date", "2026-12-07"}}}, {"staff_present", false}});
  const json board = birgitte.board();
  REQUIRE(board["help_calls"].size() == 1);
  const json call = board["help_calls"][0];
  CHECK(call["id"] == made["id"]);
  CHECK(call["place"] == "Stueetagen, ved indgangen");
  CHECK(call["reason"] == "too_late_to_change");
  CHECK(call["language"] == "ar");
  CHECK(call["errand"] == json{{"flow", "cancel"}, {"meeting_date", "2026-12-07"}});
  CHECK(call["staff_present"] == false);
  CHECK(call["status"] == "open");

  const std::string id = made["id"];
  CHECK(kiosk.get("/api/v1/help-requests/" + id).json()["status"] == "open");
  const auto taken = birgitte.send("POST", "/api/v1/board/help-calls/" + id + "/take");
  REQUIRE(taken.status == 200);
  CHECK(taken.json()["taken_by"] == "Birgitte");
  const json seen = kiosk.get("/api/v1/help-requests/" + id).json();
  CHECK(seen["status"] == "taken");
  CHECK(seen["taken_by"] == "Birgitte");
  // Another kiosk cannot follow this kiosk's call.
  CHECK(t.client->get("/api/v1/help-requests/" + id).problemCode() == "not-found");

  Board jonas = loggedIn(t, "S1002", "2468");
  const auto second = jonas.send("POST", "/api/v1/board/help-calls/" + id + "/take");
  CHECK(second.problemCode() == "help-call-taken");
  CHECK(second.json()["detail"] == "Birgitte took it");

  const auto closed = birgitte.send("POST", "/api/v1/board/help-calls/" + id + "/close", R"({"outcome":"handled"})");
  CHECK(closed.json()["status"] == "handled");
  CHECK(birgitte.board()["help_calls"].empty());
  CHECK(kiosk.get("/api/v1/help-requests/" + id).json()["status"] == "handled");
  CHECK(birgitte.send("POST", "/api/v1/board/help-calls/" + id + "/close", R"({"outcome":"citizen_left"})").problemCode() == "help-call-closed");
  CHECK(birgitte.send("POST", "/api/v1/board/help-calls/" + id + "/take").problemCode() == "help-call-closed");
}

TEST_CASE("a call made during co-service says staff were already there, and a call can be closed untaken when the citizen left") {
  TestServer t;
  Board board = loggedIn(t);
  const json made = callStaff(*t.client, {{"reason", "physical_help"}, {"staff_present", true}});
  CHECK(board.board()["help_calls"][0]["staff_present"] == true);
  CHECK(!board.board()["help_calls"][0].contains("place"));  // this kiosk has no place named
  const std::string id = made["id"];
  CHECK(board.send("POST", "/api/v1/board/help-calls/" + id + "/close", R"({"outcome":"citizen_left"})").json()["status"] == "citizen_left");
  CHECK(board.send("POST", "/api/v1/board/help-calls/" + id + "/close", R"({"outcome":"gone"})").problemCode() == "invalid-request");
  CHECK(t.client->post("/api/v1/help-requests", {{"reason", "other"}, {"errand", {{"flow", "cancel"}, {"who", "x"}}}}, "", freshKey())
            .problemCode() == "invalid-request");
}

TEST_CASE("a check-in appears on the board as first name and initial, with meeting, consultant and timing, until received") {
  TestServer t;
  Board board = loggedIn(t);
  REQUIRE(t.client->post("/api/v1/check-ins", {{"booking_code", "DEMO0TDY"}}).status == 201);
  const json arrivals = board.board()["arrivals"];
  REQUIRE(arrivals.size() == 1);
  const json a = arrivals[0];
  CHECK(a["first_name"] == "Olena");
  CHECK(a["last_initial"].get<std::string>().size() >= 1);
  CHECK(!a.contains("last_name"));
  CHECK(a["consultant_first_name"].is_string());
  CHECK((a["timing"] == "early" || a["timing"] == "on_time" || a["timing"] == "late"));
  const auto received = board.send("POST", "/api/v1/board/arrivals/" + a["booking_id"].get<std::string>() + "/received");
  CHECK(received.status == 200);
  CHECK(received.json().contains("received_at"));
  CHECK(board.board()["arrivals"].empty());
  CHECK(board.send("POST", "/api/v1/board/arrivals/b-nope/received").problemCode() == "not-found");
}

TEST_CASE("a page on another site cannot make a staff member's browser take a call") {
  TestServer t;
  Board board = loggedIn(t);
  const json made = callStaff(*t.client, {{"reason", "other"}});
  board.client.extraHeaders = {"Cookie: " + board.cookie, "Origin: https://evil.example", "Sec-Fetch-Site: cross-site"};
  const auto r = board.client.send("POST", "/api/v1/board/help-calls/" + made["id"].get<std::string>() + "/take", "", "", "", "", false);
  board.client.extraHeaders.clear();
  CHECK(r.problemCode() == "forbidden");
  CHECK(board.board()["help_calls"][0]["status"] == "open");
}

TEST_CASE("arrival timing counts early from 30 minutes before the meeting and late from 10 minutes after") {
  CHECK(std::string(jobcenter::arrivalTiming(1000, 1000 + 31 * 60)) == "early");
  CHECK(std::string(jobcenter::arrivalTiming(1000, 1000 + 30 * 60)) == "on_time");
  CHECK(std::string(jobcenter::arrivalTiming(1000 + 10 * 60, 1000)) == "on_time");
  CHECK(std::string(jobcenter::arrivalTiming(1000 + 11 * 60, 1000)) == "late");
}

// Straight to the server, never through the validating proxy: a stream does not end.
TEST_CASE("the board's live stream sends the board at once and again when a help call is made, without polling") {
  TestServer t;
  Board board = loggedIn(t);
  ApiClient direct(t.server->baseUrl(), t.server->identity().caPem());
  std::string received;
  std::atomic<int> boards{0};
  std::atomic<bool> stop{false};
  std::thread reader([&] {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    const std::string url = t.server->baseUrl() + "/api/v1/board/stream";
    const std::string pem = t.server->identity().caPem();
    curl_blob ca{const_cast<char*>(pem.data()), pem.size(), CURL_BLOB_COPY};
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_CAINFO_BLOB, &ca);
    curl_easy_setopt(curl.get(), CURLOPT_COOKIE, board.cookie.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 10000L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    using Sink = std::pair<std::string*, std::atomic<int>*>;
    Sink sink{&received, &boards};
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, +[](char* data, size_t, size_t n, void* user) -> size_t {
      auto* s = static_cast<Sink*>(user);
      s->first->append(data, n);
      size_t count = 0;
      for (size_t at = s->first->find("event: board"); at != std::string::npos; at = s->first->find("event: board", at + 1)) ++count;
      s->second->store(static_cast<int>(count));
      return count >= 2 ? 0 : n;  // the second board is what this test waits for: then hang up
    });
    curl_easy_perform(curl.get());
    stop = true;
  });
  for (int i = 0; i < 500 && boards < 1 && !stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  REQUIRE(boards == 1);
  CHECK(received.rfind("retry: 3000\n\n", 0) == 0);
  const auto before = std::chrono::steady_clock::now();
  callStaff(direct, {{"reason", "interpreter"}, {"language", "so"}});
  reader.join();
  const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - before);
  REQUIRE(boards == 2);
  CHECK(waited.count() < 2000);  // pushed at once, not at the next 15-second keep-alive
  const std::string last = received.substr(received.rfind("data: ") + 6);
  const json snapshot = json::parse(last.substr(0, last.find('\n')));
  REQUIRE(snapshot["help_calls"].size() == 1);
  CHECK(snapshot["help_calls"][0]["language"] == "so");
}
