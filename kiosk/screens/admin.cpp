#include "kiosk/screens/admin.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/colors.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {
namespace {

using ui::FontRole;

enum class Health { Good, Warning, Unknown };

struct Row {
  std::string id;      // the row's widget id
  Health health = Health::Unknown;
  std::string label;   // what it is and how it is ("Bookingsystemet svarer")
  std::string value;   // the measure beside it ("42 ms"), data
};

struct Panel {
  std::string titleKey;
  std::vector<Row> rows;
};

ui::Rgb dotColor(const ui::Ui& ui, Health health) {
  switch (health) {
    case Health::Good: return ui::kStatusGood;
    case Health::Warning: return ui::kStatusWarning;
    case Health::Unknown: return ui.colors().mutedText;
  }
  return ui.colors().mutedText;
}

std::string daysLeft(const ui::Ui& ui, std::optional<int> days) {
  return days ? ui.format("admin.value.expires", {{"days", int64_t{*days}}}) : ui.tr("admin.value.unknown");
}

Panel connection(const ui::Ui& ui, const AdminView& a) {
  Panel p{"admin.panel.connection", {}};
  if (!a.bookingSystemConfigured) {
    p.rows.push_back({"admin-booking", Health::Warning, ui.tr("admin.row.no_booking_system"), {}});
  } else if (a.reachable) {
    p.rows.push_back({"admin-booking", Health::Good, ui.tr("admin.row.booking_answers"),
                      a.roundTripMs ? std::to_string(*a.roundTripMs) + " ms" : std::string()});
  } else {
    p.rows.push_back({"admin-booking", Health::Warning, ui.tr("admin.row.booking_silent"), {}});
  }
  if (a.bookingSystemConfigured) {
    const Health server = !a.reachable ? Health::Unknown : !a.pinMatched ? Health::Warning
                          : a.serverCertificateDays && *a.serverCertificateDays < 30 ? Health::Warning : Health::Good;
    p.rows.push_back({"admin-server-certificate", server, ui.tr(a.reachable && !a.pinMatched ? "admin.row.server_certificate_wrong" : "admin.row.server_certificate"),
                      daysLeft(ui, a.serverCertificateDays)});
  }
  p.rows.push_back({"admin-client-certificate", !a.clientCertificateDays ? Health::Unknown : *a.clientCertificateDays < 30 ? Health::Warning : Health::Good,
                    ui.tr("admin.row.client_certificate"), daysLeft(ui, a.clientCertificateDays)});
  p.rows.push_back({"admin-heartbeat", a.lastHeartbeat.empty() ? Health::Unknown : Health::Good, ui.tr("admin.row.heartbeat"),
                    a.lastHeartbeat.empty() ? ui.tr("admin.value.not_yet") : a.lastHeartbeat});
  p.rows.push_back({"admin-settings", a.settingsFetchedAt.empty() ? Health::Unknown : Health::Good, ui.tr("admin.row.settings"),
                    a.settingsFetchedAt.empty() ? ui.tr("admin.value.not_yet") : ui.format("admin.value.fetched", {{"time", a.settingsFetchedAt}})});
  return p;
}

std::string printerLabelKey(const AdminView& a) {
  if (a.printerTarget.empty()) return "admin.row.no_printer";
  if (a.coverOpen) return "admin.row.printer_cover_open";
  switch (a.paper) {
    case AdminView::Paper::Present: return "admin.row.printer_paper";
    case AdminView::Paper::NearEnd: return "admin.row.printer_paper_low";
    case AdminView::Paper::Out: return "admin.row.printer_paper_out";
    case AdminView::Paper::Unknown: return "admin.row.printer_unknown";
  }
  return "admin.row.printer_unknown";
}

Panel devices(const ui::Ui& ui, const AdminView& a) {
  Panel p{"admin.panel.devices", {}};
  const Health printer = a.printerTarget.empty() || a.paper == AdminView::Paper::Unknown ? Health::Unknown
                         : a.paper == AdminView::Paper::Present && !a.coverOpen          ? Health::Good
                                                                                          : Health::Warning;
  p.rows.push_back({"admin-printer", printer, ui.tr(printerLabelKey(a)), a.printerTarget});
  p.rows.push_back({"admin-speech", a.voices.empty() ? Health::Warning : Health::Good,
                    ui.format("admin.row.voices", {{"count", int64_t(a.voices.size())}}), {}});
  p.rows.push_back({"admin-display", Health::Good, ui.format("admin.row.display", {{"size", a.display}}), {}});
  const bool fileOk = a.configState.empty() || a.configState == "valid";
  p.rows.push_back({"admin-config", a.configFile.empty() ? Health::Unknown : fileOk ? Health::Good : Health::Warning,
                    ui.tr(a.configFile.empty() ? "admin.row.no_config_file" : fileOk ? "admin.row.config_file" : "admin.row.config_file_wrong"),
                    a.configFile});
  return p;
}

Panel today(const ui::Ui& ui, const AdminView& a) {
  return {"admin.panel.today",
          {{"admin-sessions", Health::Unknown, ui.tr("admin.today.sessions"), std::to_string(a.sessions)},
           {"admin-bookings", Health::Unknown, ui.tr("admin.today.bookings"), std::to_string(a.bookings)},
           {"admin-check-ins", Health::Unknown, ui.tr("admin.today.check_ins"), std::to_string(a.checkIns)},
           {"admin-help-calls", Health::Unknown, ui.tr("admin.today.help_calls"), std::to_string(a.helpCalls)}}};
}

void frame(ui::Ui& ui, const ui::Rect& r) {
  auto* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled({r.x, r.y}, {r.right(), r.bottom()}, ui::packedColor(ui.colors().surface), ui.px(ui::design::kRadius));
  draw->AddRect({r.x, r.y}, {r.right(), r.bottom()}, ui::packedColor(ui.colors().border), ui.px(ui::design::kRadius), 0, ui.px(ui::design::kBorder));
}

// The value column is as wide as its text (a file path needs room), at most 60 % of the row.
float valueWidth(ui::Ui& ui, const Row& row, float inner) {
  if (row.value.empty()) return 0;
  return std::min(inner * 0.6f, ui.text().layout(row.value, FontRole::Hint, inner).size.x + 1);
}

// A panel's title and rows; dots only on rows that report a health.
void drawPanel(ui::Ui& ui, const Panel& panel, const ui::Rect& r, bool dots) {
  frame(ui, r);
  const float pad = ui.px(ui::design::kAdminPanelPadding);
  const float inner = r.w - 2 * pad;
  float y = r.y + pad * 0.75f;
  const std::string& title = ui.tr(panel.titleKey);
  const float titleH = ui::textHeight(ui, title, FontRole::Body, inner);
  ui::paragraph(ui, panel.titleKey, title, FontRole::Body, ui.colors().text, ui.place({r.x + pad, y, inner, titleH}, r));
  y += titleH + pad * 0.4f;
  const float dot = ui.px(ui::design::kAdminStatusDot);
  const float textLeft = dots ? 3 * dot : 0;
  for (const auto& row : panel.rows) {
    const float valueW = valueWidth(ui, row, inner);
    const float labelW = inner - textLeft - valueW;
    const float h = std::max(ui::textHeight(ui, row.label, FontRole::Hint, labelW), ui::textHeight(ui, row.value, FontRole::Hint, std::max(valueW, 1.f)));
    if (dots) {
      const ui::Rect d = ui.place({r.x + pad, y + h / 2 - dot, 2 * dot, 2 * dot}, r);
      ImGui::GetWindowDrawList()->AddCircleFilled({d.x + dot, d.y + dot}, dot, ui::packedColor(dotColor(ui, row.health)));
    }
    ui::paragraph(ui, row.id, row.label, FontRole::Hint, ui.colors().text, ui.place({r.x + pad + textLeft, y, labelW, h}, r));
    if (!row.value.empty()) {
      ui::paragraph(ui, row.id + "-value", row.value, FontRole::Hint, ui.colors().mutedText, ui.place({r.right() - pad - valueW, y, valueW, h}, r),
                    ui::Align::End);
    }
    y += h + pad * 0.3f;
  }
}

float panelHeight(ui::Ui& ui, const Panel& panel, float width, bool dots) {
  const float pad = ui.px(ui::design::kAdminPanelPadding);
  const float inner = width - 2 * pad;
  float h = pad * 0.75f + ui::textHeight(ui, ui.tr(panel.titleKey), FontRole::Body, inner) + pad * 0.4f;
  const float textLeft = dots ? 3 * ui.px(ui::design::kAdminStatusDot) : 0;
  for (const auto& row : panel.rows) {
    const float valueW = valueWidth(ui, row, inner);
    h += std::max(ui::textHeight(ui, row.label, FontRole::Hint, inner - textLeft - valueW),
                  row.value.empty() ? 0.f : ui::textHeight(ui, row.value, FontRole::Hint, valueW)) +
         pad * 0.3f;
  }
  return h + pad * 0.45f;
}

}  // namespace

