#include "kiosk/screens/joblog_entry.h"

#include <algorithm>

#include "kiosk/i18n/date_format.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/screens/joblog_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {
namespace {

// When it happened, as a citizen says it: today, yesterday, 2 days ago ... 6 days ago.
constexpr std::string_view kDaysAgo[] = {"joblog.days_ago.0", "joblog.days_ago.1", "joblog.days_ago.2", "joblog.days_ago.3",
                                         "joblog.days_ago.4", "joblog.days_ago.5", "joblog.days_ago.6"};
constexpr int kDaysBack = static_cast<int>(std::size(kDaysAgo));

// As many suggestions to a row as the text size allows, fewer where one would not fit its
// button: a wished job is often one long Danish word ("Køkkenmedhjælper"), which cannot wrap,
// and three to a row at 150 % cut it off (the monkey found it).
int suggestionColumns(ui::Ui& ui, const std::vector<std::string>& suggestions, float width, float gap) {
  const float padding = ui.px(ui::design::kChoicePadding);
  for (int columns = ui.byTextSize(3, 3, 1); columns > 1; --columns) {
    const float cellW = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const bool allFit = std::none_of(suggestions.begin(), suggestions.end(), [&](const std::string& s) {
      return ui.text().layout(s, ui::FontRole::Label, cellW - 2 * padding).paragraph->overflows;
    });
    if (allFit) return columns;
  }
  return 1;
}

}  // namespace

void JoblogEntry::onEnter(const ScreenContext& context) {
  const JoblogDraft& d = context.citizen.joblogDraft;
  job_.value = d.jobTitle;
  employer_.value = d.employerName;
  address_.value = d.employerAddress;
  description_.value = d.description;
  description_.maxBytes = 1000;
  address_.maxBytes = 300;
  keyboard_ = ui::keyboardFor(context.preferences.language);
  question_ = d.kind == domain::JoblogKind::Application ? Question::Job : Question::Employer;
}

JoblogDraft JoblogEntry::draftFromFields(const ScreenContext& context) const {
  JoblogDraft d = context.citizen.joblogDraft;
  d.jobTitle = job_.value;
  d.employerName = employer_.value;
  d.employerAddress = address_.value;
  d.description = description_.value;
  return d;
}

void JoblogEntry::drawTyping(ui::Ui& ui, const DockParts& dock, ui::TextFieldState& field) {
  ui::textField(ui, "joblog-field", field, dock.field, true);
  ui::keyboard(ui, keyboard_, field, dock.keyboard);
}

