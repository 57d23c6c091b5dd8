#pragma once
// Helpers for testing the kiosk's HTTPS client: run one request to completion the way the UI
// thread would (drain until the callback ran), and small TLS servers configured to be wrong.

#include <httplib.h>
#include <openssl/ssl.h>

#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "kiosk/api/http_client.h"
#include "tls_identity.h"

inline kiosk::api::HttpResult runToEnd(kiosk::api::HttpClient& client, kiosk::api::HttpRequest request,
                                       std::chrono::seconds limit = std::chrono::seconds(30)) {
  std::optional<kiosk::api::HttpResult> result;
  client.submit(1, std::move(request), [&](const kiosk::api::HttpResult& r) { result = r; });
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!result && std::chrono::steady_clock::now() < until) {
    client.drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (!result) throw std::runtime_error("the client never answered");
  return *result;
}

// An HTTPS server answering GET /ping, with its SSL context adjusted by tweak.
class TinyTlsServer {
 public:
  TinyTlsServer(const jobcenter::TlsIdentity& identity, std::function<void(SSL_CTX*)> tweak = {}) {
    server_ = std::make_unique<httplib::SSLServer>([&identity, tweak](SSL_CTX& ctx) {
      SSL_CTX_use_certificate(&ctx, identity.certificate.get());
      SSL_CTX_use_PrivateKey(&ctx, identity.privateKey.get());
      if (tweak) tweak(&ctx);
      return true;
    });
    server_->Get("/ping", [](const httplib::Request&, httplib::Response& res) { res.set_content("{\"ok\":true}", "application/json"); });
    port_ = server_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~TinyTlsServer() {
    server_->stop();
    thread_.join();
  }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }

 private:
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
  int port_ = 0;
};
