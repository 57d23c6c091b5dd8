#pragma once
// The reference implementation of server/openapi.yaml: real HTTPS (cpp-httplib over OpenSSL),
// SQLite storage, seeded demo data. Runs standalone (jobcenter-sim) or in-process on a free
// loopback port (the kiosk demo and every integration test).

#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "api_support.h"
#include "database.h"
#include "tls_identity.h"

namespace httplib {
class SSLServer;
}

namespace jobcenter {

struct RouteContext;

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;                     // 0: any free port
  std::string databasePath = ":memory:";
  bool seedDemo = true;
  Policy policy;
  int threads = 16;                 // concurrent requests served
  // Kiosk identity by client certificate: when set, every connection must present a certificate
  // signed by this CA (PEM), and its common name must equal the request's X-Kiosk-Id.
  std::string kioskCaPem;
};

class ReferenceServer {
 public:
  explicit ReferenceServer(ServerOptions options);
  ~ReferenceServer();
  ReferenceServer(const ReferenceServer&) = delete;
  ReferenceServer& operator=(const ReferenceServer&) = delete;

  // Binds and serves on a background thread; throws std::runtime_error if it cannot bind.
  void start();
  void stop();

  int port() const { return port_; }
  std::string baseUrl() const;  // https://127.0.0.1:<port>
  const TlsIdentity& identity() const { return identity_; }
  Database& database() { return *db_; }
  // Back to a freshly seeded demo jobcenter with this policy, without restarting: for test runs
  // behind a proxy that must keep its connections to one server.
  void resetDemo(const Policy& policy);
  const Policy& policy() const { return options_.policy; }

 private:
  ServerOptions options_;
  TlsIdentity identity_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<RouteContext> routes_;  // what the route handlers share; outlives them
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace jobcenter
