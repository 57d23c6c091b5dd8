#pragma once
// A screen is one question. It draws from its own state and the context, and returns intents
// ("the citizen picked Arabic"); the app applies them between frames. Screens never switch
// screens, start requests or open popups themselves.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/screens/admin_view.h"
#include "kiosk/screens/citizen_view.h"
#include "kiosk/screens/jobcenter_view.h"
#include "kiosk/ui/ui.h"

namespace kiosk::screens {

using Clock = std::chrono::steady_clock;

enum class ScreenId {
  Attract, ChooseLanguage, MainMenu, ServiceUnavailable, StaffHelp, LoginWithPhone, Home,
  // Booking, one question each; moving reuses the time and confirm steps.
  BookTopics, BookContactForm, BookConsultant, BookTime, BookWishes, BookConfirm, Booked,
  MyBookings, CancelBooking, Activities, Joblog, JoblogEntry, Plan,
  CheckIn, StaffLogin, AssistedCitizen,
  Closed,           // outside opening hours
  AdminPin, Admin,  // staff and IT
  // Not part of a citizen's journey: what the kiosk shows when it cannot serve.
  OutOfOrder,  // keep last, or move kScreenCount with it
};
inline constexpr size_t kScreenCount = static_cast<size_t>(ScreenId::OutOfOrder) + 1;

std::string_view screenName(ScreenId id);
std::optional<ScreenId> screenFromName(std::string_view name);
std::vector<ScreenId> allScreens();

// [SECTION] Intents
// Screens say what the citizen did; where it leads is the app's flow table (kiosk/app/flow.cpp).
struct Next {};     // moved on: the forward button, or the one choice the screen offers
struct GoBack {};
struct StartOver {};  // forget the citizen, back to the attract screen
struct ChooseLanguage { std::string code; };
struct CycleTextSize {};
struct ToggleContrast {};
struct ChooseService { ScreenId service = ScreenId::Home; };  // an errand, from the menu or the home screen
struct ToHome {};
// Help from staff. With a reason (sent from a flow: a meeting past its deadlines) staff are
// called at once, without asking the citizen why.
struct AskStaff { std::optional<domain::HelpReason> reason; };
struct OpenLanguages {};  // the bar's language button
struct StaffHelpsMe {};   // on the login screen: a member of staff helps me (co-service)
struct RetryLogin {};
struct DemoApprove { std::string citizenId; };    // demo only: stands in for the citizen's phone
struct LogOut {};
struct MoreTime {};                               // "yes, I need more time" before the idle timeout
struct ToggleSpeech {};                           // speech mode on (the screen read), or off
// The speech strip's buttons, shown while speech mode is on.
enum class SpeechControl { SayAgain, Slower, Louder, Quieter, Loudspeaker };
struct AdjustSpeech { SpeechControl control; };
struct ToggleLowReach {};                         // every control into the lower part of the screen
struct ShowMeHow { std::string language; };       // play the guided demonstration of self-booking in it
// Booking, moving, cancelling.
struct ToggleTopic { std::string topicId; };
struct PickContactForm { domain::ContactForm form; };
struct PickConsultant { std::string consultantId; };  // empty: no preference
struct PickSlot { domain::Slot slot; };
struct SetWishes { std::string wishes; std::string interpreterLanguage; };
struct ConfirmBooking {};                         // book, or move when the draft is a move
struct MoveExistingHere {};                       // at the booking limit: move the meeting the citizen has to this time
struct StartMove { std::string bookingId; };
struct StartCancel { std::string bookingId; };
struct ConfirmCancel {};
struct PrintCard {};
// Activities, job log, feedback, preferences.
struct SignUp { std::string activityId; };
struct CancelSignUp { std::string activityId; };
struct StartJoblogEntry { domain::JoblogKind kind; };
struct UpdateJoblogDraft { JoblogDraft draft; };
struct SaveJoblogEntry {};
struct GiveFeedback { int rating; };              // 1 not good, 2 ok, 3 good
struct SavePreferences {};
// Without a login.
struct CheckInWith { std::string codeOrCpr; };
struct CallStaff { domain::HelpReason reason; };
struct StaffSignIn { std::string staffNumber, pin; };
struct AssistCitizen { std::string cpr; };
// Admin mode (staff and IT; closing it is StartOver).
struct SubmitAdminPin { std::string pin; };       // checked off the UI thread; the screen forgets it
enum class AdminTest { Print, Speech, Restart };
struct RunAdminTest { AdminTest test; };
using Intent = std::variant<Next, GoBack, StartOver, ChooseLanguage, CycleTextSize, ToggleContrast, ChooseService, ToHome, AskStaff,
                            OpenLanguages, StaffHelpsMe, RetryLogin, DemoApprove, LogOut, MoreTime, ToggleSpeech, AdjustSpeech, ToggleLowReach, ShowMeHow, ToggleTopic, PickContactForm, PickConsultant, PickSlot, SetWishes,
                            ConfirmBooking, MoveExistingHere, StartMove, StartCancel, ConfirmCancel, PrintCard, SignUp, CancelSignUp,
                            StartJoblogEntry, UpdateJoblogDraft, SaveJoblogEntry, GiveFeedback, SavePreferences, CheckInWith,
                            CallStaff, StaffSignIn, AssistCitizen, SubmitAdminPin, RunAdminTest>;
using Intents = std::vector<Intent>;

// [SECTION] What a screen may read
struct Preferences {
  std::string language;
  // Read aloud can be used in this language now (a voice, espeak-ng and a sound output), and
  // speech mode is on.
  bool speechAvailable = false, speechOn = false;
  // Low-reach layout (wheelchair users): the screen's content is drawn in its lower part.
  bool lowReach = false;
  int textSizePercent = 100;
  ui::Contrast contrast = ui::Contrast::Normal;
};

struct ScreenContext {
  const Preferences& preferences;
  const i18n::Catalogs& catalogs;
  Clock::time_point now;
  const CitizenView& citizen;
  ScreenId pendingService = ScreenId::Home;  // the errand chosen before logging in
  std::string_view jobcenterName;
  bool tourAvailable = false;  // "show me how" can be played (GuidedTour)
  // The languages this kiosk offers, in its order (the configuration's); empty: every catalog's.
  const std::vector<std::string>* enabledLanguages = nullptr;
  const JobcenterView& jobcenter;  // the jobcenter's own settings, as far as they are known
  const AdminView& admin;          // only the admin screens read it
};

// The languages a citizen can choose here: the enabled ones in their order, or all of them.
std::vector<const i18n::Language*> offeredLanguages(const ScreenContext& context);

class Screen {
 public:
  virtual ~Screen() = default;
  virtual ScreenId id() const = 0;
  virtual void onEnter(const ScreenContext&) {}
  virtual void onExit() {}
  // Draws into the area above the persistent bar.
  virtual void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) = 0;
  // When this screen next needs a frame with no input (an animation step); none by default.
  virtual std::optional<Clock::time_point> nextWakeup(const ScreenContext&) const { return std::nullopt; }
};

}  // namespace kiosk::screens
