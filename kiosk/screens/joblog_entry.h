#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text_field.h"

namespace kiosk::screens {

// A new job log entry, one question at a time: the job (with suggestions from the citizen's
// wished job titles), the employer and address, how they applied, and when. What is typed stays
// on screen until the server has saved it, with "try again" if the network failed.
class JoblogEntry final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::JoblogEntry; }
  void onEnter(const ScreenContext& context) override;
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

  enum class Question { Job, Employer, Address, How, When, Save };

 private:
  void drawTyping(ui::Ui& ui, const DockParts& dock, ui::TextFieldState& field);
  JoblogDraft draftFromFields(const ScreenContext& context) const;

  StepPage page_;
  Question question_ = Question::Job;
  ui::TextFieldState job_, employer_, address_, description_;
  ui::KeyboardState keyboard_;
};

}  // namespace kiosk::screens
