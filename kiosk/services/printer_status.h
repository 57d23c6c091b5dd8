#pragma once
// The receipt printer's own status, where the printer can answer (a two-way device such as
// /dev/usb/lp0 or a serial port): ESC/POS "transmit real-time status", DLE EOT n (0x10 0x04 n),
// asked for n = 1 (printer), 2 (offline cause), 3 (error cause) and 4 (roll paper sensor), one
// byte back each. A one-way target (a CUPS queue, a file, a printer that does not answer) has no
// status: it stays unknown, and only a card that failed says something is wrong.

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/result.h"

namespace kiosk::services {

struct PrinterStatus {
  enum class Paper { Present, NearEnd, Out } paper = Paper::Present;
  bool coverOpen = false;
  bool offline = false;
  bool error = false;  // a cutter error, or an error the printer cannot recover from by itself
  bool operator==(const PrinterStatus&) const = default;
};

// The four answers to DLE EOT 1, 2, 3, 4, in that order; nothing when one is not a status byte
// (each has bit 1 and bit 4 set and bits 0 and 7 clear).
std::optional<PrinterStatus> decodePrinterStatus(const std::array<uint8_t, 4>& answers);

// Opens the device read-write, asks DLE EOT 1..4 and decodes the answers, each within `timeout`.
// A failure's detail says why (cannot be opened two-way, no answer, not a status byte).
Result<PrinterStatus> askPrinterStatus(const std::string& device, std::chrono::milliseconds timeout);

}  // namespace kiosk::services
