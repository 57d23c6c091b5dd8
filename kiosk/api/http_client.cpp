// [SECTION] Index: URL policy, attempt set-up, outcome classification, the worker loop, UI side.

#include "kiosk/api/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace kiosk::api {
namespace {

using Clock = std::chrono::steady_clock;

// [SECTION] URL policy

struct UrlCheck {
  bool allowed = false;
  bool plainHttp = false;
  std::string why;
};

UrlCheck checkBaseUrl(const std::string& url, const TlsSettings& tls) {
  UrlCheck check;
  if (url.rfind("https://", 0) == 0) {
    check.allowed = true;
    return check;
  }
  if (url.rfind("http://", 0) == 0) {
    const std::string hostPort = url.substr(7, url.find('/', 7) - 7);
    const std::string host = hostPort.substr(0, hostPort.rfind(':'));
    const bool loopback = host == "127.0.0.1" || host == "localhost" || host == "[::1]";
    if (tls.allowPlainHttpToLoopback && loopback) {
      check.allowed = check.plainHttp = true;
      return check;
    }
    check.why = loopback ? "plain http needs the development flag" : "plain http is only allowed to loopback";
    return check;
  }
  check.why = "the booking API address must start with https://";
  return check;
}

// [SECTION] One attempt

struct Job {
  uint64_t id = 0;
  SessionId session = 0;
  HttpRequest request;
  HttpClient::Callback done;
  Clock::time_point deadline;
  Clock::time_point retryAt;
  HttpResult last;
  // Per attempt:
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::string body;
  std::string contentType;
  bool tooLarge = false;
  char error[CURL_ERROR_SIZE] = {};
  size_t limit = 0;
};

size_t onBody(char* data, size_t size, size_t count, void* userdata) {
  auto* job = static_cast<Job*>(userdata);
  if (job->body.size() + size * count > job->limit) {
    job->tooLarge = true;
    return 0;  // abort the transfer
  }
  job->body.append(data, size * count);
  return size * count;
}

size_t onHeader(char* data, size_t size, size_t count, void* userdata) {
  auto* job = static_cast<Job*>(userdata);
  const std::string line(data, size * count);
  if (line.size() > 13 && (line.rfind("Content-Type:", 0) == 0 || line.rfind("content-type:", 0) == 0)) {
    job->contentType = line.substr(13);
    job->contentType.erase(0, job->contentType.find_first_not_of(' '));
    while (!job->contentType.empty() && (job->contentType.back() == '\r' || job->contentType.back() == '\n')) job->contentType.pop_back();
  }
  return size * count;
}

void configure(Job& job, const ClientConfig& config, const std::string& pins, long remainingMs) {
  CURL* easy = job.easy;
  const std::string url = config.baseUrl + job.request.path;
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, checkBaseUrl(config.baseUrl, config.tls).plainHttp ? "http" : "https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, job.request.method.c_str());
  // POST and PUT send their body (PUT from memory is CUSTOMREQUEST plus POSTFIELDS); a GET or a
  // DELETE without a body sends none — no Content-Length: 0 and no form content type.
  const bool sendsBody = job.request.method == "POST" || job.request.method == "PUT" ||
                         (job.request.method != "GET" && !job.request.body.empty());
  if (sendsBody) {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, job.request.body.c_str());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, static_cast<long>(job.request.body.size()));
  }
  // TLS: verification always on, TLS 1.2 at least, optional key pins and client certificate.
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  // With a client certificate, TLS 1.2 at most: under TLS 1.3 a server refuses a certificate
  // only after the handshake, and its alert is often lost in the connection reset — a refused
  // kiosk would look like a flaky network and be retried. Under 1.2 the refusal is part of the
  // handshake and is always reported as what it is.
  const long maxVersion = config.tls.clientCertificatePem.empty() ? 0L : static_cast<long>(CURL_SSLVERSION_MAX_TLSv1_2);
  curl_easy_setopt(easy, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2) | maxVersion);
  if (!config.tls.caPem.empty()) {
    curl_blob ca{const_cast<char*>(config.tls.caPem.data()), config.tls.caPem.size(), CURL_BLOB_COPY};
    curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &ca);
  } else if (!config.tls.caFile.empty()) {
    curl_easy_setopt(easy, CURLOPT_CAINFO, config.tls.caFile.c_str());
  }
  if (!pins.empty()) curl_easy_setopt(easy, CURLOPT_PINNEDPUBLICKEY, pins.c_str());
  // The server's certificate chain as text, for its expiry (the admin screen, the heartbeat).
  curl_easy_setopt(easy, CURLOPT_CERTINFO, 1L);
  if (!config.tls.clientCertificatePem.empty()) {
    curl_blob cert{const_cast<char*>(config.tls.clientCertificatePem.data()), config.tls.clientCertificatePem.size(), CURL_BLOB_COPY};
    curl_blob key{const_cast<char*>(config.tls.clientKeyPem.data()), config.tls.clientKeyPem.size(), CURL_BLOB_COPY};
    curl_easy_setopt(easy, CURLOPT_SSLCERT_BLOB, &cert);
    curl_easy_setopt(easy, CURLOPT_SSLCERTTYPE, "PEM");
    curl_easy_setopt(easy, CURLOPT_SSLKEY_BLOB, &key);
    curl_easy_setopt(easy, CURLOPT_SSLKEYTYPE, "PEM");
  }
  // libcurl never times out by default: a connect timeout, a total per attempt, and a low-speed
  // floor so a trickling connection counts as dead.
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config.connectTimeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, std::max(1L, std::min(remainingMs, static_cast<long>(config.attemptTimeout.count()))));
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, config.lowSpeedBytesPerSecond);
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, static_cast<long>(config.lowSpeedTime.count()));

  auto add = [&](const std::string& header) { job.headers = curl_slist_append(job.headers, header.c_str()); };
  add("Accept: application/json, application/problem+json");
  add("X-Kiosk-Id: " + config.kioskId);
  if (!job.request.contentType.empty()) add("Content-Type: " + job.request.contentType);
  if (!job.request.bearerToken.empty()) add("Authorization: Bearer " + job.request.bearerToken);
  if (!job.request.idempotencyKey.empty()) add("Idempotency-Key: " + job.request.idempotencyKey);
  add("Expect:");  // no 100-continue round trip
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, job.headers);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &job);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &job);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, job.error);
  curl_easy_setopt(easy, CURLOPT_PRIVATE, &job);
}

