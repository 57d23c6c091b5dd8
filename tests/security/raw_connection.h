#pragma once
// A raw client for the attacks a polite HTTP library will not make: a TCP connection from a chosen
// loopback address that may never start TLS, trickle its headers, or send a chunked body. Every
// read has a deadline, so a test that fails does so in a bounded time.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>

class RawConnection {
 public:
  // Connects to 127.0.0.1:port from source (any 127.x.y.z address is this machine's loopback).
  RawConnection(int port, const std::string& source = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &from.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0;
  }
  ~RawConnection() {
    if (ssl_) SSL_free(ssl_);
    if (ctx_) SSL_CTX_free(ctx_);
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  // TLS handshake trusting caPem; false if it fails or the server closes. maxVersion and
  // tls12Ciphers narrow what this client offers (e.g. TLS1_1_VERSION, "ECDHE-ECDSA-AES128-SHA").
  bool startTls(const std::string& caPem, int maxVersion = 0, const char* tls12Ciphers = nullptr) {
    ctx_ = SSL_CTX_new(TLS_client_method());
    if (maxVersion) {
      SSL_CTX_set_min_proto_version(ctx_, 0);
      SSL_CTX_set_max_proto_version(ctx_, maxVersion);
      SSL_CTX_set_security_level(ctx_, 0);  // let the client offer what old clients offered
    }
    if (tls12Ciphers) SSL_CTX_set_cipher_list(ctx_, tls12Ciphers);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(caPem.data(), static_cast<int>(caPem.size())), BIO_free);
    X509* ca = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx_), ca);
    X509_free(ca);
    SSL_CTX_set_verify(ctx_, SSL_VERIFY_PEER, nullptr);
    ssl_ = SSL_new(ctx_);
    SSL_set_fd(ssl_, fd_);
    static char host[] = "localhost";
    SSL_ctrl(ssl_, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, host);
    return SSL_connect(ssl_) == 1;
  }

  // Sends all of data; false once the server has closed or reset the connection.
  bool send(const std::string& data) {
    if (ssl_) return SSL_write(ssl_, data.data(), static_cast<int>(data.size())) == static_cast<int>(data.size());
    return ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(data.size());
  }

  // Reads until the server closes or `within` passes; closed() tells which.
  std::string readAll(std::chrono::milliseconds within) {
    std::string out;
    const auto until = std::chrono::steady_clock::now() + within;
    char buffer[16384];
    for (;;) {
      if (!ssl_ || SSL_pending(ssl_) == 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
        if (left <= 0) return out;
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left)) <= 0) return out;
      }
      const int n = ssl_ ? SSL_read(ssl_, buffer, sizeof buffer) : static_cast<int>(::recv(fd_, buffer, sizeof buffer, 0));
      if (n <= 0) {
        closed_ = true;
        return out;
      }
      out.append(buffer, static_cast<size_t>(n));
    }
  }
  bool closed() const { return closed_; }

 private:
  int fd_ = -1;
  bool connected_ = false, closed_ = false;
  SSL_CTX* ctx_ = nullptr;
  SSL* ssl_ = nullptr;
};
