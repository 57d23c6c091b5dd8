#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// After login: first where the citizen stands ("you have a meeting, you need not book another",
// "book before 1 December"), with the one action that matches beside the next meeting (when,
// how it happens, until when it can be moved or cancelled); then the other services, the
// rating of the last meeting and "remember my settings". What it says follows
// domain::homeOutlook, decided when the summary arrives.
class Home final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Home; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  // The sentences made from dates, formatted by ICU once per language and summary, not every frame.
  struct Words {
    std::string notice, when, how, deadline, joblogCount;
  };
  void formatWords(const ui::Ui& ui, const domain::CitizenSummary& summary, domain::ContactNotice notice);

  StepPage page_;
  std::string formattedFor_;
  Words words_;
};

}  // namespace kiosk::screens