// [SECTION] Outcome classification

// The server certificate's "Expire date" from libcurl's certificate information (OpenSSL's
// ASN1_TIME_print: "Dec  6 19:17:39 2027 GMT"); nothing when the handshake was not new (a reused
// connection carries no chain) or the text is not as expected.
std::optional<int64_t> serverCertificateExpiry(CURL* easy) {
  curl_certinfo* chain = nullptr;
  if (curl_easy_getinfo(easy, CURLINFO_CERTINFO, &chain) != CURLE_OK || !chain || chain->num_of_certs < 1) return std::nullopt;
  static const char kField[] = "Expire date:";
  for (curl_slist* item = chain->certinfo[0]; item; item = item->next) {  // the first is the server's own
    if (std::strncmp(item->data, kField, sizeof kField - 1) != 0) continue;
    char month[4] = {};
    std::tm t{};
    if (std::sscanf(item->data + sizeof kField - 1, "%3s %d %d:%d:%d %d GMT", month, &t.tm_mday, &t.tm_hour, &t.tm_min, &t.tm_sec, &t.tm_year) != 6) {
      return std::nullopt;
    }
    const char* months = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char* at = std::strstr(months, month);
    if (!at || std::strlen(month) != 3 || (at - months) % 3 != 0) return std::nullopt;
    t.tm_mon = static_cast<int>((at - months) / 3);
    t.tm_year -= 1900;
    return static_cast<int64_t>(timegm(&t));
  }
  return std::nullopt;
}

bool mentions(const char* text, std::initializer_list<const char*> needles) {
  const std::string s(text);
  return std::any_of(needles.begin(), needles.end(), [&](const char* n) { return s.find(n) != std::string::npos; });
}

