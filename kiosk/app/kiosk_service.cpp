// The kiosk in service: the jobcenter's own settings applied, its opening hours followed, and
// admin mode for staff and IT (gesture, PIN, the admin screen's tests). Part of KioskApp.

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/services/escpos_writer.h"

namespace kiosk::app {
namespace {

// The contract's names for the menu's errands.
screens::ScreenId errandOf(const std::string& name) {
  using screens::ScreenId;
  if (name == "check_in") return ScreenId::CheckIn;
  if (name == "book") return ScreenId::BookTopics;
  if (name == "move_cancel") return ScreenId::MyBookings;
  if (name == "activities") return ScreenId::Activities;
  if (name == "joblog") return ScreenId::Joblog;
  return ScreenId::Plan;
}

}  // namespace

std::string KioskApp::copenhagenClock(domain::WallClock::time_point wall) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(icu::TimeZone::createTimeZone(u"Europe/Copenhagen"), status);
  calendar.setTime(static_cast<UDate>(std::chrono::duration_cast<std::chrono::milliseconds>(wall.time_since_epoch()).count()), status);
  char out[8];
  std::snprintf(out, sizeof out, "%02d:%02d", calendar.get(UCAL_HOUR_OF_DAY, status), calendar.get(UCAL_MINUTE, status));
  return U_FAILURE(status) ? std::string() : std::string(out);
}

bool KioskApp::adminScreen() const {
  const auto id = router_->currentId();
  return id == screens::ScreenId::AdminPin || id == screens::ScreenId::Admin;
}

bool KioskApp::quietScreen() const {
  const auto id = router_->currentId();
  return id == screens::ScreenId::Attract || id == screens::ScreenId::Closed;
}

// [SECTION] The jobcenter's settings

void KioskApp::followSettings(Clock::time_point now) {
  if (!settings_) return;
  settings_->tick(now);
  const bool down = settings_->down();
  if (down != jobcenterView_.bookingSystemDown) extraFrames_ = std::max(extraFrames_, 1);
  jobcenterView_.bookingSystemDown = down;
  if (settings_->takeChanged()) applySettings();
}

void KioskApp::applySettings() {
  const auto& s = settings_->settings();
  if (!s) return;
  jobcenterView_.known = true;
  jobcenterName_ = s->name;
  // Offered: what the jobcenter offers, of what this kiosk's own configuration enables.
  jobcenterView_.languages.clear();
  for (const auto& code : s->languages) {
    const bool enabled = options_.enabledLanguages.empty() ||
                         std::find(options_.enabledLanguages.begin(), options_.enabledLanguages.end(), code) != options_.enabledLanguages.end();
    if (enabled && catalogs_.languages().find(code)) jobcenterView_.languages.push_back(code);
  }
  jobcenterView_.servicesOff.clear();
  for (const auto& name : s->servicesOff) jobcenterView_.servicesOff.push_back(errandOf(name));
  jobcenterView_.supportPhone = s->supportPhone;
  jobcenterView_.message = s->message;
  jobcenterView_.messageLanguage = s->messageLanguage;
  jobcenterView_.nextOpenings = domain::nextOpenings(s->hours, wallNow(lastFrame_), 3);
  std::cerr << "kiosk: settings from the jobcenter applied: " << jobcenterView_.languages.size() << " languages, "
            << jobcenterView_.servicesOff.size() << " errands switched off, " << s->hours.spans.size() << " opening spans\n";
  extraFrames_ = std::max(extraFrames_, 2);
}

// [SECTION] Opening hours

void KioskApp::followOpeningHours(Clock::time_point now) {
  if (!options_.followOpeningHours || !settings_ || !settings_->settings()) return;
  const auto& hours = settings_->settings()->hours;
  const auto wall = wallNow(now);
  const bool open = domain::isOpen(hours, wall);
  const auto id = router_->currentId();
  if (!open && id == screens::ScreenId::Attract) {
    jobcenterView_.nextOpenings = domain::nextOpenings(hours, wall, 3);
    std::cerr << "kiosk: closed until " << (jobcenterView_.nextOpenings.empty() ? std::string("further notice")
                                                                                 : jobcenterView_.nextOpenings.front().date + " " +
                                                                                       domain::clockTime(jobcenterView_.nextOpenings.front().opens))
              << "\n";
    follow(Event::ClosingTime, now);
  } else if (open && id == screens::ScreenId::Closed) {
    std::cerr << "kiosk: open\n";
    follow(Event::OpeningTime, now);
  }
}

