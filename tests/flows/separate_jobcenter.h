#pragma once
// jobcenter-sim as its own process, set up the way a kiosk in service reaches its booking system:
// a kiosk CA the server trusts, a client certificate from it, the server's pin, and the kiosk's
// configuration file (kiosk/config) naming them. Everything lives in a directory of its own,
// removed at the end.

#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "jobcenter_sim_process.h"
#include "reference_server.h"
#include "secrets.h"
#include "tls_identity.h"

class SeparateJobcenter {
 public:
  // noRateLimits: for a kiosk whose clock runs ahead of the server's (server_arguments.h).
  SeparateJobcenter(const jobcenter::Policy& policy, const std::vector<std::string>& languages, bool noRateLimits = false)
      : dir_(std::filesystem::temp_directory_path() / ("flow-sim-" + std::to_string(std::random_device{}()))) {
    std::filesystem::create_directories(dir_ / "tls");
    const auto kioskCa = jobcenter::makeLoopbackIdentity();
    const auto certificate = kioskCa.issueClientCertificate("flow-kiosk");
    std::ofstream(dir_ / "kiosk-ca.pem") << kioskCa.caPem();
    std::ofstream(dir_ / "tls/kiosk.pem") << certificate.certificatePem;
    jobcenter::writeSecretFile((dir_ / "tls/kiosk.key").string(), certificate.privateKeyPem);
    std::vector<std::string> args{"--port", "0", "--db", database().string(), "--seed", "demo", "--cert-dir",
                                                (dir_ / "tls").string(), "--kiosk-ca", (dir_ / "kiosk-ca.pem").string(),
                                                "--pin-pepper-file", (dir_ / "pepper").string(), "--device-poll-seconds",
                                                std::to_string(policy.devicePollSeconds), "--device-code-seconds",
                                                std::to_string(policy.deviceCodeSeconds), "--move-cutoff-days",
                                                std::to_string(policy.moveCutoffDays), "--max-open-bookings",
                                                std::to_string(policy.maxOpenSelfBookings)};
    if (noRateLimits) args.push_back("--no-rate-limits");
    args_ = args;
    sim_ = std::make_unique<JobcenterSimProcess>(JOBCENTER_SIM, args);
    const std::string baseUrl = sim_->valueAfter("jobcenter-sim listening on ");
    args_[1] = baseUrl.substr(baseUrl.rfind(':') + 1);  // a restarted server listens where the kiosk looks
    const std::string pin = sim_->valueAfter("public key pin: ");
    const nlohmann::json file = {
        {"kioskId", "flow-kiosk"},
        {"placeName", "Flow tests"},
        {"bookingSystem",
         {{"baseUrl", baseUrl}, {"caFile", "tls/ca.pem"}, {"pins", {pin}}, {"clientCertificate", "tls/kiosk.pem"}, {"clientKey", "tls/kiosk.key"}}},
        {"languages", languages},
        {"adminPinHash", "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNo"},
        {"usageFigures", {{"send", false}}}};
    std::ofstream(configFile()) << file.dump(2);
  }
  ~SeparateJobcenter() {
    sim_.reset();
    std::filesystem::remove_all(dir_);
  }
  SeparateJobcenter(const SeparateJobcenter&) = delete;
  SeparateJobcenter& operator=(const SeparateJobcenter&) = delete;

  std::filesystem::path configFile() const { return dir_ / "kiosk.json"; }
  std::filesystem::path database() const { return dir_ / "jobcenter.sqlite"; }  // SQLite in WAL mode: a test may read it too
  const std::filesystem::path& dir() const { return dir_; }
  void stop() { sim_->stop(); }  // the booking system going away, as a machine room sees it

  // Frozen (SIGSTOP): connections are accepted by the kernel, nothing answers.
  void freeze() { sim_->signal(SIGSTOP); }
  // Killed (SIGKILL, frozen or not), and started again on the same port, database and keys, as
  // systemd restarts a crashed service.
  void kill() {
    sim_->signal(SIGKILL);
    sim_->reap();
  }
  void restart() {
    sim_ = std::make_unique<JobcenterSimProcess>(JOBCENTER_SIM, args_);
    sim_->valueAfter("public key pin: ");
  }
  // Its disk as good as full: no file of its may grow past `bytes` (RLIMIT_FSIZE's soft limit,
  // set on the running process, so lifting it again with RLIM_INFINITY needs no privilege).
  bool limitFiles(rlim_t bytes) {
    const rlimit limit{bytes, RLIM_INFINITY};
    return ::prlimit(sim_->pid(), RLIMIT_FSIZE, &limit, nullptr) == 0;
  }

 private:
  std::filesystem::path dir_;
  std::vector<std::string> args_;  // how it was started: the same again on a restart
  std::unique_ptr<JobcenterSimProcess> sim_;
};
