#include "fault_proxy.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <openssl/pem.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace {

// Closes with a TCP reset rather than an orderly FIN: what a dropped connection looks like.
void reset(int fd) {
  linger l{1, 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  close(fd);
}

void writeAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

struct ParsedRequest {
  std::string method, target;
  httplib::Headers headers;
  std::string body;
};

bool readRequest(int fd, ParsedRequest& out) {
  std::string data;
  char buffer[8192];
  size_t headerEnd = std::string::npos;
  while ((headerEnd = data.find("\r\n\r\n")) == std::string::npos) {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    data.append(buffer, static_cast<size_t>(n));
  }
  const std::string head = data.substr(0, headerEnd);
  size_t lineEnd = head.find("\r\n");
  const std::string requestLine = head.substr(0, lineEnd);
  const auto sp1 = requestLine.find(' '), sp2 = requestLine.rfind(' ');
  out.method = requestLine.substr(0, sp1);
  out.target = requestLine.substr(sp1 + 1, sp2 - sp1 - 1);
  size_t length = 0;
  while (lineEnd != std::string::npos && lineEnd < head.size()) {
    const size_t next = head.find("\r\n", lineEnd + 2);
    const std::string line = head.substr(lineEnd + 2, (next == std::string::npos ? head.size() : next) - lineEnd - 2);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon), value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      if (strcasecmp(name.c_str(), "Content-Length") == 0) length = std::stoul(value);
      if (strcasecmp(name.c_str(), "Host") != 0 && strcasecmp(name.c_str(), "Content-Length") != 0) out.headers.emplace(name, value);
    }
    lineEnd = next;
  }
  out.body = data.substr(headerEnd + 4);
  while (out.body.size() < length) {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    out.body.append(buffer, static_cast<size_t>(n));
  }
  return true;
}

std::string serialise(int status, const std::string& contentType, const std::string& body, const httplib::Headers& extra = {}) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " X\r\nConnection: close\r\nContent-Type: " + contentType +
                    "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  for (const auto& [name, value] : extra) out += name + ": " + value + "\r\n";
  return out + "\r\n" + body;
}

}  // namespace

FaultProxy::FaultProxy(std::string upstreamHost, int upstreamPort, std::string upstreamCaPem)
    : upstreamHost_(std::move(upstreamHost)), upstreamCaPem_(std::move(upstreamCaPem)), upstreamPort_(upstreamPort) {
  listener_ = socket(AF_INET, SOCK_STREAM, 0);
  int yes = 1;
  setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(listener_, 64) != 0) {
    throw std::runtime_error("fault proxy cannot listen");
  }
  socklen_t len = sizeof addr;
  getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { acceptLoop(); });
}

FaultProxy::~FaultProxy() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  shutdown(listener_, SHUT_RDWR);
  close(listener_);
  acceptor_.join();
  for (auto& w : workers_) w.join();
}

void FaultProxy::plan(std::vector<Fault> faults) {
  std::lock_guard lock(mutex_);
  plan_.assign(faults.begin(), faults.end());
}

int FaultProxy::requestsSeen() const {
  std::lock_guard lock(mutex_);
  return seen_;
}

Fault FaultProxy::next() {
  std::lock_guard lock(mutex_);
  ++seen_;
  if (plan_.empty()) return Fault::PassThrough;
  const Fault f = plan_.front();
  plan_.pop_front();
  return f;
}

void FaultProxy::acceptLoop() {
  for (;;) {
    pollfd p{listener_, POLLIN, 0};
    if (poll(&p, 1, 100) < 0) return;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    if (!(p.revents & POLLIN)) continue;
    const int client = accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    std::lock_guard lock(mutex_);
    workers_.emplace_back([this, client] { serve(client); });
  }
}

void FaultProxy::serve(int client) {
  ParsedRequest request;
  if (!readRequest(client, request)) return static_cast<void>(close(client));
  const Fault fault = next();
  if (fault == Fault::ResetBeforeForwarding) return reset(client);
  if (fault == Fault::Busy503) {
    writeAll(client, serialise(503, "application/problem+json", R"({"type":"about:blank","title":"busy","status":503})", {{"Retry-After", "1"}}));
    return static_cast<void>(close(client));
  }
  if (fault == Fault::Html500) {
    writeAll(client, serialise(500, "text/html", "<html><body><h1>Internal Server Error</h1></body></html>"));
    return static_cast<void>(close(client));
  }
  if (fault == Fault::Delay) std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));

  httplib::SSLClient upstream(upstreamHost_, upstreamPort_);
  X509_STORE* trusted = X509_STORE_new();  // the SSL context takes ownership
  {
    BIO* bio = BIO_new_mem_buf(upstreamCaPem_.data(), static_cast<int>(upstreamCaPem_.size()));
    while (X509* ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
      X509_STORE_add_cert(trusted, ca);
      X509_free(ca);
    }
    BIO_free(bio);
  }
  upstream.set_ca_cert_store(trusted);
  upstream.enable_server_certificate_verification(true);
  // Not cpp-httplib's 5 s: under Valgrind's memcheck a staff login (Argon2id) takes longer. The
  // kiosk's client keeps its own timeouts; the proxy is only the wire.
  upstream.set_read_timeout(std::chrono::seconds(60));
  httplib::Request forward;
  forward.method = request.method;
  forward.path = request.target;
  forward.headers = request.headers;
  forward.body = request.body;
  httplib::Response answer;
  httplib::Error error = httplib::Error::Success;
  if (!upstream.send(forward, answer, error)) return reset(client);

  if (fault == Fault::ResetAfterForwarding) return reset(client);
  if (fault == Fault::InvalidJsonAfterForwarding) {
    writeAll(client, serialise(200, "application/json", "{\"id\": \"b-123\", \"status\": "));
    return static_cast<void>(close(client));
  }
  httplib::Headers extra;
  for (const char* name : {"Idempotent-Replayed", "Retry-After"}) {
    if (answer.has_header(name)) extra.emplace(name, answer.get_header_value(name));
  }
  const std::string whole = serialise(answer.status, answer.get_header_value("Content-Type"), answer.body, extra);
  if (fault == Fault::CutResponseHalfway) {
    writeAll(client, whole.substr(0, whole.size() / 2));
    return reset(client);
  }
  writeAll(client, whole);
  close(client);
}