// [SECTION] Admin mode

void KioskApp::openAdmin(Clock::time_point now) {
  std::cerr << "kiosk: admin: gesture made, PIN pad shown\n";
  // Whoever was at the kiosk is forgotten first: admin mode shows no citizen's data.
  startOver(now);
  follow(Event::AdminRequested, now);
}

void KioskApp::followAdmin(Clock::time_point now) {
  const auto verdict = admin_.poll(now);
  if (verdict == AdminMode::Verdict::Right) {
    // Only where the PIN was typed: the pad may have been left while the PIN was checked.
    if (router_->currentId() == screens::ScreenId::AdminPin) {
      std::cerr << "kiosk: admin: right PIN, admin screen opened\n";
      follow(Event::AdminUnlocked, now);
    }
  } else if (verdict == AdminMode::Verdict::Wrong) {
    if (const auto until = admin_.lockedUntil(now)) {
      std::cerr << "kiosk: admin: wrong PIN; the pad is locked until " << copenhagenClock(wallNow(*until)) << "\n";
    } else {
      std::cerr << "kiosk: admin: wrong PIN\n";
    }
    extraFrames_ = std::max(extraFrames_, 1);
  }
  if (!adminScreen()) return;
  if (now - idle_.lastInput() >= AdminMode::kIdleClose) {
    std::cerr << "kiosk: admin: closed after " << AdminMode::kIdleClose.count() << " s without a touch\n";
    follow(Event::IdleTimeout, now);
  }
}

void KioskApp::describeAdmin(Clock::time_point now) {
  auto& a = adminView_;
  const auto until = admin_.lockedUntil(now);
  admin_.describe(a, now, until ? copenhagenClock(wallNow(*until)) : std::string());
  a.version = options_.version;
  a.build = options_.build;
  a.kioskId = options_.kioskId.empty() && client_ ? client_->config().kioskId : options_.kioskId;
  a.placeName = options_.placeName;
  a.configFile = options_.configFile.string();
  a.configState = options_.configState;
  a.bookingSystemConfigured = client_ != nullptr;
  a.reachable = settings_ && settings_->fetchedAt() && !settings_->down();
  a.pinMatched = settings_ && settings_->pinMatched();
  a.roundTripMs.reset();
  if (settings_ && settings_->roundTrip()) a.roundTripMs = static_cast<int>(settings_->roundTrip()->count());
  a.settingsFetchedAt = settings_ && settings_->fetchedAt() ? copenhagenClock(wallNow(*settings_->fetchedAt())) : std::string();
  a.serverCertificateDays.reset();
  if (const auto expires = client_ ? client_->serverCertificateExpires() : std::nullopt) a.serverCertificateDays = daysLeft(*expires);
  a.clientCertificateDays.reset();
  if (options_.clientCertificateExpires) a.clientCertificateDays = daysLeft(*options_.clientCertificateExpires);
  a.printerTarget = printer_ ? printer_->config().target : std::string();
  // From the printer's own answer (a two-way device); a CUPS queue or a file cannot answer.
  a.paper = screens::AdminView::Paper::Unknown;
  a.coverOpen = false;
  if (printerStatus_) {
    using Paper = services::PrinterStatus::Paper;
    a.paper = printerStatus_->paper == Paper::Out       ? screens::AdminView::Paper::Out
              : printerStatus_->paper == Paper::NearEnd ? screens::AdminView::Paper::NearEnd
                                                        : screens::AdminView::Paper::Present;
    a.coverOpen = printerStatus_->coverOpen;
  }
  const auto size = window_.size();
  a.display = std::to_string(size.width) + " x " + std::to_string(size.height);
  a.voices.clear();
  for (const auto& language : catalogs_.languages().languages) {
    if (speech_ && speech_->canSynthesize(language.code)) a.voices.push_back(language.nativeName);
  }
  a.nextVoice = a.voices.empty() ? std::string() : a.voices[nextVoice_ % a.voices.size()];
  today_.on(domain::copenhagenDate(wallNow(now)));
  a.sessions = today_.sessions, a.bookings = today_.bookings, a.checkIns = today_.checkIns, a.helpCalls = today_.helpCalls;
}