void JoblogEntry::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const JoblogDraft& draft = citizen.joblogDraft;
  const bool application = draft.kind == domain::JoblogKind::Application;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  // The questions this kind of entry asks, in order; "Employer" stands for "what did you do" in
  // an entry that is not an application.
  std::vector<Question> questions = application ? std::vector<Question>{Question::Job, Question::Employer, Question::Address, Question::How, Question::When, Question::Save}
                                                : std::vector<Question>{Question::Employer, Question::When, Question::Save};
  const auto at = std::find(questions.begin(), questions.end(), question_);
  const int step = static_cast<int>(at - questions.begin()) + 1;
  const int steps = static_cast<int>(questions.size());

  std::string titleKey;
  ui::TextFieldState* field = nullptr;
  switch (question_) {
    case Question::Job: titleKey = "joblog.q_job"; field = &job_; break;
    case Question::Employer: titleKey = application ? "joblog.q_employer" : "joblog.q_other"; field = application ? &employer_ : &description_; break;
    case Question::Address: titleKey = "joblog.q_address"; field = &address_; break;
    case Question::How: titleKey = "joblog.q_how"; break;
    case Question::When: titleKey = "joblog.q_when"; break;
    case Question::Save: titleKey = "joblog.q_save"; break;
  }
  // Suggestions for the job title: the citizen's own wished jobs, one tap each.
  std::vector<std::string> suggestions;
  if (question_ == Question::Job && citizen.summary) suggestions = citizen.summary->wishedJobTitles;
  const int suggestColumns = suggestionColumns(ui, suggestions, width, gap);
  const float suggestW = (width - gap * static_cast<float>(suggestColumns - 1)) / static_cast<float>(suggestColumns);
  float suggestH = 0;
  for (const auto& s : suggestions) suggestH = std::max(suggestH, ui::choiceHeight(ui, s, suggestW));
  const size_t suggestRows = (suggestions.size() + static_cast<size_t>(suggestColumns) - 1) / static_cast<size_t>(suggestColumns);

  std::string status;
  if (citizen.joblogSave.sending()) status = ui.tr("common.wait");
  else if (citizen.joblogSave.failed()) status = ui.tr(api::catalogKey(citizen.joblogSave.error)) + " " + ui.tr("joblog.kept");

  std::vector<ui::CardSpec> summary;
  if (question_ == Question::Save) {
    if (application) summary.push_back({.id = "joblog-sum-job", .title = job_.value, .icon = ui::icon::kJobOpportunities});
    else summary.push_back({.id = "joblog-sum-other", .title = description_.value, .icon = ui::icon::kJobSearch});
    if (!employer_.value.empty() && application) {
      summary.push_back({.id = "joblog-sum-employer",
                         .title = employer_.value,
                         .lines = address_.value.empty() ? std::vector<std::string>{} : std::vector<std::string>{address_.value},
                         .icon = ui::icon::kPlace});
    }
    if (draft.how) summary.push_back({.id = "joblog-sum-how", .title = ui.tr(howKey(*draft.how)), .icon = ui::icon::kWishes});
    summary.push_back({.id = "joblog-sum-when", .title = ui.tr(kDaysAgo[std::clamp(draft.daysAgo, 0, kDaysBack - 1)]), .icon = ui::icon::kWhen});
    for (auto& s : summary) s.pressable = false;
  }

  float contentH = 0;
  if (field) {
    if (!suggestions.empty()) contentH += static_cast<float>(suggestRows) * (suggestH + gap);
  } else if (question_ == Question::How) {
    for (const auto& h : kHow) contentH += ui::choiceHeight(ui, ui.tr(h.key), width) + gap / 2;
  } else if (question_ == Question::When) {
    for (const auto key : kDaysAgo) contentH += ui::choiceHeight(ui, ui.tr(key), width) + gap / 2;
  } else {
    for (const auto& s : summary) contentH += ui::cardHeight(ui, s, width);
    contentH += gap + (status.empty() ? 0 : ui::textHeight(ui, status, FontRole::Label, width) + gap);
  }

  // Optional questions (employer's address) can be passed by; the rest need an answer.
  const bool optional = question_ == Question::Address || (question_ == Question::Employer && application);
  const bool answered = field ? (!field->value.empty() || optional) : (question_ != Question::How || draft.how.has_value());
  StepFooter footer{.back = !citizen.joblogSave.sending()};
  if (field || question_ == Question::How) footer = {true, "common.next", ui::icon::kForward, answered};
  if (question_ == Question::Save) footer = {!citizen.joblogSave.sending(), citizen.joblogSave.failed() ? "common.try_again" : "joblog.save", ui::icon::kConfirmed, !citizen.joblogSave.sending()};
  // The field with what is typed and its keyboard are docked above the footer: in view at every
  // size and in low reach, however long the entry grows.
  if (field) {
    footer.dock = {.fieldH = ui::textFieldHeight(ui, *field, width),
                   .keyboardH = ui::keyboardHeight(ui, keyboard_, width),
                   .keyboardMinH = ui::keyboardMinHeight(ui, keyboard_, width),
                   .field = field};
  }
  const ui::Rect page = page_.begin(ui, {.key = titleKey, .shown = ui.tr(titleKey), .step = step, .steps = steps}, area, contentH, footer);

  JoblogDraft next = draftFromFields(context);
  bool advance = false;
  float y = page.y;
  if (field) {
    if (!suggestions.empty()) {
      for (size_t i = 0; i < suggestions.size(); ++i) {
        const size_t row = i / static_cast<size_t>(suggestColumns), col = i % static_cast<size_t>(suggestColumns);
        const ui::Rect r = ui.place({page.x + static_cast<float>(col) * (suggestW + gap), y + static_cast<float>(row) * (suggestH + gap), suggestW, suggestH}, page);
        if (ui::choiceButton(ui, "joblog.suggestion." + std::to_string(i), suggestions[i], r, {.selected = job_.value == suggestions[i]})) {
          job_.value = suggestions[i];
          next.jobTitle = job_.value;
        }
      }
      y += static_cast<float>(suggestRows) * (suggestH + gap);
    }
  } else if (question_ == Question::How) {
    for (const auto& h : kHow) {
      const float hh = ui::choiceHeight(ui, ui.tr(h.key), width);
      if (ui::choiceButton(ui, h.key, ui.tr(h.key), {page.x, y, width, hh}, {.selected = draft.how == h.how})) {
        next.how = h.how;
        advance = true;
      }
      y += hh + gap / 2;
    }
  } else if (question_ == Question::When) {
    for (int d = 0; d < kDaysBack; ++d) {
      const std::string_view key = kDaysAgo[d];
      const float hh = ui::choiceHeight(ui, ui.tr(key), width);
      if (ui::choiceButton(ui, key, ui.tr(key), {page.x, y, width, hh}, {.selected = draft.daysAgo == d})) {
        next.daysAgo = d;
        advance = true;
      }
      y += hh + gap / 2;
    }
  } else {
    for (const auto& s : summary) {
      const float h = ui::cardHeight(ui, s, width);
      ui::PersonalData personal(ui.tree());
      ui::card(ui, s, {page.x, y, width, h});
      y += h;
    }
    y += gap;
    if (!status.empty()) ui::statusText(ui, "joblog-save-status", status, ui.place({page.x, y, width, 0}, page));
  }
  if (field && !page_.docked()) drawTyping(ui, page_.dock(), *field);
  const StepAction action = page_.end(ui);
  if (field && page_.docked()) drawTyping(ui, page_.dock(), *field);
  if (field) next = draftFromFields(context);
  if (!(next == draft)) out.push_back(UpdateJoblogDraft{next});
  if (action == StepAction::Next && question_ == Question::Save) {
    out.push_back(SaveJoblogEntry{});
  } else if (action == StepAction::Next || advance) {
    question_ = *std::next(at);
  } else if (action == StepAction::Back) {
    if (at == questions.begin()) out.push_back(GoBack{});
    else question_ = *std::prev(at);
  }
}

}  // namespace kiosk::screens
