#include "kiosk/screens/joblog.h"

#include <algorithm>

#include "kiosk/i18n/date_format.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {
namespace {

struct HowWords {
  domain::HowApplied how;
  std::string_view key;
  char32_t icon;
};
constexpr HowWords kHow[] = {
    {domain::HowApplied::OnlineForm, "joblog.how.online_form", ui::icon::kPlan},
    {domain::HowApplied::Email, "joblog.how.email", ui::icon::kWishes},
    {domain::HowApplied::InPerson, "joblog.how.in_person", ui::icon::kInPerson},
    {domain::HowApplied::Phone, "joblog.how.phone", ui::icon::kCall},
    {domain::HowApplied::Unsolicited, "joblog.how.unsolicited", ui::icon::kJobOpportunities},
};

// When it happened, as a citizen says it: today, yesterday, 2 days ago ... 6 days ago.
constexpr std::string_view kDaysAgo[] = {"joblog.days_ago.0", "joblog.days_ago.1", "joblog.days_ago.2", "joblog.days_ago.3",
                                         "joblog.days_ago.4", "joblog.days_ago.5", "joblog.days_ago.6"};
constexpr int kDaysBack = static_cast<int>(std::size(kDaysAgo));

std::string_view howKey(domain::HowApplied how) {
  for (const auto& h : kHow) {
    if (h.how == how) return h.key;
  }
  return kHow[0].key;
}

}  // namespace

// [SECTION] The list

void Joblog::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  std::string status = remoteStatus(ui, citizen.joblog);
  if (status.empty() && citizen.joblog.value->entries.empty()) status = ui.tr("joblog.none");
  std::string week;
  if (citizen.summary && citizen.summary->joblogWeeklyTarget > 0) {
    week = ui.format("joblog.this_week", {{"count", int64_t{citizen.summary->joblogThisWeek}}, {"target", int64_t{citizen.summary->joblogWeeklyTarget}}});
  }
  const ui::TileSpec addJob{"joblog.add_application", "joblog.add_application.hint", ui::icon::kAdd};
  const ui::TileSpec addOther{"joblog.add_other", "joblog.add_other.hint", ui::icon::kJobSearch};
  const bool sideBySide = ui.textScale() < 1.6f;
  const float tileW = sideBySide ? (width - gap) / 2 : width;
  const float tileH = std::max(ui::tileContentHeight(ui, addJob, tileW), ui::tileContentHeight(ui, addOther, tileW));
  std::vector<ui::CardSpec> cards;
  if (citizen.joblog.ready()) {
    for (const auto& e : citizen.joblog.value->entries) {
      ui::CardSpec spec{"entry." + e.id, e.jobTitle.value_or(e.description.value_or("")), {}, ui::icon::kJoblog};
      spec.lines.push_back(i18n::formatIsoDate(ui.language(), e.date));
      if (e.employer) spec.lines.push_back(e.employer->name);
      if (e.how) spec.lines.push_back(ui.tr(howKey(*e.how)));
      spec.pressable = false;
      cards.push_back(std::move(spec));
    }
  }
  float contentH = (week.empty() ? 0 : ui::textHeight(ui, week, FontRole::Label, width) + gap) + (sideBySide ? tileH : 2 * tileH + gap) + gap;
  contentH += status.empty() ? 0 : ui::textHeight(ui, status, FontRole::Label, width) + gap;
  for (const auto& c : cards) contentH += ui::cardHeight(ui, c, width) + gap / 2;

  const ui::Rect page = page_.begin(ui, "joblog.title", ui.tr("joblog.title"), 0, 0, area, contentH, {});
  float y = page.y;
  if (!week.empty()) {
    ui::PersonalData personal(ui.tree());
    y += ui::paragraph(ui, "joblog.this_week", week, FontRole::Label, ui.colors().text, ui.place({page.x, y, width, 0}, page)) + gap;
  }
  if (ui::tile(ui, addJob, ui.place({page.x, y, tileW, tileH}, page))) out.push_back(StartJoblogEntry{domain::JoblogKind::Application});
  const ui::Rect otherRect = sideBySide ? ui::Rect{page.x + tileW + gap, y, tileW, tileH} : ui::Rect{page.x, y + tileH + gap, tileW, tileH};
  if (ui::tile(ui, addOther, ui.place(otherRect, page))) out.push_back(StartJoblogEntry{domain::JoblogKind::Other});
  y += (sideBySide ? tileH : 2 * tileH + gap) + gap;
  if (!status.empty()) y += ui::statusText(ui, "joblog-status", status, ui.place({page.x, y, width, 0}, page)) + gap;
  for (const auto& c : cards) {
    const float h = ui::cardHeight(ui, c, width);
    ui::PersonalData personal(ui.tree());
    ui::card(ui, c, {page.x, y, width, h});
    y += h + gap / 2;
  }
  if (page_.end(ui) == StepAction::Back) out.push_back(GoBack{});
}

// [SECTION] A new entry

