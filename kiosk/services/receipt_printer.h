#pragma once
// Sends a card to the receipt printer on a worker thread of its own: the UI thread never waits
// on a device, a pipe or a disk. Results come back as callbacks the UI thread runs in drain(),
// once per frame, like kiosk/api/http_client.h. Every write has a time limit, so a printer that
// is off, out of paper or missing is a clear failure, never a hang. After sending, the card's
// bytes, its text and its raster images are overwritten with zeros (they hold meeting details;
// passing copies inside ICU and FreeType are not chased). Nothing is logged.
//
// Targets (PrinterConfig::target):
//   /dev/usb/lp0   a device, written directly (opened O_WRONLY|O_NONBLOCK, written with poll)
//   cups:QUEUE     a CUPS queue: `lp -d QUEUE -o raw` with the bytes on its stdin (lp comes from
//                  cups-client, which the kiosk does not build against; without it, printing
//                  fails saying so)
//   file:/path     a file, created 0600 (tests and the demo)

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/result.h"
#include "kiosk/services/appointment_card.h"
#include "kiosk/services/card_fonts.h"
#include "kiosk/services/printer_status.h"

namespace kiosk::services {

struct PrinterConfig {
  std::string target;
  std::chrono::milliseconds timeout{10000};  // for the whole card to be taken
  std::string lpCommand = "lp";              // looked up on PATH unless it holds a '/'
  std::chrono::milliseconds statusTimeout{1000};  // for a device's four DLE EOT answers
};

struct PrinterTarget {
  enum class Kind { Device, Cups, File, Invalid };
  Kind kind = Kind::Invalid;
  std::string where;  // the device or file path, or the queue name
  std::string whyInvalid;
};

// "cups:Kiosk_1" -> Cups "Kiosk_1"; "file:/tmp/card.bin" -> File; "/dev/usb/lp0" -> Device.
PrinterTarget parsePrinterTarget(const std::string& target);

class ReceiptPrinter {
 public:
  // A failure's detail names the device, queue or file and what went wrong (never the card).
  using Done = std::function<void(Result<void>)>;

  // wakeUi is called from the worker when a result is ready (e.g. Window::wake).
  ReceiptPrinter(PrinterConfig config, std::function<void()> wakeUi);
  // Joins the worker: a card being sent finishes (within the timeout); waiting ones are wiped
  // and dropped without their callbacks.
  ~ReceiptPrinter();
  ReceiptPrinter(const ReceiptPrinter&) = delete;
  ReceiptPrinter& operator=(const ReceiptPrinter&) = delete;

  // Queues bytes for the printer; returns at once. (UI thread.)
  void print(std::vector<uint8_t> bytes, Done done);
  // Encodes the card on the worker (FreeType drawing stays off the UI thread), then sends it;
  // the card's text is wiped there too. (UI thread.)
  void print(AppointmentCard card, CardFonts fonts, Done done);

  // A device can be asked for its own status (DLE EOT, printer_status.h); a CUPS queue or a file cannot.
  bool twoWay() const;
  // Asks the device for its status on the worker, between cards; returns at once. (UI thread.)
  using StatusDone = std::function<void(Result<PrinterStatus>)>;
  void askStatus(StatusDone done);

  // Runs the callbacks of finished jobs; returns how many ran. (UI thread.)
  int drain();
  bool busy() const;  // jobs waiting, one being sent, or results not yet drained
  bool sending() const;  // jobs waiting or one being sent (results to drain not counted)

  const PrinterConfig& config() const;

 private:
  struct Worker;
  std::unique_ptr<Worker> worker_;
};

}  // namespace kiosk::services
