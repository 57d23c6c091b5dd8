#pragma once
// Booking a meeting, one question per screen (DESIGN §4.6): topics → contact form → consultant →
// day and time → wishes and interpreter → confirm. Moving a booking reuses the time and confirm
// steps. Each step reads the draft from the citizen view and returns what was picked.

#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text_field.h"

namespace kiosk::screens {

inline constexpr int kBookingSteps = 6;

class BookTopics final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookTopics; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

class BookContactForm final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookContactForm; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

class BookConsultant final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookConsultant; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

class BookTime final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookTime; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
  std::string day_;  // the day shown (YYYY-MM-DD in Copenhagen); empty: the first with free times
};

class BookWishes final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookWishes; }
  void onEnter(const ScreenContext& context) override;
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
  ui::TextFieldState wishes_;
  ui::KeyboardState keyboard_;
  bool typing_ = false;
  bool interpreter_ = false;
};

class BookConfirm final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookConfirm; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

// Step numbers: a move has two steps (time, confirm).
int bookingStep(const BookingDraft& draft, ScreenId screen);
int bookingSteps(const BookingDraft& draft);

}  // namespace kiosk::screens
