#pragma once
// The appointment card laid out for the receipt printer: which line goes as printer text and
// which is drawn, at what size, with what space between, where the rules and the QR code go.

#include <cstdint>
#include <vector>

#include "kiosk/services/appointment_card.h"
#include "kiosk/services/card_fonts.h"

namespace kiosk::services {

// The whole card, from ESC @ to the cut. With unusable fonts the citizen-language lines are
// left out and the Danish card still prints.
std::vector<uint8_t> encodeAppointmentCard(const AppointmentCard& card, const CardFonts& fonts);

}  // namespace kiosk::services