void KioskApp::runAdminTest(screens::AdminTest test) {
  switch (test) {
    case screens::AdminTest::Print: {
      if (!printer_) return;
      std::cerr << "kiosk: admin: test print sent to " << printer_->config().target << "\n";
      services::EscPosWriter page;
      page.initialise();
      page.align(1);
      page.bold(true);
      page.line("Testprint");
      page.bold(false);
      page.line(options_.kioskId.empty() ? "kiosk" : options_.kioskId);
      page.feedLines(3);
      page.partialCut();
      printer_->print(std::move(page.out), [](Result<void> done) {
        std::cerr << "kiosk: admin: test print " << (done ? std::string("printed") : "failed: " + done.failure().detail) << "\n";
      });
      return;
    }
    case screens::AdminTest::Speech: {
      std::vector<const i18n::Language*> voiced;
      for (const auto& language : catalogs_.languages().languages) {
        if (speech_ && speech_->canSynthesize(language.code)) voiced.push_back(&language);
      }
      if (voiced.empty()) return;
      const auto* language = voiced[nextVoice_++ % voiced.size()];
      std::cerr << "kiosk: admin: speech test in " << language->code << "\n";
      readAloud_.sayLine("attract.welcome", catalogs_.text(language->code, "attract.welcome"), language->code);
      return;
    }
    case screens::AdminTest::Restart:
      std::cerr << "kiosk: admin: restart asked for; quitting with exit code " << kRestartExitCode << " for systemd to start the kiosk again\n";
      restart_ = true;
      quit_ = true;
      return;
  }
}

// [SECTION] The printer's own status

void KioskApp::followPrinterStatus(Clock::time_point now) {
  if (!printer_ || !printer_->twoWay() || askingPrinter_ || now < nextPrinterStatus_) return;
  nextPrinterStatus_ = now + (adminScreen() ? std::chrono::seconds(5) : std::chrono::seconds(60));
  askingPrinter_ = true;
  printer_->askStatus([this](Result<services::PrinterStatus> status) {
    askingPrinter_ = false;
    extraFrames_ = std::max(extraFrames_, 1);
    if (!status) {
      if (status.failure().detail != printerStatusProblem_) std::cerr << "kiosk: printer: status not known: " << status.failure().detail << "\n";
      printerStatusProblem_ = status.failure().detail;
      printerStatus_.reset();
      return;
    }
    printerStatusProblem_.clear();
    if (printerStatus_ != *status) {
      using Paper = services::PrinterStatus::Paper;
      std::cerr << "kiosk: printer: " << (status->paper == Paper::Out ? "paper out" : status->paper == Paper::NearEnd ? "paper near its end" : "paper present")
                << (status->coverOpen ? ", cover open" : "") << (status->offline ? ", offline" : "") << (status->error ? ", an error" : "") << "\n";
    }
    printerStatus_ = *status;
  });
}

PrinterHealth KioskApp::printerHealth() const {
  if (!printerStatus_) return printerHealth_;
  using Paper = services::PrinterStatus::Paper;
  if (printerStatus_->coverOpen) return PrinterHealth::CoverOpen;
  if (printerStatus_->paper == Paper::Out) return PrinterHealth::PaperOut;
  if (printerStatus_->offline || printerStatus_->error) return PrinterHealth::Failed;
  if (printerStatus_->paper == Paper::NearEnd) return PrinterHealth::PaperNearEnd;
  return PrinterHealth::Ok;
}

void KioskApp::countForToday(Event event, screens::ScreenId from) {
  today_.on(domain::copenhagenDate(wallNow(lastFrame_)));
  if (event == Event::Next && from == screens::ScreenId::Attract) ++today_.sessions;
  if (event == Event::BookingDone) ++today_.bookings;
  if (event == Event::Next && from == screens::ScreenId::CheckIn) ++today_.checkIns;
  if (event == Event::AskStaff) ++today_.helpCalls;
}

}  // namespace kiosk::app
