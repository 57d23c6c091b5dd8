#pragma once
// A plain libcurl HTTPS client for the server tests: peer and host verification on, trusting
// only the test server's throwaway CA. (The kiosk's own client, with retries and pinning, is
// kiosk/api; these tests check the server and the contract.)

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

struct ApiResponse {
  long status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string error;                           // transport failure, if any
  nlohmann::json json() const;
  std::string problemCode() const;  // "slot-taken", or "" if not a problem document
};

class ApiClient {
 public:
  // base: https://127.0.0.1:port (or the contract-checking proxy's http address); caPem: the CA
  // to trust for https.
  ApiClient(std::string base, std::string caPem, std::string kioskId = "test-kiosk");

  ApiResponse get(const std::string& path, const std::string& token = {});
  ApiResponse post(const std::string& path, const nlohmann::json& body, const std::string& token = {},
                   const std::string& idempotencyKey = {});
  ApiResponse put(const std::string& path, const nlohmann::json& body, const std::string& token = {});
  ApiResponse del(const std::string& path, const std::string& token = {});
  ApiResponse postForm(const std::string& path, const std::string& form, const std::string& token = {});
  ApiResponse send(const std::string& method, const std::string& path, const std::string& body, const std::string& contentType,
                   const std::string& token, const std::string& idempotencyKey, bool withKioskId = true);

  const std::string& base() const { return base_; }
  // Presents this client certificate (PEM) on every connection: the kiosk's identity.
  void useClientCertificate(std::string certificatePem, std::string keyPem) {
    clientCertificate_ = std::move(certificatePem);
    clientKey_ = std::move(keyPem);
  }
  // Sent with every request, e.g. "Range: bytes=0-10" (attacker-style tests).
  std::vector<std::string> extraHeaders;
  // Connect from this loopback address (127.x.y.z), to look like another client; empty: any.
  std::string sourceAddress;
  long timeoutMs = 30000;
  // Contract violations the validating proxy reported (its sl-violations header), if any.
  const std::vector<std::string>& violations() const { return violations_; }

 private:
  std::vector<std::string> violations_;
  std::string base_, caPem_, kioskId_;
  std::string clientCertificate_, clientKey_;
};
