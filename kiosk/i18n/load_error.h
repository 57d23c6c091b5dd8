#pragma once
#include <stdexcept>

namespace kiosk::i18n {

// A catalog or language file that cannot be used; the message names the file and what is wrong.
struct LoadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace kiosk::i18n
