#pragma once
// The reference implementation of server/openapi.yaml: real HTTPS (cpp-httplib over OpenSSL),
// SQLite storage, seeded demo data. Runs standalone (jobcenter-sim) or in-process on a free
// loopback port (the kiosk demo and every integration test).

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "api_support.h"
#include "board_feed.h"
#include "connection_guard.h"
#include "request_budget.h"
#include "server_result.h"
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
  int threads = 32;                 // concurrent requests served (jobcenter-sim: 64)
  // Kiosk identity by client certificate: when set, every connection must present a certificate
  // signed by this CA (PEM), and its common name must equal the request's X-Kiosk-Id.
  std::string kioskCaPem;
  // The server's certificate and key: a new loopback identity when not given (jobcenter-sim
  // passes the one it wrote before, so that a restart keeps the key the kiosks pin).
  std::optional<TlsIdentity> identity;
  // The phone page (/device) offers the demo citizens to pick from, and says it is a demo, and
  // GET /demo/citizens lists them for the demo kiosk. Off: the page only explains that the
  // jobcenter's own MitID page does this step, and /demo/citizens is not there (404).
  bool demoPhonePage = true;
  // Kept outside the database: mixed into every staff PIN hash, so a copied database alone does
  // not give 4-digit PINs away. Empty: a random one for this run (fine for :memory: and demos).
  std::string pinPepper;

  // [Limits] against guessing and flooding; counted per minute unless said otherwise.
  int checkInsPerKioskPerMinute = 10;
  int checkInsPerMinute = 60;             // all kiosks together
  int helpRequestsPerKioskPerMinute = 5;
  int deviceGrantsPerKioskPerMinute = 20;
  int deviceWrongCodesPerAddressPerMinute = 10;
  int deviceWrongCodesPerMinute = 120;    // all phones together
  int staffWrongPinsPerKiosk = 5;         // per staff number and kiosk, in 5 minutes
  int staffWrongPinsInAll = 20;           // per staff number, all kiosks, in 5 minutes

  int requestsPerKioskPerMinute = 600;    // every request, per kiosk (or per address without one)
  // Every request per client address, so that rotating X-Kiosk-Id does not escape the budget;
  // 0: no limit (in process: one address for everything); jobcenter-sim: 6000.
  int requestsPerAddressPerMinute = 0;

  // [Connections] slow and idle clients.
  int handshakeTimeoutMs = 3000;   // the TLS handshake, and every read after it
  int headerTimeoutMs = 5000;      // a request line and its headers must arrive within this
  // Open connections per client address; 0: no limit. Off in process (the demo and the tests: one
  // kiosk on loopback, whose libcurl keeps a connection per parallel request); jobcenter-sim sets
  // 32 (--max-connections-per-client): enough for a jobcenter's kiosks behind one NAT, and half
  // its 64 workers, so one address cannot hold them all.
  int maxConnectionsPerClient = 0;
};

class ReferenceServer {
 public:
  explicit ReferenceServer(ServerOptions options);
  ~ReferenceServer();
  ReferenceServer(const ReferenceServer&) = delete;
  ReferenceServer& operator=(const ReferenceServer&) = delete;

  // Opens (and seeds) the database, binds and serves on a background thread; or says why not
  // (the database path cannot be opened, the port is taken, the kiosk CA is empty).
  Result<void> start();
  void stop();

  int port() const { return port_; }
  std::string baseUrl() const;  // https://127.0.0.1:<port>
  const TlsIdentity& identity() const { return identity_; }
  Database& database() { return *db_; }  // once started
  // Back to a freshly seeded demo jobcenter with this policy, without restarting: for test runs
  // behind a proxy that must keep its connections to one server.
  void resetDemo(const Policy& policy);
  const Policy& policy() const { return options_.policy; }
  // The demo's stand-in for the citizen's phone: approves the pending grant with this user code
  // for a demo citizen, in process, as the phone page would. False if there is no such pending
  // grant or citizen. (The phone page itself wants a browser's form token and cookie.)
  bool approveDemoGrant(const std::string& userCode, const std::string& citizenId);

 private:
  static constexpr int kKeepAliveSeconds = 5;
  void keepHouse();

  ServerOptions options_;
  std::string pinPepper_;
  std::unique_ptr<ConnectionGuard> guard_;
  std::unique_ptr<RequestBudget> budget_, addressBudget_;
  std::thread housekeeping_;
  std::mutex houseMutex_;
  std::condition_variable houseWake_;
  bool houseStop_ = false;
  TlsIdentity identity_;
  std::unique_ptr<Database> db_;
  BoardFeed board_;  // the reception board's open streams wait on it
  std::unique_ptr<RouteContext> routes_;  // what the route handlers share; outlives them
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace jobcenter
