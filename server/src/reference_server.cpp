#include "reference_server.h"

#include <httplib.h>
#include <openssl/pem.h>

#include <chrono>
#include <stdexcept>

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
  CertificateOptions certificate;
  certificate.hosts = {"localhost", options_.host};
  identity_ = makeLoopbackIdentity(certificate);
  db_ = std::make_unique<Database>(options_.databasePath);
  createSchema(*db_);
  if (options_.seedDemo) seedDemo(*db_, nowInstant());
}

ReferenceServer::~ReferenceServer() { stop(); }

void ReferenceServer::resetDemo(const Policy& policy) {
  options_.policy = policy;  // the routes read it through their context
  clearAll(*db_);
  seedDemo(*db_, nowInstant());
}

std::string ReferenceServer::baseUrl() const { return "https://" + options_.host + ":" + std::to_string(port_); }

void ReferenceServer::start() {
  X509_STORE* kioskCas = nullptr;  // the server takes ownership
  if (!options_.kioskCaPem.empty()) {
    kioskCas = X509_STORE_new();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(options_.kioskCaPem.data(), static_cast<int>(options_.kioskCaPem.size())),
                                                  BIO_free);
    while (X509* ca = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
      X509_STORE_add_cert(kioskCas, ca);
      X509_free(ca);
    }
  }
  server_ = std::make_unique<httplib::SSLServer>(identity_.certificate.get(), identity_.privateKey.get(), kioskCas);
  if (!server_->is_valid()) throw std::runtime_error("the HTTPS server could not be set up");
  const int threads = options_.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  server_->set_payload_max_length(256 * 1024);
  server_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    problem(res, 500, "server-error", "Something went wrong on the server", "Nothing was changed; try again");
  });
  server_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.status == 404 && res.body.empty()) problem(res, 404, "not-found", "No such resource");
    else if (res.status == 405) problem(res, 405, "invalid-request", "Method not allowed");
  });

  port_ = options_.port == 0 ? server_->bind_to_any_port(options_.host) : (server_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port_ <= 0) throw std::runtime_error("cannot listen on " + options_.host + ":" + std::to_string(options_.port));

  routes_ = std::make_unique<RouteContext>(RouteContext{*db_, options_.policy, baseUrl()});
  addKioskRoutes(*server_, *routes_);
  addAuthRoutes(*server_, *routes_);
  addDevicePage(*server_, *routes_);
  addCitizenRoutes(*server_, *routes_);
  addBookingRoutes(*server_, *routes_);
  addActivityRoutes(*server_, *routes_);
  addJoblogRoutes(*server_, *routes_);
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  for (int waited = 0; !server_->is_running(); ++waited) {
    if (waited > 5000) throw std::runtime_error("the HTTPS server did not start");
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void ReferenceServer::stop() {
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

}  // namespace jobcenter