void JoblogEntry::onEnter(const ScreenContext& context) {
  const JoblogDraft& d = context.citizen.joblogDraft;
  job_.value = d.jobTitle;
  employer_.value = d.employerName;
  address_.value = d.employerAddress;
  description_.value = d.description;
  description_.maxBytes = 1000;
  address_.maxBytes = 300;
  keyboard_.layout = ui::keyboardLayoutFor(context.preferences.language);
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

void JoblogEntry::drawTyping(ui::Ui& ui, const ScreenContext&, const ui::Rect& page, ui::TextFieldState& field, Intents&) {
  const float gap = ui.px(ui::design::kGap);
  float y = page.y;
  const float fieldH = ui::textFieldHeight(ui, field, page.w);
  ui::textField(ui, "joblog-field", field, {page.x, y, page.w, fieldH}, true);
  y += fieldH + gap;
  ui::keyboard(ui, keyboard_, field, {page.x, y, page.w, ui::keyboardHeight(ui, keyboard_, page.w)});
}

void JoblogEntry::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const JoblogDraft& draft = citizen.joblogDraft;
  const bool application = draft.kind == domain::JoblogKind::Application;
  if (citizen.joblogSave.done()) {
    out.push_back(GoTo{ScreenId::Joblog});
    return;
  }
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
  const int suggestColumns = ui.textScale() > 1.6f ? 1 : 3;
  const float suggestW = (width - gap * static_cast<float>(suggestColumns - 1)) / static_cast<float>(suggestColumns);
  float suggestH = 0;
  for (const auto& s : suggestions) suggestH = std::max(suggestH, ui::choiceHeight(ui, s, suggestW));
  const size_t suggestRows = (suggestions.size() + static_cast<size_t>(suggestColumns) - 1) / static_cast<size_t>(suggestColumns);

  std::string status;
  if (citizen.joblogSave.sending()) status = ui.tr("common.wait");
  else if (citizen.joblogSave.failed()) status = ui.tr(api::catalogKey(citizen.joblogSave.error)) + " " + ui.tr("joblog.kept");

  std::vector<ui::CardSpec> summary;
  if (question_ == Question::Save) {
    if (application) summary.push_back({"joblog-sum-job", job_.value, {}, ui::icon::kJobOpportunities});
    else summary.push_back({"joblog-sum-other", description_.value, {}, ui::icon::kJobSearch});
    if (!employer_.value.empty() && application) {
      summary.push_back({"joblog-sum-employer", employer_.value, address_.value.empty() ? std::vector<std::string>{} : std::vector<std::string>{address_.value}, ui::icon::kPlace});
    }
    if (draft.how) summary.push_back({"joblog-sum-how", ui.tr(howKey(*draft.how)), {}, ui::icon::kWishes});
    summary.push_back({"joblog-sum-when", ui.tr(kDaysAgo[std::clamp(draft.daysAgo, 0, kDaysBack - 1)]), {}, ui::icon::kWhen});
    for (auto& s : summary) s.pressable = false;
  }

  float contentH = 0;
  if (field) {
    contentH += ui::textFieldHeight(ui, *field, width) + gap + ui::keyboardHeight(ui, keyboard_, width);
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
  StepFooter footer{!citizen.joblogSave.sending(), "", 0, true};
  if (field || question_ == Question::How) footer = {true, "common.next", ui::icon::kForward, answered};
  if (question_ == Question::Save) footer = {!citizen.joblogSave.sending(), citizen.joblogSave.failed() ? "common.try_again" : "joblog.save", ui::icon::kConfirmed, !citizen.joblogSave.sending()};
  const ui::Rect page = page_.begin(ui, titleKey, ui.tr(titleKey), step, steps, area, contentH, footer);

  JoblogDraft next = draftFromFields(context);
  bool advance = false;
  float y = page.y;
  if (field) {
    if (!suggestions.empty()) {
      for (size_t i = 0; i < suggestions.size(); ++i) {
        const size_t row = i / static_cast<size_t>(suggestColumns), col = i % static_cast<size_t>(suggestColumns);
        const ui::Rect r = ui.place({page.x + static_cast<float>(col) * (suggestW + gap), y + static_cast<float>(row) * (suggestH + gap), suggestW, suggestH}, page);
        if (ui::choiceButton(ui, "joblog.suggestion." + std::to_string(i), suggestions[i], r, job_.value == suggestions[i])) {
          job_.value = suggestions[i];
          next.jobTitle = job_.value;
        }
      }
      y += static_cast<float>(suggestRows) * (suggestH + gap);
    }
    drawTyping(ui, context, {page.x, y, width, page.bottom() - y}, *field, out);
    next = draftFromFields(context);
  } else if (question_ == Question::How) {
    for (const auto& h : kHow) {
      const float hh = ui::choiceHeight(ui, ui.tr(h.key), width);
      if (ui::choiceButton(ui, h.key, ui.tr(h.key), {page.x, y, width, hh}, draft.how == h.how)) {
        next.how = h.how;
        advance = true;
      }
      y += hh + gap / 2;
    }
  } else if (question_ == Question::When) {
    for (int d = 0; d < kDaysBack; ++d) {
      const std::string_view key = kDaysAgo[d];
      const float hh = ui::choiceHeight(ui, ui.tr(key), width);
      if (ui::choiceButton(ui, key, ui.tr(key), {page.x, y, width, hh}, draft.daysAgo == d)) {
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
  if (!(next == draft)) out.push_back(UpdateJoblogDraft{next});
  const StepAction action = page_.end(ui);
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
