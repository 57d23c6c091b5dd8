// libFuzzer target for one decoder, chosen at compile time with -DDECODER=<function>: any bytes
// in, a value or a DecodeError out — never a crash, a hang or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kiosk/api/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto decoded = kiosk::api::DECODER(body);
  if (const auto* error = std::get_if<kiosk::api::DecodeError>(&decoded)) {
    // A refusal must name what it refused.
    if (error->field.empty() || error->reason.empty()) __builtin_trap();
  }
  return 0;
}
