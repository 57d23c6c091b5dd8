#include "kiosk/screens/booking_steps.h"

namespace kiosk::screens {

int bookingSteps(const BookingDraft& draft) { return draft.moving() ? 2 : kBookingSteps; }

int bookingStep(const BookingDraft& draft, ScreenId screen) {
  if (draft.moving()) return screen == ScreenId::BookConfirm ? 2 : 1;
  switch (screen) {
    case ScreenId::BookTopics: return 1;
    case ScreenId::BookContactForm: return 2;
    case ScreenId::BookConsultant: return 3;
    case ScreenId::BookTime: return 4;
    case ScreenId::BookWishes: return 5;
    default: return 6;
  }
}

}  // namespace kiosk::screens
