#include "kiosk/services/printer_status.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk::services {
namespace {

constexpr uint8_t kDle = 0x10, kEot = 0x04;

bool isStatusByte(uint8_t b) { return (b & 0x93) == 0x12; }

using Clock = std::chrono::steady_clock;

int millisecondsLeft(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(left < 0 ? 0 : left);
}

// One question, one byte back.
Result<uint8_t> ask(int fd, uint8_t n, Clock::time_point deadline, const std::string& device) {
  const uint8_t question[3] = {kDle, kEot, n};
  size_t sent = 0;
  while (sent < sizeof question) {
    const ssize_t w = write(fd, question + sent, sizeof question - sent);
    if (w > 0) {
      sent += static_cast<size_t>(w);
      continue;
    }
    if (w < 0 && errno == EINTR) continue;
    if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return failure("the printer " + device + " did not take DLE EOT: " + strerror(errno));
    pollfd p{fd, POLLOUT, 0};
    if (poll(&p, 1, millisecondsLeft(deadline)) <= 0) return failure("the printer " + device + " did not take DLE EOT in time");
  }
  for (;;) {
    uint8_t answer = 0;
    const ssize_t r = read(fd, &answer, 1);
    if (r == 1) return answer;
    if (r < 0 && errno == EINTR) continue;
    if (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK) return failure("the printer " + device + " cannot be read: " + strerror(errno));
    pollfd p{fd, POLLIN, 0};
    const int ready = poll(&p, 1, millisecondsLeft(deadline));
    if (ready <= 0) return failure("the printer " + device + " did not answer DLE EOT " + std::to_string(n) + " (a one-way printer?)");
    if ((p.revents & POLLIN) == 0) return failure("the printer " + device + " went away while asked for its status");
  }
}

}  // namespace

std::optional<PrinterStatus> decodePrinterStatus(const std::array<uint8_t, 4>& a) {
  for (const uint8_t b : a) {
    if (!isStatusByte(b)) return std::nullopt;
  }
  PrinterStatus s;
  s.offline = (a[0] & 0x08) != 0;               // n=1 bit 3: offline
  s.coverOpen = (a[1] & 0x04) != 0;             // n=2 bit 2: cover open
  s.error = (a[1] & 0x40) != 0 || (a[2] & 0x2C) != 0;  // n=2 bit 6: an error; n=3 bits 2, 3, 5: cutter, unrecoverable, auto-recoverable
  // n=4 bits 5-6: roll paper end; bits 2-3: near end. The offline cause (n=2 bit 5) says
  // printing stopped for want of paper too.
  if ((a[3] & 0x60) != 0 || (a[1] & 0x20) != 0) s.paper = PrinterStatus::Paper::Out;
  else if ((a[3] & 0x0C) != 0) s.paper = PrinterStatus::Paper::NearEnd;
  return s;
}

Result<PrinterStatus> askPrinterStatus(const std::string& device, std::chrono::milliseconds timeout) {
  const int fd = open(device.c_str(), O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return failure("the printer " + device + " cannot be opened two-way: " + strerror(errno));
  // A serial printer (a tty): raw bytes both ways, nothing read as a line or a control character.
  if (isatty(fd)) {
    termios raw{};
    if (tcgetattr(fd, &raw) == 0) {
      cfmakeraw(&raw);
      tcsetattr(fd, TCSANOW, &raw);
    }
  }
  const auto deadline = Clock::now() + timeout;
  std::array<uint8_t, 4> answers{};
  for (uint8_t n = 1; n <= 4; ++n) {
    auto answer = ask(fd, n, deadline, device);
    if (!answer) {
      close(fd);
      return answer.failure();
    }
    answers[n - 1] = *answer;
  }
  close(fd);
  const auto status = decodePrinterStatus(answers);
  if (!status) return failure("the printer " + device + " answered DLE EOT with something that is not a status");
  return *status;
}

}  // namespace kiosk::services
