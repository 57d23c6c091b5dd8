// [SECTION] Index: targets, writing with a deadline, the three ways out, the worker, UI side.

#include "kiosk/services/receipt_printer.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

#include "kiosk/services/card_layout.h"
#include "kiosk/services/child_process.h"

namespace kiosk::services {
namespace {

using Clock = std::chrono::steady_clock;

// [SECTION] Targets

bool validQueueName(const std::string& queue) {
  // CUPS queue names: printable, no spaces, slashes or '#'. Stricter here, and never an option.
  if (queue.empty() || queue.size() > 127 || queue.front() == '-') return false;
  return std::all_of(queue.begin(), queue.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
}

}  // namespace

PrinterTarget parsePrinterTarget(const std::string& target) {
  PrinterTarget t;
  if (target.rfind("cups:", 0) == 0) {
    t.where = target.substr(5);
    if (validQueueName(t.where)) t.kind = PrinterTarget::Kind::Cups;
    else t.whyInvalid = "not a CUPS queue name: \"" + t.where + "\"";
  } else if (target.rfind("file:", 0) == 0) {
    t.where = target.substr(5);
    if (!t.where.empty() && t.where.front() == '/') t.kind = PrinterTarget::Kind::File;
    else t.whyInvalid = "a file: target needs an absolute path";
  } else if (!target.empty() && target.front() == '/') {
    t.kind = PrinterTarget::Kind::Device;
    t.where = target;
  } else {
    t.whyInvalid = target.empty() ? "no receipt printer is configured"
                                  : "unknown printer target \"" + target + "\" (a device path, cups:QUEUE or file:/path)";
  }
  return t;
}

namespace {

// [SECTION] Writing with a deadline

struct Outcome {
  bool ok = false;
  std::string why;
};

Outcome failed(std::string why) { return {false, std::move(why)}; }
std::string errnoText(int error) { return strerror(error); }

int millisecondsLeft(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 60'000));
}

// Consumes a SIGPIPE raised by writing to a pipe whose reader has gone (blocked on this
// thread, so it would stay pending).
void clearPendingSigpipe() {
  sigset_t pipe;
  sigemptyset(&pipe);
  sigaddset(&pipe, SIGPIPE);
  const timespec zero{0, 0};
  while (sigtimedwait(&pipe, nullptr, &zero) == SIGPIPE) {
  }
}

// Writes all of bytes to a non-blocking fd, waiting for room at most until deadline.
Outcome writeAll(int fd, const std::vector<uint8_t>& bytes, Clock::time_point deadline, const std::string& what) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n > 0) {
      done += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
      const int error = errno;
      if (error == EPIPE) clearPendingSigpipe();
      return failed(what + " stopped taking the card: " + errnoText(error));
    }
    pollfd p{fd, POLLOUT, 0};
    const int left = millisecondsLeft(deadline);
    if (left == 0 || poll(&p, 1, left) == 0) {
      return failed(what + " did not take the card in time (off, out of paper or busy?)");
    }
    if (p.revents & (POLLERR | POLLHUP | POLLNVAL)) return failed(what + " went away while printing");
  }
  return {true, {}};
}

// [SECTION] The three ways out

Outcome sendToDevice(const std::string& path, const std::vector<uint8_t>& bytes, Clock::time_point deadline) {
  const int fd = open(path.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return failed("the printer " + path + " cannot be opened: " + errnoText(errno));
  Outcome outcome = writeAll(fd, bytes, deadline, "the printer " + path);
  if (close(fd) != 0 && outcome.ok) outcome = failed("the printer " + path + ": " + errnoText(errno));
  return outcome;
}

Outcome sendToFile(const std::string& path, const std::vector<uint8_t>& bytes, Clock::time_point deadline) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return failed("the file " + path + " cannot be written: " + errnoText(errno));
  Outcome outcome = writeAll(fd, bytes, deadline, "the file " + path);
  if (close(fd) != 0 && outcome.ok) outcome = failed("the file " + path + ": " + errnoText(errno));
  return outcome;
}

