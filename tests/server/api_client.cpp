#include "api_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>

nlohmann::json ApiResponse::json() const { return nlohmann::json::parse(body, nullptr, false); }

std::string ApiResponse::problemCode() const {
  const auto doc = json();
  return doc.is_object() && doc.contains("code") && doc["code"].is_string() ? doc["code"].get<std::string>() : std::string();
}

ApiClient::ApiClient(std::string base, std::string caPem, std::string kioskId)
    : base_(std::move(base)), caPem_(std::move(caPem)), kioskId_(std::move(kioskId)) {}

ApiResponse ApiClient::get(const std::string& path, const std::string& token) { return send("GET", path, "", "", token, ""); }

ApiResponse ApiClient::post(const std::string& path, const nlohmann::json& body, const std::string& token, const std::string& key) {
  return send("POST", path, body.dump(), "application/json", token, key);
}

ApiResponse ApiClient::put(const std::string& path, const nlohmann::json& body, const std::string& token) {
  return send("PUT", path, body.dump(), "application/json", token, "");
}

ApiResponse ApiClient::del(const std::string& path, const std::string& token) { return send("DELETE", path, "", "", token, ""); }

ApiResponse ApiClient::postForm(const std::string& path, const std::string& form, const std::string& token) {
  return send("POST", path, form, "application/x-www-form-urlencoded", token, "");
}

ApiResponse ApiClient::send(const std::string& method, const std::string& path, const std::string& body,
                            const std::string& contentType, const std::string& token, const std::string& key, bool withKioskId) {
  ApiResponse response;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  const std::string url = base_ + path;
  curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_SSL_VERIFYHOST, 2L);
  curl_blob ca{const_cast<char*>(caPem_.data()), caPem_.size(), CURL_BLOB_COPY};
  curl_easy_setopt(curl.get(), CURLOPT_CAINFO_BLOB, &ca);
  curl_blob cert{const_cast<char*>(clientCertificate_.data()), clientCertificate_.size(), CURL_BLOB_COPY};
  curl_blob privateKey{const_cast<char*>(clientKey_.data()), clientKey_.size(), CURL_BLOB_COPY};
  if (!clientCertificate_.empty()) {
    curl_easy_setopt(curl.get(), CURLOPT_SSLCERT_BLOB, &cert);
    curl_easy_setopt(curl.get(), CURLOPT_SSLCERTTYPE, "PEM");
    curl_easy_setopt(curl.get(), CURLOPT_SSLKEY_BLOB, &privateKey);
    curl_easy_setopt(curl.get(), CURLOPT_SSLKEYTYPE, "PEM");
  }
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, timeoutMs);
  const std::string source = "host!" + sourceAddress;
  if (!sourceAddress.empty()) curl_easy_setopt(curl.get(), CURLOPT_INTERFACE, source.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  if (!body.empty() || method == "POST" || method == "PUT") {
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_slist* headers = nullptr;
  auto add = [&](const std::string& h) { headers = curl_slist_append(headers, h.c_str()); };
  if (!contentType.empty()) add("Content-Type: " + contentType);
  if (withKioskId) add("X-Kiosk-Id: " + kioskId_);
  if (!token.empty()) add("Authorization: Bearer " + token);
  if (!key.empty()) add("Idempotency-Key: " + key);
  add("Accept: application/json, application/problem+json");
  for (const auto& h : extraHeaders) add(h);
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
  });
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, +[](char* data, size_t size, size_t count, void* out) {
    std::string line(data, size * count);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
      (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
    }
    return size * count;
  });
  curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &response.headers);
  const CURLcode rc = curl_easy_perform(curl.get());
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) {
    response.error = curl_easy_strerror(rc);
    return response;
  }
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response.status);
  // Prism's sl-violations header lists where a request or response broke the contract. Every
  // response violation counts. A request violation counts when the server accepted the request
  // (2xx): a rejected request is one a test sent invalid on purpose, to see the server refuse it.
  if (const auto v = response.headers.find("sl-violations"); v != response.headers.end()) {
    const auto list = nlohmann::json::parse(v->second, nullptr, false);
    for (const auto& violation : list.is_array() ? list : nlohmann::json::array({v->second})) {
      const auto location = violation.is_object() ? violation.value("location", nlohmann::json::array()) : nlohmann::json::array();
      const bool aboutRequest = !location.empty() && location[0] == "request";
      if (aboutRequest && (response.status < 200 || response.status >= 300)) continue;
      violations_.push_back(method + " " + path + " -> " + std::to_string(response.status) + ": " + violation.dump());
    }
  }
  return response;
}