HttpResult classify(Job& job, CURLcode code) {
  HttpResult r;
  r.attempts = job.last.attempts + 1;
  curl_off_t pretransfer = 0;
  curl_easy_getinfo(job.easy, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
  const bool sent = pretransfer > 0;  // the request had started going out
  r.detail = std::string(job.error[0] ? job.error : curl_easy_strerror(code)) + " (curl " + std::to_string(static_cast<int>(code)) + ")";
  switch (code) {
    case CURLE_OK:
      r.transport = Transport::Ok;
      curl_easy_getinfo(job.easy, CURLINFO_RESPONSE_CODE, &r.status);
      r.body = std::move(job.body);
      r.contentType = job.contentType;
      r.detail.clear();
      break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_INVALIDCERTSTATUS:
      r.transport = Transport::CertificateRefused;
      break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_USE_SSL_FAILED:
      r.transport = mentions(job.error, {"certificate verify failed", "self-signed", "unable to get local issuer"})
                        ? Transport::CertificateRefused
                        : Transport::TlsFailed;
      // A server that dies in the middle of the handshake (killed, restarted) is a connection
      // that could not be made, nothing sent: not a TLS setting to tell the desk about.
      if (code == CURLE_SSL_CONNECT_ERROR && mentions(job.error, {"SSL_ERROR_SYSCALL", "Connection reset", "unexpected eof", "Broken pipe"})) {
        r.transport = Transport::Offline;
      }
      break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      r.transport = Transport::Offline;
      break;
    case CURLE_OPERATION_TIMEDOUT:
      r.transport = sent ? Transport::Timeout : Transport::Offline;
      break;
    case CURLE_WRITE_ERROR:
      r.transport = job.tooLarge ? Transport::TooLarge : Transport::ConnectionLost;
      break;
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      r.transport = Transport::Refused;
      break;
    default:
      // A TLS alert after the handshake (TLS 1.3 refuses a client certificate this way) is a TLS
      // failure, not a lost connection to retry.
      r.transport = mentions(job.error, {"alert certificate", "certificate required", "alert bad certificate", "alert unknown ca",
                                         "alert handshake failure", "alert protocol version"})
                        ? Transport::TlsFailed
                        : Transport::ConnectionLost;
  }
  const bool write = job.request.method != "GET";
  r.mayHaveArrived = write && sent && r.transport != Transport::Ok && r.transport != Transport::Offline &&
                     r.transport != Transport::CertificateRefused && r.transport != Transport::TlsFailed;
  return r;
}

}  // namespace

// [SECTION] The worker

struct HttpClient::Worker {
  ClientConfig config;
  std::function<void()> wakeUi;
  std::string pins;
  UrlCheck url;
  CURLM* multi = nullptr;
  std::thread thread;

  mutable std::mutex mutex;  // guards incoming, cancelling, finished, stopping
  std::atomic<int64_t> serverCertificateExpiresAt{0};  // seconds since 1970; 0: not seen yet
  std::deque<std::unique_ptr<Job>> incoming;
  // Sessions cancelled since the worker's last pass, whose running or waiting transfers it has
  // still to abort. Emptied on every pass: a kiosk ends a session every few minutes for months,
  // so cancellations are handed over once, never remembered.
  std::vector<SessionId> cancelling;
  struct Finished {
    SessionId session;
    HttpClient::Callback done;
    HttpResult result;
  };
  std::deque<Finished> finished;
  bool stopping = false;
  std::atomic<int> inFlight{0};
  uint64_t nextId = 1;
  // The watchdog's question to the worker (checkAlive): asked by the UI, answered on each pass.
  std::atomic<uint64_t> probesAsked{0}, probesAnswered{0};
  std::atomic<std::chrono::system_clock::rep> lastSuccess{0};  // since the epoch; 0: never

  // Worker-thread only:
  std::map<CURL*, std::unique_ptr<Job>> running;
  std::vector<std::unique_ptr<Job>> waiting;  // backing off before the next attempt
  std::mt19937 random{std::random_device{}()};

  Worker(ClientConfig c, std::function<void()> wake) : config(std::move(c)), wakeUi(std::move(wake)) {
    for (const auto& pin : config.tls.pins) pins += (pins.empty() ? "" : ";") + pin;
    url = checkBaseUrl(config.baseUrl, config.tls);
    multi = curl_multi_init();
    thread = std::thread([this] { loop(); });
  }

  ~Worker() {
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    curl_multi_wakeup(multi);
    thread.join();
    for (auto& [easy, job] : running) release(*job);
    curl_multi_cleanup(multi);
  }

