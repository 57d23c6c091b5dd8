#pragma once
// The app shell: owns the ImGui context, the fonts, the router and the citizen's preferences;
// turns input into frames and intents into screen changes. Interactive runs, screenshots,
// --dump-ui and scripted runs all drive this same object.

#include <chrono>
#include <filesystem>
#include <iostream>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/api/http_client.h"
#include "kiosk/domain/calendar.h"
#include "kiosk/app/admin_gesture.h"
#include "kiosk/app/admin_mode.h"
#include "kiosk/app/citizen_session.h"
#include "kiosk/app/flow.h"
#include "kiosk/app/guided_tour.h"
#include "kiosk/app/heartbeat.h"
#include "kiosk/app/incidents.h"
#include "kiosk/app/idle_timer.h"
#include "kiosk/app/read_aloud.h"
#include "kiosk/app/router.h"
#include "kiosk/app/settings_sync.h"
#include "kiosk/app/todays_figures.h"
#include "kiosk/app/usage_event_queue.h"
#include "kiosk/app/usage_events.h"
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
  // The system's calendar clock at a steady instant, read again every minute so that the kiosk
  // follows a clock set after it started (NTP after boot, an operator); the idle and other timers
  // run on the steady clock and never jump with it. Empty: the calendar moves with the app's own
  // clock only (scripted runs and tests, whose clock is virtual).
  std::function<domain::WallClock::time_point(Clock::time_point)> systemClock;
  // Lockdown: a request to close the window (window manager, Alt+F4) is ignored unless this is a
  // developer's --windowed run.
  bool allowQuit = false;
  // Follow the jobcenter's opening hours (the closed screen). Interactive runs do; --script,
  // --screenshot and tests show what they ask for whatever the hour, unless they ask for this.
  bool followOpeningHours = false;
  std::string version = "0.0.0", build;  // shown on the admin screen

  // [SECTION] From the kiosk's configuration file (kiosk/config; empty in the demo)
  std::string adminPinHash;  // Argon2id (services/admin_pin.h); empty: admin mode cannot be opened
  std::string kioskId;
  std::string placeName;     // "Indgang, stueetagen"
  std::filesystem::path configFile;
  std::string configState;   // what its check said: "valid", or the reason; shown on the admin screen
  // The languages offered, in order; empty: every catalog, in the catalog's order. The
  // jobcenter's settings may offer fewer.
  std::vector<std::string> enabledLanguages;
  // How long "do you need more time?" counts down before idleTimeout (WCAG 2.2.1: at least 20 s).
  std::chrono::seconds idleWarning{kIdleWarning};
  // [SECTION] Health (POST /kiosk/heartbeat through the attached client; zero: none)
  std::chrono::seconds heartbeatEvery{60};
  std::optional<std::chrono::system_clock::time_point> clientCertificateExpires;
  // [SECTION] Anonymous usage events (POST /kiosk/events): recorded and sent only when the
  // configuration file says so; sent when a session ends, and at least this often.
  bool sendUsageEvents = false;
  std::chrono::seconds usageEventsEvery{60};
};

// Whole days from now until a certificate expires (negative once it has).
inline int daysLeft(std::chrono::system_clock::time_point expires) {
  return static_cast<int>(std::chrono::floor<std::chrono::days>(expires - std::chrono::system_clock::now()).count());
}

