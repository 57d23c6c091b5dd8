#include "reference_server.h"

#include <httplib.h>
#include <openssl/pem.h>

#include <sys/socket.h>

#include <chrono>
#include <iostream>

#include "demo_seed.h"
#include "routes.h"
#include "schema.h"
#include "secrets.h"

namespace jobcenter {

std::optional<Session> citizenRequest(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!kioskId(req, res)) return std::nullopt;
  return requireSession(ctx.db, ctx.policy, req, res, "citizen");
}

void citizenWrite(RouteContext& ctx, const httplib::Request& req, httplib::Response& res,
                  const std::function<void(const Session&)>& write) {
  const auto kiosk = kioskId(req, res);
  if (!kiosk) return;
  const auto session = requireSession(ctx.db, ctx.policy, req, res, "citizen");
  if (!session) return;
  idempotent(ctx.db, req, res, *kiosk, "citizen:" + session->subject, [&] { write(*session); });
}

ReferenceServer::ReferenceServer(ServerOptions options) : options_(std::move(options)) {
  initSecrets();
  pinPepper_ = options_.pinPepper.empty() ? randomToken() : options_.pinPepper;
  CertificateOptions certificate;
  certificate.hosts = {"localhost", options_.host};
  identity_ = options_.identity ? *options_.identity : makeLoopbackIdentity(certificate);
}

ReferenceServer::~ReferenceServer() { stop(); }

void ReferenceServer::resetDemo(const Policy& policy) {
  options_.policy = policy;  // the routes read it through their context
  clearAll(*db_);
  if (budget_) budget_->clear();
  if (addressBudget_) addressBudget_->clear();
  seedDemo(*db_, nowInstant(), pinPepper_);
  board_.changed();
}

bool ReferenceServer::approveDemoGrant(const std::string& userCode, const std::string& citizenId) {
  return db_->transaction([&](Tx& tx) {
    if (!tx.queryInt("SELECT 1 FROM citizens WHERE id = ?", {citizenId})) return false;
    tx.exec("UPDATE device_grants SET state = 'approved', citizen_id = ? WHERE user_code = ? AND state = 'pending' AND expires_at > ?",
            {citizenId, userCode, nowInstant()});
    return tx.changes() == 1;
  });
}

std::string ReferenceServer::baseUrl() const { return "https://" + options_.host + ":" + std::to_string(port_); }

namespace {

// TLS 1.2 with AEAD suites and forward secrecy only, or TLS 1.3; no compression, no renegotiation.
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:"
    "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305";

// Whose budget a request spends: its kiosk's, or its address's if it names none.
std::string budgetKey(const httplib::Request& req) {
  const std::string kiosk = req.get_header_value("X-Kiosk-Id");
  if (!kiosk.empty() && kiosk.size() <= 64) return "kiosk:" + kiosk;
  return "client:" + req.remote_addr;
}

void budgetHeaders(httplib::Response& res, const std::string& key, const RequestBudget::Use& use, int perWindow, int window) {
  const std::string name = key.rfind("kiosk:", 0) == 0 ? "\"kiosk\"" : "\"client\"";
  res.set_header("RateLimit", name + ";r=" + std::to_string(use.left) + ";t=" + std::to_string(use.resetSeconds));
  res.set_header("RateLimit-Policy", name + ";q=" + std::to_string(perWindow) + ";w=" + std::to_string(window));
}

bool isCredentialParameter(const std::string& name) {
  return name == "device_code" || name == "access_token" || name == "token" || name == "pin" || name == "cpr";
}

}  // namespace