  void release(Job& job) {
    if (job.easy) {
      curl_multi_remove_handle(multi, job.easy);
      curl_easy_cleanup(job.easy);
      job.easy = nullptr;
    }
    curl_slist_free_all(job.headers);
    job.headers = nullptr;
  }

  void finish(std::unique_ptr<Job> job, HttpResult result) {
    {
      std::lock_guard lock(mutex);
      // A transfer that ends between cancelSession and the worker's next pass: its answer is dropped.
      const bool cancelled = std::find(cancelling.begin(), cancelling.end(), job->session) != cancelling.end();
      if (cancelled) result.transport = Transport::Cancelled;
      finished.push_back({job->session, std::move(job->done), std::move(result)});
    }
    --inFlight;
    if (wakeUi) wakeUi();
  }

  void start(std::unique_ptr<Job> job) {
    const long remaining = std::chrono::duration_cast<std::chrono::milliseconds>(job->deadline - Clock::now()).count();
    job->body.clear();
    job->contentType.clear();
    job->tooLarge = false;
    job->error[0] = 0;
    job->limit = config.maxResponseBytes;
    job->easy = curl_easy_init();
    configure(*job, config, pins, remaining);
    curl_multi_add_handle(multi, job->easy);
    CURL* easy = job->easy;
    running.emplace(easy, std::move(job));
  }

  void completed(CURL* easy, CURLcode code) {
    auto node = running.extract(easy);
    std::unique_ptr<Job> job = std::move(node.mapped());
    HttpResult result = classify(*job, code);
    if (result.transport == Transport::Ok && result.status >= 200 && result.status < 300) {
      lastSuccess.store(std::chrono::system_clock::now().time_since_epoch().count());
    }
    // Everything the handle knows is read before release frees it.
    curl_off_t retryAfter = -1;
    if (result.transport == Transport::Ok) curl_easy_getinfo(easy, CURLINFO_RETRY_AFTER, &retryAfter);
    if (result.transport == Transport::Ok) {
      if (const auto expires = serverCertificateExpiry(easy)) serverCertificateExpiresAt = *expires;
    }
    release(*job);
    job->last = result;
    const auto now = Clock::now();
    if (config.retry.shouldRetry(job->request, result)) {
      std::optional<std::chrono::seconds> after;
      if (result.status == 429 || result.status == 503) after = std::chrono::seconds(std::max<curl_off_t>(0, retryAfter));
      if (retryAfter <= 0) after.reset();
      const auto wait = config.retry.delay(result.attempts, after, random);
      if (now + wait < job->deadline) {
        job->retryAt = now + wait;
        waiting.push_back(std::move(job));
        return;
      }
    }
    finish(std::move(job), std::move(result));
  }

  void loop() {
    for (;;) {
      std::deque<std::unique_ptr<Job>> fresh;
      std::vector<SessionId> cancels;
      {
        std::lock_guard lock(mutex);
        if (stopping) return;
        fresh.swap(incoming);
        cancels.swap(cancelling);
      }
      probesAnswered.store(probesAsked.load());
      // Cancelled sessions: abort their transfers and waits; their callbacks are dropped. Requests
      // still in `fresh` were submitted after the cancellation (cancelSession removed the older ones).
      const auto isCancelled = [&cancels](SessionId s) { return std::find(cancels.begin(), cancels.end(), s) != cancels.end(); };
      for (auto it = running.begin(); it != running.end();) {
        if (isCancelled(it->second->session)) {
          HttpResult r;
          r.transport = Transport::Cancelled;
          r.attempts = it->second->last.attempts;
          auto job = std::move(it->second);
          release(*job);
          it = running.erase(it);
          finish(std::move(job), r);
        } else {
          ++it;
        }
      }
      const auto now = Clock::now();
      for (auto it = waiting.begin(); it != waiting.end();) {
        if (isCancelled((*it)->session)) {
          HttpResult r;
          r.transport = Transport::Cancelled;
          finish(std::move(*it), r);
          it = waiting.erase(it);
        } else if ((*it)->retryAt <= now) {
          auto job = std::move(*it);
          it = waiting.erase(it);
          start(std::move(job));
        } else {
          ++it;
        }
      }
      for (auto& job : fresh) {
        if (!url.allowed) {
          HttpResult r;
          r.transport = Transport::Refused;
          r.detail = url.why;
          finish(std::move(job), r);
        } else {
          start(std::move(job));
        }
      }
      int active = 0;
      curl_multi_perform(multi, &active);
      while (CURLMsg* msg = [&] {
        int left = 0;
        return curl_multi_info_read(multi, &left);
      }()) {
        if (msg->msg == CURLMSG_DONE) completed(msg->easy_handle, msg->data.result);
      }
      int timeoutMs = 1000;
      for (const auto& job : waiting) {
        timeoutMs = std::min<int>(timeoutMs, static_cast<int>(std::max<long long>(
                                                 0, std::chrono::duration_cast<std::chrono::milliseconds>(job->retryAt - Clock::now()).count())));
      }
      if (running.empty() && waiting.empty()) timeoutMs = 60'000;
      curl_multi_poll(multi, nullptr, 0, timeoutMs, nullptr);
    }
  }
};