// lp runs as a child process (kiosk/services/child_process.h): the card on its stdin, within the
// printer's deadline, its process group killed if it does not finish.
Outcome sendToCups(const std::string& queue, const std::vector<uint8_t>& bytes, const std::string& lpCommand,
                   Clock::time_point deadline) {
  const auto lp = findProgram(lpCommand);
  if (!lp) return failed("cannot print to CUPS queue " + queue + ": " + lpCommand + " is not installed (package cups-client)");

  ChildLimits limits;
  limits.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  limits.maxOutput = 64u << 10;  // "request id is …": nobody needs it, and lp says no more
  const std::string_view card(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  constexpr int kNobodyCancels = -1;
  ChildOutcome run = runChild(*lp, {"-d", queue, "-o", "raw"}, card, limits, kNobodyCancels, {});
  wipeBytes(run.out);
  switch (run.status) {
    case ChildOutcome::Status::TimedOut: return failed("lp did not finish in time");
    case ChildOutcome::Status::TooMuchOutput: return failed("lp said too much while printing to queue " + queue);
    case ChildOutcome::Status::Failed: return failed("cannot print to CUPS queue " + queue + ": " + run.diagnostic);
    case ChildOutcome::Status::Cancelled:  // nobody cancels
    case ChildOutcome::Status::Exited: break;
  }
  if (run.exitCode != 0) {
    // Its own words (the first line of its stderr) beat "stopped taking the card": lp may quit
    // before reading everything.
    return failed("lp refused the card for queue " + queue + (run.diagnostic.empty() ? std::string() : ": " + run.diagnostic));
  }
  if (run.inputTaken < bytes.size()) return failed("lp stopped taking the card");
  return {true, {}};
}

void wipe(std::vector<uint8_t>& bytes) { wipeBytes(bytes); }
void wipe(std::string& s) { wipeString(s); }

void wipe(AppointmentCard& card) {
  for (auto& line : card.lines) {
    wipe(line.citizen);
    wipe(line.danish);
  }
  wipe(card.calendar);
}

}  // namespace

// [SECTION] The worker

struct ReceiptPrinter::Worker {
  struct Job {
    std::vector<uint8_t> bytes;
    std::optional<AppointmentCard> card;  // encoded on the worker when set
    CardFonts fonts;
    Done done;
    StatusDone statusDone;  // set: a status question (DLE EOT), not a card
  };
  struct Result {
    Outcome outcome;
    Done done;
    StatusDone statusDone;
    std::optional<PrinterStatus> status;
  };

  PrinterConfig config;
  PrinterTarget target;
  std::function<void()> wakeUi;

  mutable std::mutex mutex;
  std::condition_variable wake;
  std::deque<Job> jobs;
  std::deque<Result> results;
  bool sending = false;
  bool stopping = false;
  std::thread thread;

  Outcome send(std::vector<uint8_t>& bytes) const {
    const auto deadline = Clock::now() + config.timeout;
    switch (target.kind) {
      case PrinterTarget::Kind::Device: return sendToDevice(target.where, bytes, deadline);
      case PrinterTarget::Kind::File: return sendToFile(target.where, bytes, deadline);
      case PrinterTarget::Kind::Cups: return sendToCups(target.where, bytes, config.lpCommand, deadline);
      case PrinterTarget::Kind::Invalid: break;
    }
    return failed(target.whyInvalid);
  }