Result<void> ReferenceServer::start() {
  // The database first: a path that cannot be opened is the commonest operator mistake, and
  // says so before anything listens.
  try {
    db_ = std::make_unique<Database>(options_.databasePath);
    createSchema(*db_);
    if (options_.seedDemo) seedDemo(*db_, nowInstant(), pinPepper_);
  } catch (const DbError& e) {
    db_.reset();
    return failure("the database cannot be used: " + std::string(e.what()));
  }
  X509_STORE* kioskCas = nullptr;  // the SSL_CTX takes ownership
  if (!options_.kioskCaPem.empty()) {
    kioskCas = X509_STORE_new();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(options_.kioskCaPem.data(), static_cast<int>(options_.kioskCaPem.size())),
                                                  BIO_free);
    int added = 0;
    while (X509* ca = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
      X509_STORE_add_cert(kioskCas, ca);
      X509_free(ca);
      ++added;
    }
    if (added == 0) {
      X509_STORE_free(kioskCas);
      return failure("the kiosk CA holds no certificate");
    }
  }
  budget_ = std::make_unique<RequestBudget>(options_.requestsPerKioskPerMinute, 60);
  addressBudget_ = std::make_unique<RequestBudget>(options_.requestsPerAddressPerMinute, 60);
  guard_ = std::make_unique<ConnectionGuard>(
      ConnectionLimits{options_.maxConnectionsPerClient, options_.headerTimeoutMs, kKeepAliveSeconds});
  server_ = std::make_unique<httplib::SSLServer>([&](SSL_CTX& ctx) {
    if (kioskCas) {  // first, so that the SSL_CTX owns the store whatever fails below
      SSL_CTX_set_cert_store(&ctx, kioskCas);
      SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    }
    SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    if (SSL_CTX_set_cipher_list(&ctx, kTls12Ciphers) != 1) return false;
    if (SSL_CTX_use_certificate(&ctx, identity_.certificate.get()) != 1 || SSL_CTX_use_PrivateKey(&ctx, identity_.privateKey.get()) != 1) {
      return false;
    }
    guard_->attach(ctx);
    return true;
  });
  if (!server_->is_valid()) return failure("the HTTPS server could not be set up");
  // cpp-httplib's default sets SO_REUSEPORT, with which a second server on a port already
  // listening "starts" and quietly shares the connections: a taken port must say so instead.
  server_->set_socket_options([](socket_t sock) {
    const int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // An answer goes out in several TLS records (headers, then body). With Nagle's algorithm on (the
  // library's default) each record after the first waits for the client to acknowledge the one
  // before, and clients delay acknowledgements: 40 ms added to most answers on Linux (the monkey
  // measured it: two thirds of its waits for the booking system took 40-50 ms on loopback; the soak
  // too: 30 ms a request on average, most of its time).
  server_->set_tcp_nodelay(true);
  const int threads = options_.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server_->set_payload_max_length(256 * 1024);
  server_->set_read_timeout(std::chrono::milliseconds(options_.handshakeTimeoutMs));
  server_->set_write_timeout(std::chrono::seconds(5));
  server_->set_keep_alive_timeout(kKeepAliveSeconds);
  // Every handler's writes are one transaction, rolled back when it throws: nothing was changed.
  // The operator hears why (SQLite's words and the method, never the path or a request's values).
  server_->set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const DbError& e) {
      std::cerr << "jobcenter-sim: a " << req.method << " request failed in the database: " << e.what() << "\n";
      if (e.code == SQLITE_FULL || (e.code & 0xff) == SQLITE_IOERR) {
        return problem(res, 500, "storage-full", "The booking system cannot store anything right now", "Nothing was changed");
      }
    } catch (const std::exception& e) {
      std::cerr << "jobcenter-sim: " << req.method << " failed: " << e.what() << "\n";
    } catch (...) {
    }
    problem(res, 500, "server-error", "Something went wrong on the server", "Nothing was changed; try again");
  });
  server_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.status == 404 && res.body.empty()) problem(res, 404, "not-found", "No such resource");
    else if (res.status == 405) problem(res, 405, "invalid-request", "Method not allowed");
    else if (res.status == 413 && res.body.empty()) problem(res, 413, "payload-too-large", "The request body is too large");
  });
  // Before routing, and so before any body is read.
  server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    guard_->headersArrived(req.remote_addr, req.remote_port);
    // cpp-httplib would answer Range with 206 slices of any answer (thousands of parts for one
    // small request, or half a JSON document): this API has nothing to serve in parts, so a Range
    // header is ignored (RFC 9110 allows it) and every answer is whole. req is the server's own
    // non-const object; the handler only sees it through a const reference.
    const_cast<httplib::Request&>(req).ranges.clear();
    // A request refused here leaves its body unread: its connection is closed after the answer,
    // or the body would be read as the next request.
    const bool hasBody = req.get_header_value("Content-Length") != "" && req.get_header_value("Content-Length") != "0";
    if (const auto use = budget_->take(budgetKey(req)); !use.allowed) {
      if (hasBody) guard_->closeAfterAnswer(req.remote_addr, req.remote_port);
      rateLimited(res, std::max(1, use.resetSeconds), "Too many requests from this kiosk");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (const auto use = addressBudget_->take(req.remote_addr); !use.allowed) {
      if (hasBody) guard_->closeAfterAnswer(req.remote_addr, req.remote_port);
      rateLimited(res, std::max(1, use.resetSeconds), "Too many requests from this address");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.has_header("Transfer-Encoding")) {
      // A chunked body has no length to check before reading it, and cpp-httplib 0.11.4 reads it
      // all, whatever the payload limit. Refused unread, and the connection closed.
      guard_->closeAfterAnswer(req.remote_addr, req.remote_port);
      problem(res, 411, "length-required", "Send the request body with a Content-Length",
              "Chunked request bodies are not accepted");
      return httplib::Server::HandlerResponse::Handled;
    }
    for (const auto& [name, value] : req.params) {  // only the query string is parsed at this point
      if (isCredentialParameter(name)) {
        if (hasBody) guard_->closeAfterAnswer(req.remote_addr, req.remote_port);
        problem(res, 400, "invalid-request", "Credentials and personal numbers never go in the URL",
                "Send " + name + " in the request body or a header");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server_->set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const std::string key = budgetKey(req);
    budgetHeaders(res, key, budget_->peek(key), budget_->perWindow(), budget_->windowSeconds());
    res.set_header("Accept-Ranges", "none");
    res.set_header("Strict-Transport-Security", "max-age=31536000");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
    if (req.path.rfind("/api/", 0) == 0) {
      res.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
  });
  server_->set_logger([this](const httplib::Request& req, const httplib::Response&) { guard_->answered(req.remote_addr, req.remote_port); });

  // Started again after stop(): the same port, so a kiosk configured for it finds it again.
  const int port = options_.port != 0 ? options_.port : port_;
  port_ = port == 0 ? server_->bind_to_any_port(options_.host) : (server_->bind_to_port(options_.host, port) ? port : -1);
  if (port_ <= 0) {
    port_ = 0;
    return failure("cannot listen on " + options_.host + ":" + std::to_string(port) + " (in use, or not an address of this machine)");
  }

  board_.reopen();
  routes_ = std::make_unique<RouteContext>(RouteContext{*db_, options_.policy, baseUrl(), options_, pinPepper_, board_});
  addKioskRoutes(*server_, *routes_);
  addAuthRoutes(*server_, *routes_);
  addDevicePage(*server_, *routes_);
  addCitizenRoutes(*server_, *routes_);
  addBookingRoutes(*server_, *routes_);
  addActivityRoutes(*server_, *routes_);
  addJoblogRoutes(*server_, *routes_);
  addBoardRoutes(*server_, *routes_);
  addBoardPages(*server_, *routes_);
  addFigureRoutes(*server_, *routes_);
  addDemoRoutes(*server_, *routes_);
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  for (int waited = 0; !server_->is_running(); ++waited) {
    if (waited > 5000) {
      stop();
      return failure("the HTTPS server did not start within 5 s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  {
    std::lock_guard lock(houseMutex_);
    houseStop_ = false;
  }
  housekeeping_ = std::thread([this] { keepHouse(); });
  return {};
}

// Once a minute: forget what no rule needs any more (spent rate events, login failures, replies
// kept for idempotency, dead tokens and device grants).
void ReferenceServer::keepHouse() {
  std::unique_lock lock(houseMutex_);
  while (!houseStop_) {
    houseWake_.wait_for(lock, std::chrono::seconds(60));
    if (houseStop_) break;
    pruneExpired(*db_, options_.policy, nowInstant());
  }
}

void ReferenceServer::stop() {
  {
    std::lock_guard lock(houseMutex_);
    houseStop_ = true;
  }
  houseWake_.notify_all();
  if (housekeeping_.joinable()) housekeeping_.join();
  board_.close();  // open board streams end, or stopping would wait for them
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();  // every connection is gone: the guard may go too
  guard_.reset();
}

}  // namespace jobcenter
