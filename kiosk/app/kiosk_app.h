#pragma once
// The app shell: owns the ImGui context, the fonts, the router and the citizen's preferences;
// turns input into frames and intents into screen changes. Interactive runs, screenshots,
// --dump-ui and scripted runs all drive this same object.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/api/http_client.h"
#include "kiosk/domain/calendar.h"
#include "kiosk/app/citizen_session.h"
#include "kiosk/app/flow.h"
#include "kiosk/app/guided_tour.h"
#include "kiosk/app/idle_timer.h"
#include "kiosk/app/read_aloud.h"
#include "kiosk/app/router.h"
#include "kiosk/i18n/catalogs.h"
#include "kiosk/screens/screen.h"
#include "kiosk/services/receipt_printer.h"
#include "kiosk/services/speech.h"
#include "kiosk/ui/access_tree.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/touch_input.h"
#include "kiosk/ui/ui.h"
#include "platform/window.h"

struct ImGuiContext;

namespace kiosk::app {

using Clock = std::chrono::steady_clock;

struct AppOptions {
  std::string defaultLanguage = "da";
  // With no touch for this long, the citizen is taken to have left: everything is forgotten.
  std::chrono::seconds idleTimeout{120};
  ui::FontFiles fonts;
  // Demo only: the invented citizens the demo phone can log in as (id, name).
  CitizenSession::DemoCitizens demoCitizens;
  std::string jobcenterName = "Jobcenter";  // on the appointment card and in the calendar entry
  // "Show me how" (GuidedTour): its steps, and after how long on the attract screen it plays by
  // itself, silently (zero: only on request). It needs the demo citizens to log in as.
  std::filesystem::path tourFile;
  std::chrono::seconds tourOnAttractAfter{0};
  // The date and time when the kiosk starts; from then on the app's own clock moves it on, so a
  // scripted run's clock is the calendar's too. None: the system's clock at start.
  std::optional<domain::WallClock::time_point> wallClockAtStart;
};

class KioskApp {
 public:
  KioskApp(platform::Window& window, const i18n::Catalogs& catalogs, AppOptions options, Clock::time_point now);
  ~KioskApp();
  KioskApp(const KioskApp&) = delete;
  KioskApp& operator=(const KioskApp&) = delete;

  // The booking API client whose finished requests are handled at the start of each frame; with
  // one attached, the services that need a logged-in citizen start with the phone login. The
  // client before it (if any) first revokes the citizen's and staff's tokens: on quitting, too,
  // nobody may carry on with them.
  void attachClient(api::HttpClient* client);
  // The receipt printer for appointment cards, and the fonts its raster lines are drawn with
  // (loaded once at start-up: printing touches no font file).
  void attachPrinter(services::ReceiptPrinter* printer, services::CardFonts fonts);
  // Read aloud (espeak-ng through the sound output); without it the bar's button is greyed.
  void attachSpeech(services::SpeechService* speech);
  const screens::CitizenView& citizen() const;

  void push(const platform::InputEvent& event, Clock::time_point now);
  // Builds and renders one frame (not presented: the caller may capture it first).
  void frame(Clock::time_point now);

  bool needsFrame() const;  // input, a screen change or a font rebuild still needs frames
  // Work under way in real time: a request to the booking system (or a login poll due), a card
  // being printed, "show me how" waiting for its narration to be heard. Scripted runs then let
  // time pass at its real pace instead of racing ahead on their virtual clock.
  bool waitingOnBookingSystem() const { return (client_ && client_->busy()) || (session_ && session_->waiting()); }
  bool waitingOnPrinter() const { return printer_ && printer_->busy(); }
  bool waitingOnNarration() const { return tour_.running() && tour_.spoken() && readAloud_.speaking(); }
  bool waitingInRealTime() const { return waitingOnBookingSystem() || waitingOnPrinter() || waitingOnNarration(); }
  std::optional<Clock::time_point> nextWakeup() const;
  bool quitRequested() const { return quit_; }

  // For the driver and tests.
  const ui::AccessTree& tree() const { return tree_; }
  screens::ScreenId currentScreen() const { return router_->currentId(); }
  const screens::Preferences& preferences() const { return preferences_; }
  const ReadAloud& readAloud() const { return readAloud_; }
  const GuidedTour& tour() const { return tour_; }
  void setLanguage(const std::string& code);
  void setTextSize(int percent);
  void setContrast(ui::Contrast contrast);
  void showScreen(screens::ScreenId id);
  void requestScrollTo(const std::string& key);

 private:
  screens::ScreenContext context(Clock::time_point now) const;
  void apply(const screens::Intents& intents, Clock::time_point now);
  void rebuildFonts();
  void startOver(Clock::time_point now);
  void followLogin();
  void applySavedPreferences();
  // The citizen's kiosk settings as the domain sees them, and as every citizen starts; the
  // session is told whenever they change (the home screen offers to save them).
  domain::KioskSettings settings() const;
  domain::KioskSettings settingsAtStart() const;
  void shareSettings();
  // Where an event leads, from the flow table (flow.cpp); service: the errand ServiceChosen names.
  void follow(Event event, Clock::time_point now, std::optional<screens::ScreenId> service = std::nullopt);
  void go(screens::ScreenId id, Clock::time_point now);  // switch, and load what that screen shows
  // The citizen's errands (kiosk_errands.cpp): each intent to the session, and the event it is.
  void applyErrand(const screens::Intent& errand, Clock::time_point now);
  IdleTimer::Needs idleNeeds() const;
  domain::WallClock::time_point wallNow(Clock::time_point now) const { return wallAtStart_ + (now - steadyAtStart_); }
  bool askingForMoreTime(Clock::time_point now) const;
  void printCard();
  void applySpeech(const screens::Intent& intent);
  // A finger held still on a button says it (ReadAloud::kLongPress); on the attract screen,
  // anywhere, it turns speech mode on.
  void followLongPress(Clock::time_point now);
  void handle(const platform::InputEvent& event, Clock::time_point now);  // a finger's, or the tour's
  bool tourAvailable() const;
  void followTour(Clock::time_point now);
  ui::Rect screenArea(float width, float height, float below) const;

  platform::Window& window_;
  api::HttpClient* client_ = nullptr;
  services::ReceiptPrinter* printer_ = nullptr;
  services::SpeechService* speech_ = nullptr;
  ReadAloud readAloud_;
  GuidedTour tour_;
  struct Hold {
    float x = 0, y = 0;
    Clock::time_point since;
    bool spoken = false;
  };
  std::optional<Hold> hold_;  // a finger is down and has not travelled
  std::optional<services::CardFonts> cardFonts_;
  std::unique_ptr<CitizenSession> session_;
  const i18n::Catalogs& catalogs_;
  AppOptions options_;
  ImGuiContext* imgui_ = nullptr;

  screens::Preferences preferences_;
  ui::FontSet fonts_;
  ui::TextPath text_;
  ui::AccessTree tree_;
  ui::Ui ui_;
  ui::TouchInput input_;
  std::unique_ptr<Router> router_;

  screens::ScreenId pendingService_ = screens::ScreenId::Home;  // the errand chosen before logging in
  Clock::time_point nextDateCheck_{};  // when to tell the session today's date again
  bool fontsDirty_ = true;
  int extraFrames_ = 2;
  bool quit_ = false;
  Clock::time_point lastFrame_;
  IdleTimer idle_;
  domain::WallClock::time_point wallAtStart_;
  Clock::time_point steadyAtStart_;
};

}  // namespace kiosk::app
