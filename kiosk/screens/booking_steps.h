#pragma once
// Booking a meeting, one question per screen (DESIGN §4.6): topics → contact form → consultant →
// day and time → wishes and interpreter → confirm. Moving a booking reuses the time and confirm
// steps. The step counter each of those screens shows comes from here.

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

inline constexpr int kBookingSteps = 6;

// Step numbers: a move has two steps (time, confirm).
int bookingStep(const BookingDraft& draft, ScreenId screen);
int bookingSteps(const BookingDraft& draft);

}  // namespace kiosk::screens