// The exit code for "restart kiosk" on the admin screen: the systemd unit restarts on it.
inline constexpr int kRestartExitCode = 75;

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
  // Where usage events go when not to the booking system (the configuration names another
  // address); null: the booking system's client. Its results are handled each frame too.
  void attachUsageClient(api::HttpClient* client) { usageClient_ = client; }
  const screens::CitizenView& citizen() const;

  void push(const platform::InputEvent& event, Clock::time_point now);
  // Builds and renders one frame (not presented: the caller may capture it first).
  void frame(Clock::time_point now);

  bool needsFrame() const;  // input, a screen change or a font rebuild still needs frames
  // Input pushed that no frame has seen yet: every press, release and key change takes a frame
  // of its own, so input that comes faster than frames waits its turn.
  bool inputPending() const { return input_.needsFrame(); }
  // Work under way in real time: a request to the booking system (or a login poll due), a card
  // being printed, "show me how" waiting for its narration to be heard. Scripted runs then let
  // time pass at its real pace instead of racing ahead on their virtual clock.
  bool waitingOnBookingSystem() const {
    return (client_ && client_->busy()) || (session_ && session_->waiting()) || (settings_ && settings_->waiting()) ||
           (usageClient_ && usageClient_->busy());
  }
  bool waitingOnPinCheck() const { return admin_.checking(); }
  bool waitingOnPrinter() const { return printer_ && printer_->busy(); }
  bool waitingOnNarration() const { return tour_.running() && tour_.spoken() && readAloud_.speaking(); }
  bool waitingInRealTime() const { return waitingOnBookingSystem() || waitingOnPrinter() || waitingOnNarration() || waitingOnPinCheck(); }
  std::optional<Clock::time_point> nextWakeup() const;
  bool quitRequested() const { return quit_; }
  // Where the app, its services and main report what staff must look into.
  Incidents& incidents() { return incidents_; }
  // Usage events recorded and not yet delivered.
  const UsageEventQueue& usageEvents() const { return usageQueue_; }
  bool restartRequested() const { return restart_; }  // quit with kRestartExitCode
  // Times the font atlas was built (at start, then for a language, a text size or a display size
  // that needs other glyphs): the soak checks that sessions do not keep rebuilding it.
  int fontBuilds() const { return fontBuilds_; }
  // For the metrics file and the heartbeat: the printer as last seen (its own status where it
  // answers, else the last card printed), and visits since Copenhagen midnight.
  PrinterHealth printerHealth() const;
  int sessionsOn(const std::string& copenhagenDate) const { return today_.date == copenhagenDate ? today_.sessions : 0; }

  // For the driver and tests.
  const ui::AccessTree& tree() const { return tree_; }
  screens::ScreenId currentScreen() const { return router_->currentId(); }
  // The screen the last frame drew: a tap acted on in a frame changes currentScreen() only
  // after that frame was drawn.
  screens::ScreenId drawnScreen() const { return drawnScreen_; }
  // The date and time the kiosk goes by (opening hours, "today", the heartbeat).
  domain::WallClock::time_point wallClock() const { return wallNow(lastFrame_); }
  Clock::time_point lastFrameAt() const { return lastFrame_; }
  const screens::Preferences& preferences() const { return preferences_; }
  const ReadAloud& readAloud() const { return readAloud_; }
  const GuidedTour& tour() const { return tour_; }
  const screens::JobcenterView& jobcenter() const { return jobcenterView_; }
  const screens::AdminView& adminView() const { return adminView_; }
  // The heartbeat's hook for the admin screen: when the last heartbeat was sent ("for 12 s siden").
  void setLastHeartbeat(std::string shown) { adminView_.lastHeartbeat = std::move(shown); }
  void setLanguage(const std::string& code);
  void setTextSize(int percent);
  void setContrast(ui::Contrast contrast);
  void setLowReach(bool on);
  void showScreen(screens::ScreenId id);
  // The kiosk cannot serve (an unusable configuration): the out-of-order screen for good, in
  // every enabled language in turn; nothing a citizen does leads anywhere else.
  void putOutOfOrder(Clock::time_point now);
  bool outOfOrder() const { return outOfOrder_; }
  static constexpr std::chrono::seconds kOutOfOrderLanguagePeriod{6};
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
  void followSystemClock(Clock::time_point now);
  bool askingForMoreTime(Clock::time_point now) const;
  // The screens where nobody is being served, so no idle timer runs: attract, out of order.
  bool resting() const;
  void showNextOutOfOrderLanguage(Clock::time_point now);
  void sendHeartbeat(Clock::time_point now);
  void printCard();
  void applySpeech(const screens::Intent& intent);
  // A finger held still on a button says it (ReadAloud::kLongPress); on the attract screen,
  // anywhere, it turns speech mode on.
  void followLongPress(Clock::time_point now);
  void handle(const platform::InputEvent& event, Clock::time_point now);  // a finger's, or the tour's
  bool tourAvailable() const;
  void followTour(Clock::time_point now);
  // makingRoom: for a screen that asked for it (see frame()).
  ui::Rect screenArea(float width, float height, float below, bool makingRoom) const;
  const std::string& jobcenterName() const { return jobcenterName_.empty() ? options_.jobcenterName : jobcenterName_; }
  // [SECTION] In service (kiosk_service.cpp): the jobcenter's settings, opening hours, admin mode
  void followSettings(Clock::time_point now);
  void applySettings();
  void followOpeningHours(Clock::time_point now);
  void openAdmin(Clock::time_point now);
  void followAdmin(Clock::time_point now);
  void runAdminTest(screens::AdminTest test);
  void describeAdmin(Clock::time_point now);
  void countForToday(Event event, screens::ScreenId from);
  // A two-way printer's own status (DLE EOT), asked every minute, and every few seconds while the
  // admin screen shows it.
  void followPrinterStatus(Clock::time_point now);
  bool adminScreen() const;
  bool quietScreen() const;  // a screen with no citizen on it: attract, closed (no idle timer there)
  Clock::time_point steadyAt(domain::WallClock::time_point wall) const { return steadyAtStart_ + (wall - wallAtStart_); }
  std::string copenhagenClock(domain::WallClock::time_point wall) const;
  // [SECTION] Anonymous usage events (kiosk_usage.cpp)
  bool recordingUsage() const { return options_.sendUsageEvents && !tour_.running(); }
  void noteForUsage(Event event, screens::ScreenId from, Clock::time_point now);
  void noteIntentForUsage(const screens::Intent& intent, Clock::time_point now);
  void observeUsage(Clock::time_point now);  // after each frame's intents: the screen reached, errands done
  void endSessionForUsage(Clock::time_point now);
  void sendUsageEvents(Clock::time_point now);

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
  std::unique_ptr<SettingsSync> settings_;
  screens::JobcenterView jobcenterView_;
  std::string jobcenterName_;  // the settings' name, else the options'
  AdminGesture gesture_;
  AdminMode admin_;
  screens::AdminView adminView_;
  size_t nextVoice_ = 0;
  TodaysFigures today_;
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
  Clock::time_point nextClockCheck_{};  // when to compare the calendar with the system's clock again
  bool fontsDirty_ = true;
  int fontBuilds_ = 0;
  int extraFrames_ = 2;
  screens::ScreenId drawnScreen_ = screens::ScreenId::Attract;
  // The screen given room for a control it needs (the speech strip folded, low reach at its
  // line), or where that room was not enough and is not made again (see frame()).
  struct RoomMade {
    screens::ScreenId screen;
    bool inVain = false;
  };
  std::optional<RoomMade> room_;
  bool quit_ = false;
  bool outOfOrder_ = false;
  Incidents incidents_{std::cerr};
  PrinterHealth printerHealth_ = PrinterHealth::None;  // from the last card printed
  std::optional<services::PrinterStatus> printerStatus_;  // from the printer itself, when it answers
  bool askingPrinter_ = false;
  Clock::time_point nextPrinterStatus_{};
  std::string printerStatusProblem_;  // the last reason the status was not known (logged when it changes)
  Clock::time_point nextHeartbeat_{};
  // Enough for a day of sessions while the network is down (about 20 events each).
  static constexpr size_t kUsageQueueCapacity = 5000;
  UsageEventQueue usageQueue_{kUsageQueueCapacity, std::cerr};
  UsageRecorder usage_{usageQueue_};
  api::HttpClient* usageClient_ = nullptr;
  bool usageInFlight_ = false;
  bool usageSendNow_ = false;  // a session has ended: its events go together
  Clock::time_point nextUsageSend_{};
  SessionEnding sessionEnding_ = SessionEnding::Finished;  // how the session now ending ends
  screens::ScreenId usageStep_ = screens::ScreenId::Attract;
  bool checkInSeen_ = false, activitySeen_ = false;
  Clock::time_point nextLanguageAt_{};  // out of order: when the next language is shown
  bool restart_ = false;
  Clock::time_point lastFrame_;
  IdleTimer idle_;
  domain::WallClock::time_point wallAtStart_;
  Clock::time_point steadyAtStart_;
};

}  // namespace kiosk::app
