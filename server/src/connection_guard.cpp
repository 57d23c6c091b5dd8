#include "connection_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace jobcenter {
namespace {

int guardIndex() {  // where the SSL_CTX keeps its guard
  static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

struct Ticket {  // hung on each SSL: who to tell when it is freed
  ConnectionGuard* guard;
  std::string key;
};

std::string peerOf(int fd, std::string& address) {
  sockaddr_storage peer{};
  socklen_t length = sizeof peer;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &length) != 0) return {};
  char text[INET6_ADDRSTRLEN] = {};
  int port = 0;
  if (peer.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&peer);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    port = ntohs(in->sin_port);
  } else if (peer.ss_family == AF_INET6) {
    const auto* in = reinterpret_cast<const sockaddr_in6*>(&peer);
    inet_ntop(AF_INET6, &in->sin6_addr, text, sizeof text);
    port = ntohs(in->sin6_port);
  }
  address = text;
  return address + ":" + std::to_string(port);
}

}  // namespace

ConnectionGuard::ConnectionGuard(ConnectionLimits limits) : limits_(limits) {
  reaper_ = std::thread([this] { reap(); });
}

ConnectionGuard::~ConnectionGuard() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  reaper_.join();
}

int ConnectionGuard::ticketIndex() {
  static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, &ConnectionGuard::onFree);
  return index;
}

void ConnectionGuard::attach(SSL_CTX& ctx) {
  SSL_CTX_set_ex_data(&ctx, guardIndex(), this);
  SSL_CTX_set_info_callback(&ctx, &ConnectionGuard::onInfo);
  (void)ticketIndex();
}

void ConnectionGuard::onInfo(const SSL* ssl, int where, int) {
  if (!(where & SSL_CB_HANDSHAKE_START)) return;
  auto* guard = static_cast<ConnectionGuard*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), guardIndex()));
  if (guard && !SSL_get_ex_data(ssl, ticketIndex())) guard->opened(const_cast<SSL*>(ssl));
}

void ConnectionGuard::onFree(void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) {
  auto* ticket = static_cast<Ticket*>(ptr);
  if (!ticket) return;
  ticket->guard->closed(ticket->key);
  delete ticket;
}

void ConnectionGuard::opened(SSL* ssl) {
  const int fd = SSL_get_fd(ssl);
  std::string address;
  const std::string key = peerOf(fd, address);
  if (key.empty()) return;
  std::lock_guard lock(mutex_);
  if (limits_.maxPerAddress > 0 && perAddress_[address] >= limits_.maxPerAddress) {
    ::shutdown(fd, SHUT_RDWR);  // the handshake fails at once; the worker is free again
    return;
  }
  ++perAddress_[address];
  open_[key] = Connection{fd, address, Clock::now() + std::chrono::milliseconds(limits_.headerTimeoutMs)};
  SSL_set_ex_data(ssl, ticketIndex(), new Ticket{this, key});
  wake_.notify_all();
}

void ConnectionGuard::closed(const std::string& key) {
  std::lock_guard lock(mutex_);
  const auto found = open_.find(key);
  if (found == open_.end()) return;
  if (--perAddress_[found->second.address] <= 0) perAddress_.erase(found->second.address);
  open_.erase(found);
}

void ConnectionGuard::headersArrived(const std::string& address, int port) {
  std::lock_guard lock(mutex_);
  if (const auto found = open_.find(address + ":" + std::to_string(port)); found != open_.end()) {
    found->second.deadline = Clock::time_point::max();
  }
}

void ConnectionGuard::answered(const std::string& address, int port) {
  std::lock_guard lock(mutex_);
  const auto found = open_.find(address + ":" + std::to_string(port));
  if (found == open_.end()) return;
  if (found->second.closeAfterAnswer) {
    ::shutdown(found->second.fd, SHUT_RDWR);  // after what was written: the client gets its answer, then the end
    found->second.cut = true;
    return;
  }
  found->second.deadline = Clock::now() + std::chrono::seconds(limits_.keepAliveSeconds) + std::chrono::milliseconds(limits_.headerTimeoutMs);
  wake_.notify_all();
}

void ConnectionGuard::closeAfterAnswer(const std::string& address, int port) {
  std::lock_guard lock(mutex_);
  if (const auto found = open_.find(address + ":" + std::to_string(port)); found != open_.end()) found->second.closeAfterAnswer = true;
}

void ConnectionGuard::reap() {
  std::unique_lock lock(mutex_);
  const auto tick = std::chrono::milliseconds(std::max(10, std::min(100, limits_.headerTimeoutMs / 10)));
  while (!stopping_) {
    wake_.wait_for(lock, tick);
    const auto now = Clock::now();
    for (auto& [key, c] : open_) {
      if (!c.cut && c.deadline <= now) {
        ::shutdown(c.fd, SHUT_RDWR);  // the worker's next read fails and it lets go
        c.cut = true;
      }
    }
  }
}

}  // namespace jobcenter
