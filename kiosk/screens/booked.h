#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/ui/qr_code.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// The receipt: what the server confirmed — booked, moved or cancelled — with a pictogram per
// line, "print the appointment card", a QR code that puts the meeting in the phone's calendar,
// a reminder to fill in the job log, and log out.
class Booked final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Booked; }
  void onEnter(const ScreenContext& context) override;
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
  ui::QrMatrix calendar_;
};

}  // namespace kiosk::screens