void Admin::drawTouchTest(ui::Ui& ui, const ui::Rect& area) {
  // Where a finger is down, a mark stays (ImGui's pointer: the first finger, as the app sees it).
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDown[0] && area.contains({io.MousePos.x, io.MousePos.y}) && touches_.size() < 2000) touches_.push_back({io.MousePos.x, io.MousePos.y});
  auto* draw = ImGui::GetWindowDrawList();
  for (const auto& t : touches_) draw->AddCircle({t.x, t.y}, ui.px(ui::design::kTouchMark), ui::packedColor(ui.colors().primary), 0, ui.px(ui::design::kBorder));
}

void Admin::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  const AdminView& a = context.admin;
  const ui::Rect content = ui::header(ui, "admin.title");
  const float margin = ui.px(ui::design::kMargin) * 0.75f;
  const float gap = ui.px(ui::design::kGap);
  // Who this kiosk is, at the header's end: place, id, version.
  const std::string who = a.placeName + (a.placeName.empty() ? "" : " | ") + a.kioskId + (a.kioskId.empty() ? "" : " | ") +
                          ui.format("admin.value.version", {{"version", a.version}});
  const float headerH = content.y - area.y;
  const float whoW = area.w / 2 - margin;
  const float whoH = ui::textHeight(ui, who, FontRole::Hint, whoW);
  ui::paragraph(ui, "admin-who", who, FontRole::Hint, ui.colors().onPrimary,
                ui.place({area.right() - margin - whoW, area.y + (headerH - whoH) / 2, whoW, whoH}, area), ui::Align::End);

  // The footer: what this screen is, restart, close.
  const std::string& note = ui.tr("admin.note");
  const ui::Vec2 restart = ui::buttonSize(ui, ui.tr("admin.restart"), ui::icon::kStartOver, area.w / 3);
  const ui::Vec2 close = ui::buttonSize(ui, ui.tr("admin.close"), ui::icon::kLogOut, area.w / 3);
  const float footH = std::max(restart.y, close.y) + 2 * gap;
  const ui::Rect foot{area.x, area.bottom() - footH, area.w, footH};
  ImGui::GetWindowDrawList()->AddRectFilled({foot.x, foot.y}, {foot.right(), foot.bottom()}, ui::packedColor(ui.colors().barBackground));
  const float noteW = foot.w - restart.x - close.x - 2 * margin - 2 * gap;
  const float noteH = ui::textHeight(ui, note, FontRole::Hint, noteW);
  ui::paragraph(ui, "admin.note", note, FontRole::Hint, ui.colors().text, ui.place({foot.x + margin, foot.y + (footH - noteH) / 2, noteW, noteH}, foot));
  const float by = foot.y + gap;
  if (ui::outlineButton(ui, "admin.restart", ui.tr("admin.restart"), ui::icon::kStartOver,
                        ui.place({foot.right() - margin - close.x - gap - restart.x, by, restart.x, restart.y}, foot))) {
    out.push_back(RunAdminTest{AdminTest::Restart});
  }
  if (ui::primaryButton(ui, "admin.close", ui.tr("admin.close"), ui::icon::kLogOut, ui.place({foot.right() - margin - close.x, by, close.x, close.y}, foot))) {
    out.push_back(StartOver{});
  }

  const ui::Rect body{area.x + margin, content.y + gap, area.w - 2 * margin, foot.y - content.y - 2 * gap};
  if (touchTest_) {
    const std::string& hint = ui.tr("admin.touch.hint");
    const ui::Vec2 done = ui::buttonSize(ui, ui.tr("admin.touch.done"), ui::icon::kConfirmed, body.w / 3);
    const float hintH = ui::textHeight(ui, hint, FontRole::Label, body.w - done.x - gap);
    ui::paragraph(ui, "admin.touch.hint", hint, FontRole::Label, ui.colors().text, ui.place({body.x, body.y, body.w - done.x - gap, hintH}, body));
    if (ui::primaryButton(ui, "admin.touch.done", ui.tr("admin.touch.done"), ui::icon::kConfirmed, ui.place({body.right() - done.x, body.y, done.x, done.y}, body))) {
      touchTest_ = false;
      touches_.clear();
      return;
    }
    const float top = body.y + std::max(hintH, done.y) + gap;
    const ui::Rect canvas{body.x, top, body.w, body.bottom() - top};
    frame(ui, canvas);
    drawTouchTest(ui, canvas);
    return;
  }

  // Two columns of two panels; at large text one column that scrolls is not needed: the panels
  // are staff's, and 100 % is their size (larger text still fits by wrapping).
  const float colW = (body.w - gap) / 2;
  const Panel panels[3] = {connection(ui, a), devices(ui, a), today(ui, a)};
  const float topH = std::max(panelHeight(ui, panels[0], colW, true), panelHeight(ui, panels[1], colW, true));
  drawPanel(ui, panels[0], ui.place({body.x, body.y, colW, topH}, body), true);
  drawPanel(ui, panels[1], ui.place({body.x + colW + gap, body.y, colW, topH}, body), true);
  const float lowY = body.y + topH + gap;
  const float lowH = std::max(panelHeight(ui, panels[2], colW, false), body.bottom() - lowY);
  drawPanel(ui, panels[2], ui.place({body.x, lowY, colW, lowH}, body), false);

  // The tests.
  const ui::Rect tests = ui.place({body.x + colW + gap, lowY, colW, lowH}, body);
  frame(ui, tests);
  const float pad = ui.px(ui::design::kAdminPanelPadding);
  const std::string& testsTitle = ui.tr("admin.panel.tests");
  const float titleH = ui::textHeight(ui, testsTitle, FontRole::Body, tests.w - 2 * pad);
  ui::paragraph(ui, "admin.panel.tests", testsTitle, FontRole::Body, ui.colors().text, ui.place({tests.x + pad, tests.y + pad * 0.75f, tests.w - 2 * pad, titleH}, tests));
  // The three tests side by side, each a third of the panel: a long label wraps rather than
  // pushing a button out of the panel (Ukrainian's are the longest).
  const float y = pad * 0.75f + titleH + pad * 0.4f;
  const float spacing = gap * 0.6f;
  const float share = (tests.w - 2 * pad - 2 * spacing) / 3;
  const std::string& print = ui.tr("admin.test.print");
  const std::string speech = a.nextVoice.empty() ? ui.tr("admin.test.speech") : ui.format("admin.test.speech_in", {{"language", a.nextVoice}});
  const std::string& touch = ui.tr("admin.test.touch");
  const float h = std::max({ui::buttonSize(ui, print, ui::icon::kPrint, share).y, ui::buttonSize(ui, speech, ui::icon::kReadAloud, share).y,
                            ui::buttonSize(ui, touch, ui::icon::kTouch, share).y});
  auto place = [&](int column) { return ui.place({tests.x + pad + static_cast<float>(column) * (share + spacing), tests.y + y, share, h}, tests); };
  if (ui::outlineButton(ui, "admin.test.print", print, ui::icon::kPrint, place(0), {.enabled = !a.printerTarget.empty()})) {
    out.push_back(RunAdminTest{AdminTest::Print});
  }
  if (ui::outlineButton(ui, "admin.test.speech", speech, ui::icon::kReadAloud, place(1), {.enabled = !a.voices.empty()})) {
    out.push_back(RunAdminTest{AdminTest::Speech});
  }
  if (ui::outlineButton(ui, "admin.test.touch", touch, ui::icon::kTouch, place(2))) touchTest_ = true;
}

}  // namespace kiosk::screens