// [SECTION] UI side

HttpClient::HttpClient(ClientConfig config, std::function<void()> wakeUi)
    : worker_(std::make_unique<Worker>(std::move(config), std::move(wakeUi))) {}

HttpClient::~HttpClient() = default;

const ClientConfig& HttpClient::config() const { return worker_->config; }

std::optional<std::chrono::system_clock::time_point> HttpClient::serverCertificateExpires() const {
  const int64_t at = worker_->serverCertificateExpiresAt.load();
  if (at == 0) return std::nullopt;
  return std::chrono::system_clock::time_point(std::chrono::seconds(at));
}

void HttpClient::submit(SessionId session, HttpRequest request, Callback done) {
  auto job = std::make_unique<Job>();
  job->session = session;
  job->deadline = Clock::now() + request.budget;
  job->request = std::move(request);
  job->done = std::move(done);
  {
    std::lock_guard lock(worker_->mutex);
    job->id = worker_->nextId++;
    worker_->incoming.push_back(std::move(job));
    ++worker_->inFlight;  // under the lock: cancelSession may take the job back at once
  }
  curl_multi_wakeup(worker_->multi);
}

void HttpClient::cancelSession(SessionId session) {
  {
    std::lock_guard lock(worker_->mutex);
    // Results already finished for it are dropped now, requests not yet started never start, and
    // the worker aborts the rest on its next pass.
    std::erase_if(worker_->finished, [&](const Worker::Finished& f) { return f.session == session; });
    worker_->inFlight -= static_cast<int>(std::erase_if(worker_->incoming, [&](const auto& job) { return job->session == session; }));
    if (std::find(worker_->cancelling.begin(), worker_->cancelling.end(), session) == worker_->cancelling.end()) {
      worker_->cancelling.push_back(session);
    }
  }
  curl_multi_wakeup(worker_->multi);
}

std::optional<std::chrono::system_clock::time_point> HttpClient::lastSuccess() const {
  const auto ticks = worker_->lastSuccess.load();
  if (ticks == 0) return std::nullopt;
  return std::chrono::system_clock::time_point(std::chrono::system_clock::duration(ticks));
}

bool HttpClient::checkAlive() {
  const uint64_t asked = worker_->probesAsked.load();
  const bool answered = worker_->probesAnswered.load() >= asked;
  worker_->probesAsked.store(asked + 1);
  curl_multi_wakeup(worker_->multi);
  return answered;
}

size_t HttpClient::cancellationsPending() const {
  std::lock_guard lock(worker_->mutex);
  return worker_->cancelling.size();
}

int HttpClient::drain() {
  std::deque<Worker::Finished> ready;
  {
    std::lock_guard lock(worker_->mutex);
    ready.swap(worker_->finished);
  }
  int ran = 0;
  for (auto& f : ready) {
    if (f.result.transport == Transport::Cancelled) continue;
    if (f.done) f.done(f.result);
    ++ran;
  }
  return ran;
}

int HttpClient::unanswered() const { return worker_->inFlight; }

bool HttpClient::busy() const {
  std::lock_guard lock(worker_->mutex);
  return worker_->inFlight > 0 || !worker_->finished.empty();
}

}  // namespace kiosk::api
