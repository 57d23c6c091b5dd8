// The receipt printer's own status (ESC/POS DLE EOT): the four answer bytes decoded from fixtures
// as an Epson-compatible printer sends them, and the two-way exchange with a pseudo-terminal
// standing in for the device (as a serial printer is one).
#include <catch2/catch.hpp>

#include <poll.h>
#include <pty.h>
#include <unistd.h>

#include <thread>
#include <vector>

#include "kiosk/services/printer_status.h"
#include "kiosk/services/receipt_printer.h"
#include "wait_for.h"

using kiosk::services::PrinterStatus;
using kiosk::services::decodePrinterStatus;

namespace {

// Every answer byte has bits 1 and 4 set: 0x12 is "nothing to report".
constexpr uint8_t kQuiet = 0x12;

// A printer on the other end of a pseudo-terminal: answers each DLE EOT n with answers[n-1].
class FakeTwoWayPrinter {
 public:
  explicit FakeTwoWayPrinter(std::array<uint8_t, 4> answers, bool answering = true) {
    REQUIRE(openpty(&master_, &slave_, nullptr, nullptr, nullptr) == 0);
    path_ = ttyname(slave_);
    thread_ = std::thread([this, answers, answering] {
      std::vector<uint8_t> heard;
      while (heard.size() < 12) {
        pollfd p{master_, POLLIN, 0};
        if (poll(&p, 1, 1000) <= 0) return;  // the kiosk has stopped asking
        uint8_t b = 0;
        if (read(master_, &b, 1) != 1) return;
        heard.push_back(b);
        const size_t n = heard.size();
        if (n % 3 == 0 && answering && heard[n - 3] == 0x10 && heard[n - 2] == 0x04 && heard[n - 1] >= 1 && heard[n - 1] <= 4) {
          const uint8_t answer = answers[heard[n - 1] - 1];
          if (write(master_, &answer, 1) != 1) return;
        }
      }
      questions_ = heard;
    });
  }
  ~FakeTwoWayPrinter() {
    if (thread_.joinable()) thread_.join();
    close(master_);
    close(slave_);
  }
  const std::string& path() const { return path_; }
  // What the kiosk sent, once the exchange is over.
  std::vector<uint8_t> questions() {
    if (thread_.joinable()) thread_.join();
    return questions_;
  }

 private:
  int master_ = -1, slave_ = -1;
  std::string path_;
  std::thread thread_;
  std::vector<uint8_t> questions_;
};

}  // namespace

TEST_CASE("DLE EOT answers decode to paper present, near end or out, and the cover open") {
  CHECK(decodePrinterStatus({kQuiet, kQuiet, kQuiet, kQuiet}) == PrinterStatus{});
  // n=4 bits 2-3: the roll is near its end.
  CHECK(decodePrinterStatus({kQuiet, kQuiet, kQuiet, 0x1E})->paper == PrinterStatus::Paper::NearEnd);
  // n=4 bits 5-6: no paper (near end is then also set).
  CHECK(decodePrinterStatus({kQuiet, kQuiet, kQuiet, 0x7E})->paper == PrinterStatus::Paper::Out);
  // n=2 bit 5: printing stopped at the paper end, whatever the sensor byte said.
  CHECK(decodePrinterStatus({0x1A, 0x32, kQuiet, kQuiet})->paper == PrinterStatus::Paper::Out);
  // n=1 bit 3 offline, because n=2 bit 2: the cover is open.
  const auto open = decodePrinterStatus({0x1A, 0x16, kQuiet, kQuiet});
  CHECK(open->coverOpen);
  CHECK(open->offline);
  CHECK(open->paper == PrinterStatus::Paper::Present);
  // n=3 bit 3: an unrecoverable error; bit 2: the cutter.
  CHECK(decodePrinterStatus({kQuiet, kQuiet, 0x1A, kQuiet})->error);
  CHECK(decodePrinterStatus({kQuiet, kQuiet, 0x16, kQuiet})->error);
}

TEST_CASE("a byte that is not a DLE EOT answer is not taken for a status") {
  CHECK_FALSE(decodePrinterStatus({0x00, kQuiet, kQuiet, kQuiet}));  // bits 1 and 4 not set
  CHECK_FALSE(decodePrinterStatus({kQuiet, kQuiet, kQuiet, 0x93}));  // bit 0 and bit 7 set
  CHECK_FALSE(decodePrinterStatus({kQuiet, 'O', 'K', '\n'}));
}

TEST_CASE("a two-way printer is asked DLE EOT 1 to 4 and its answers read back") {
  FakeTwoWayPrinter printer({kQuiet, kQuiet, kQuiet, 0x1E});
  const auto status = kiosk::services::askPrinterStatus(printer.path(), std::chrono::milliseconds(2000));
  INFO((status ? std::string() : status.failure().detail));
  REQUIRE(status.ok());
  CHECK(status->paper == PrinterStatus::Paper::NearEnd);
  CHECK_FALSE(status->coverOpen);
  CHECK(printer.questions() == std::vector<uint8_t>{0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4});
}

TEST_CASE("a printer that does not answer DLE EOT is said to be one-way, within the time limit") {
  FakeTwoWayPrinter silent({kQuiet, kQuiet, kQuiet, kQuiet}, /*answering=*/false);
  const auto started = std::chrono::steady_clock::now();
  const auto status = kiosk::services::askPrinterStatus(silent.path(), std::chrono::milliseconds(300));
  REQUIRE_FALSE(status.ok());
  CHECK(status.failure().detail.find("did not answer DLE EOT 1") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
}

TEST_CASE("the receipt printer asks a device for its status on its worker; a file has none to ask") {
  FakeTwoWayPrinter device({0x1A, 0x16, kQuiet, kQuiet});
  kiosk::services::ReceiptPrinter printer({device.path()}, {});
  REQUIRE(printer.twoWay());
  std::optional<kiosk::Result<PrinterStatus>> answer;
  printer.askStatus([&](kiosk::Result<PrinterStatus> status) { answer = std::move(status); });
  REQUIRE(speech_test::waitFor([&] {
    printer.drain();
    return answer.has_value();
  }));
  REQUIRE(answer->ok());
  CHECK((*answer)->coverOpen);

  kiosk::services::ReceiptPrinter file({"file:/tmp/never-written.bin"}, {});
  CHECK_FALSE(file.twoWay());
  std::optional<kiosk::Result<PrinterStatus>> none;
  file.askStatus([&](kiosk::Result<PrinterStatus> status) { none = std::move(status); });
  file.drain();
  REQUIRE(none.has_value());
  CHECK_FALSE(none->ok());
}