  void run() {
    // A printer pipe whose reader died must fail the write (EPIPE), not kill the kiosk.
    sigset_t pipeSignal;
    sigemptyset(&pipeSignal);
    sigaddset(&pipeSignal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSignal, nullptr);

    for (;;) {
      Job job;
      {
        std::unique_lock lock(mutex);
        wake.wait(lock, [&] { return stopping || !jobs.empty(); });
        if (stopping) {
          for (auto& waiting : jobs) {
            wipe(waiting.bytes);
            if (waiting.card) wipe(*waiting.card);
          }
          jobs.clear();
          return;
        }
        job = std::move(jobs.front());
        jobs.pop_front();
        sending = true;
      }
      if (job.statusDone) {
        // Between cards, on this thread: a question never cuts into a card being sent.
        auto status = askPrinterStatus(target.where, config.statusTimeout);
        Result result{status ? Outcome{true, {}} : failed(status.failure().detail), {}, std::move(job.statusDone), std::nullopt};
        if (status) result.status = *status;
        {
          std::lock_guard lock(mutex);
          results.push_back(std::move(result));
          sending = false;
        }
        if (wakeUi) wakeUi();
        continue;
      }
      if (job.card) {
        job.bytes = encodeAppointmentCard(*job.card, job.fonts);
        wipe(*job.card);
      }
      Outcome outcome = send(job.bytes);
      wipe(job.bytes);
      {
        std::lock_guard lock(mutex);
        results.push_back({std::move(outcome), std::move(job.done), {}, std::nullopt});
        sending = false;
      }
      if (wakeUi) wakeUi();
    }
  }
};

ReceiptPrinter::ReceiptPrinter(PrinterConfig config, std::function<void()> wakeUi) : worker_(std::make_unique<Worker>()) {
  worker_->target = parsePrinterTarget(config.target);
  worker_->config = std::move(config);
  worker_->wakeUi = std::move(wakeUi);
  worker_->thread = std::thread([w = worker_.get()] { w->run(); });
}

ReceiptPrinter::~ReceiptPrinter() {
  {
    std::lock_guard lock(worker_->mutex);
    worker_->stopping = true;
  }
  worker_->wake.notify_one();
  worker_->thread.join();
}

// [SECTION] UI side

void ReceiptPrinter::print(std::vector<uint8_t> bytes, Done done) {
  {
    std::lock_guard lock(worker_->mutex);
    worker_->jobs.push_back({std::move(bytes), std::nullopt, CardFonts{}, std::move(done), {}});
  }
  worker_->wake.notify_one();
}

void ReceiptPrinter::print(AppointmentCard card, CardFonts fonts, Done done) {
  {
    std::lock_guard lock(worker_->mutex);
    worker_->jobs.push_back({{}, std::move(card), std::move(fonts), std::move(done), {}});
  }
  worker_->wake.notify_one();
}

bool ReceiptPrinter::twoWay() const { return worker_->target.kind == PrinterTarget::Kind::Device; }

void ReceiptPrinter::askStatus(StatusDone done) {
  if (!twoWay()) {
    // Answered at the next drain, like any other result: nothing can be asked of a queue or a file.
    std::lock_guard lock(worker_->mutex);
    worker_->results.push_back({failed("the printer target " + worker_->config.target + " is one-way: no status to ask"), {}, std::move(done), std::nullopt});
    return;
  }
  {
    std::lock_guard lock(worker_->mutex);
    worker_->jobs.push_back({{}, std::nullopt, CardFonts{}, {}, std::move(done)});
  }
  worker_->wake.notify_one();
}

int ReceiptPrinter::drain() {
  std::deque<Worker::Result> ready;
  {
    std::lock_guard lock(worker_->mutex);
    ready.swap(worker_->results);
  }
  int ran = 0;
  for (auto& result : ready) {
    if (result.statusDone) {
      if (result.status) result.statusDone(*result.status);
      else result.statusDone(failure(std::move(result.outcome.why)));
      ++ran;
      continue;
    }
    if (!result.done) continue;
    if (result.outcome.ok) result.done({});
    else result.done(failure(std::move(result.outcome.why), "booked.print_failed"));
    ++ran;
  }
  return ran;
}

bool ReceiptPrinter::busy() const {
  std::lock_guard lock(worker_->mutex);
  return worker_->sending || !worker_->jobs.empty() || !worker_->results.empty();
}

bool ReceiptPrinter::sending() const {
  std::lock_guard lock(worker_->mutex);
  return worker_->sending || !worker_->jobs.empty();
}

const PrinterConfig& ReceiptPrinter::config() const { return worker_->config; }

}  // namespace kiosk::services
