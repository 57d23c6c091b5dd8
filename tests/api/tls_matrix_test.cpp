// What the kiosk refuses: every way a server's TLS can be wrong maps to a clear error, and none
// of them is retried (a certificate problem is an incident for staff, not a network hiccup).
#include <catch2/catch.hpp>

#include "client_harness.h"

using kiosk::api::ClientConfig;
using kiosk::api::HttpClient;
using kiosk::api::HttpRequest;
using kiosk::api::Transport;

namespace {

ClientConfig trusting(const std::string& url, const jobcenter::TlsIdentity& trusted) {
  ClientConfig config;
  config.baseUrl = url;
  config.kioskId = "tls-test";
  config.tls.caPem = trusted.caPem();
  return config;
}

HttpRequest ping() {
  HttpRequest r;
  r.path = "/ping";
  r.budget = std::chrono::milliseconds(8000);
  return r;
}

}  // namespace

TEST_CASE("a correct server with the right CA and pin answers") {
  const auto identity = jobcenter::makeLoopbackIdentity();
  TinyTlsServer server(identity);
  auto config = trusting(server.url(), identity);
  config.tls.pins = {"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", identity.publicKeyPin()};  // backup + current
  HttpClient client(config, {});
  const auto r = runToEnd(client, ping());
  CHECK(r.transport == Transport::Ok);
  CHECK(r.status == 200);
  CHECK(r.attempts == 1);
}

TEST_CASE("the server certificate's expiry is read from the handshake, for the admin screen and the heartbeat") {
  jobcenter::CertificateOptions options;
  options.validUntilSeconds = 45L * 86400 + 3600;
  const auto identity = jobcenter::makeLoopbackIdentity(options);
  TinyTlsServer server(identity);
  HttpClient client(trusting(server.url(), identity), {});
  CHECK_FALSE(client.serverCertificateExpires());  // no handshake yet
  REQUIRE(runToEnd(client, ping()).transport == Transport::Ok);
  REQUIRE(client.serverCertificateExpires());
  const auto left = std::chrono::floor<std::chrono::days>(*client.serverCertificateExpires() - std::chrono::system_clock::now());
  CHECK(left.count() == 45);
}

TEST_CASE("TLS failure matrix: each maps to the right error and is not retried") {
  const auto good = jobcenter::makeLoopbackIdentity();

  SECTION("expired certificate") {
    jobcenter::CertificateOptions options;
    options.validFromSeconds = -10 * 86400;
    options.validUntilSeconds = -86400;
    const auto expired = jobcenter::makeLoopbackIdentity(options);
    TinyTlsServer server(expired);
    HttpClient client(trusting(server.url(), expired), {});
    const auto r = runToEnd(client, ping());
    INFO(r.detail);
    CHECK(r.transport == Transport::CertificateRefused);
    CHECK(r.attempts == 1);
  }
  SECTION("wrong host name") {
    jobcenter::CertificateOptions options;
    options.hosts = {"booking.other-jobcenter.example"};
    const auto elsewhere = jobcenter::makeLoopbackIdentity(options);
    TinyTlsServer server(elsewhere);
    HttpClient client(trusting(server.url(), elsewhere), {});
    const auto r = runToEnd(client, ping());
    INFO(r.detail);
    CHECK(r.transport == Transport::CertificateRefused);
    CHECK(r.attempts == 1);
  }
  SECTION("unknown CA") {
    TinyTlsServer server(good);
    const auto stranger = jobcenter::makeLoopbackIdentity();
    HttpClient client(trusting(server.url(), stranger), {});
    const auto r = runToEnd(client, ping());
    INFO(r.detail);
    CHECK(r.transport == Transport::CertificateRefused);
    CHECK(r.attempts == 1);
  }
  SECTION("wrong pin") {
    TinyTlsServer server(good);
    auto config = trusting(server.url(), good);
    config.tls.pins = {jobcenter::makeLoopbackIdentity().publicKeyPin()};
    HttpClient client(config, {});
    const auto r = runToEnd(client, ping());
    INFO(r.detail);
    CHECK(r.transport == Transport::CertificateRefused);
    CHECK(r.attempts == 1);
  }
  SECTION("a server offering only TLS 1.0") {
    TinyTlsServer server(good, [](SSL_CTX* ctx) {
      SSL_CTX_set_security_level(ctx, 0);
      SSL_CTX_set_cipher_list(ctx, "DEFAULT:@SECLEVEL=0");
      SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
      SSL_CTX_set_max_proto_version(ctx, TLS1_VERSION);
    });
    HttpClient client(trusting(server.url(), good), {});
    const auto r = runToEnd(client, ping());
    CHECK(r.transport == Transport::TlsFailed);
    CHECK(r.attempts == 1);
  }
  SECTION("the kiosk's client certificate is rejected") {
    const auto kioskCa = jobcenter::makeLoopbackIdentity();
    TinyTlsServer server(good, [&](SSL_CTX* ctx) {
      X509_STORE* store = X509_STORE_new();
      X509_STORE_add_cert(store, kioskCa.caCertificate.get());
      SSL_CTX_set_cert_store(ctx, store);
      SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    });
    auto config = trusting(server.url(), good);
    const auto foreign = jobcenter::makeLoopbackIdentity().issueClientCertificate("tls-test");  // signed by a CA the server does not know
    config.tls.clientCertificatePem = foreign.certificatePem;
    config.tls.clientKeyPem = foreign.privateKeyPem;
    HttpClient client(config, {});
    const auto r = runToEnd(client, ping());
    INFO(r.detail);
    CHECK(r.transport == Transport::TlsFailed);
    CHECK(r.attempts == 1);
  }
}

TEST_CASE("plain http is refused, except to loopback with the development flag") {
  ClientConfig config;
  config.baseUrl = "http://booking.jobcenter.example";
  config.tls.allowPlainHttpToLoopback = true;
  HttpClient refused(config, {});
  CHECK(runToEnd(refused, ping()).transport == Transport::Refused);
  config.baseUrl = "http://127.0.0.1:9";
  config.tls.allowPlainHttpToLoopback = false;
  HttpClient noFlag(config, {});
  CHECK(runToEnd(noFlag, ping()).transport == Transport::Refused);
}
