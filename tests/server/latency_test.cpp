// How fast the reference server answers on a connection kept alive, as the kiosk's client keeps
// it. An answer goes out in more than one TLS record; with Nagle's algorithm on, each record
// after the first waits for the client's acknowledgement of the one before, which clients delay
// (40 ms on Linux). The monkey found two thirds of its waits for the booking system at 40-50 ms
// on loopback; with TCP_NODELAY on the server's sockets they take a millisecond or two.

#include <catch2/catch.hpp>
#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "test_server.h"

TEST_CASE("answers on a kept-alive connection come without waiting for a delayed acknowledgement", "[no-proxy]") {
  jobcenter::ReferenceServer server(TestServer::testOptions());
  requireStarted(server);
  const std::string caPem = server.identity().caPem();
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  const std::string url = server.baseUrl() + "/demo/citizens";
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_blob ca{const_cast<char*>(caPem.data()), caPem.size(), CURL_BLOB_COPY};
  curl_easy_setopt(curl.get(), CURLOPT_CAINFO_BLOB, &ca);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 10000L);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, +[](char*, size_t size, size_t count, void*) { return size * count; });

  std::vector<double> seconds;
  for (int i = 0; i < 24; ++i) {
    REQUIRE(curl_easy_perform(curl.get()) == CURLE_OK);
    long status = 0, connects = 0;
    double total = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(curl.get(), CURLINFO_NUM_CONNECTS, &connects);
    curl_easy_getinfo(curl.get(), CURLINFO_TOTAL_TIME, &total);
    REQUIRE(status == 200);
    // Only answers on a connection kept alive: a new one (the first, and after every few
    // requests, when the server closes it) shakes hands first.
    if (connects == 0) seconds.push_back(total);
  }
  REQUIRE(seconds.size() >= 10);
  // The median, so that a busy machine's odd slow answer does not decide: a delayed
  // acknowledgement would put every answer at 40 ms or more.
  const auto middle = seconds.begin() + static_cast<long>(seconds.size() / 2);
  std::nth_element(seconds.begin(), middle, seconds.end());
  INFO("median " << *middle * 1000 << " ms of " << seconds.size() << " answers");
  CHECK(*middle < 0.025);
}
