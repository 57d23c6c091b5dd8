// [SECTION] Index: consultants and staff, citizens, slots and bookings, activities, joblog.
// Every name, number and address here is invented.

#include "demo_seed.h"

#include <nlohmann/json.hpp>

#include "secrets.h"

namespace jobcenter {
namespace {

using nlohmann::json;

const char* kPlaceName = "Jobcenter Havnestad";
const char* kPlaceAddress = "Havnegade 12, 2150 Havnestad";

struct DemoConsultant {
  const char* id;
  const char* firstName;
  const char* name;
  json languages, competences, contactForms;
};

struct DemoCitizen {
  const char* id;
  const char* cpr;
  const char* firstName;
  const char* lastName;
  int unemployedDaysAgo;
  json wishedJobTitles;
  const char *abcA, *abcB, *abcC;
  int weeklyTarget;
  json preferences;  // null unless the citizen opted in
};

}  // namespace

std::vector<Instant> demoSlotStarts(const LocalDate& from, int days) {
  std::vector<Instant> starts;
  for (int d = 0; d < days; ++d) {
    const LocalDate date = addDays(from, d);
    const Instant noon = localToInstant(date, 12, 0);
    if (localWeekday(noon) > 5) continue;
    for (const int hour : {9, 10, 11, 13, 14}) starts.push_back(localToInstant(date, hour, 0));
  }
  return starts;
}

void seedDemo(Database& db, Instant now, const std::string& pinPepper) {
  const bool seeded = db.transaction([](Tx& tx) { return tx.queryInt("SELECT COUNT(*) FROM consultants").value_or(0) > 0; });
  if (seeded) return;
  const LocalDate today = localDateOf(now);

  // [SECTION] Consultants and staff
  const std::vector<DemoConsultant> consultants = {
      {"c-anne", "Anne", "Anne Holm", {"da", "en"}, {"coaching", "job_search", "general_guidance"}, {"in_person", "phone", "video"}},
      {"c-karim", "Karim", "Karim Haddad", {"da", "ar", "en"}, {"job_opportunities", "job_search", "education"}, {"in_person", "phone"}},
      {"c-oksana", "Oksana", "Oksana Melnyk", {"da", "uk", "ru", "en"}, {"job_search", "career_change"}, {"in_person", "phone", "video"}},
      {"c-mette", "Mette", "Mette Sørensen", {"da"}, {"education", "career_change", "general_guidance"}, {"in_person", "video"}},
      {"c-ali", "Ali", "Ali Rezaei", {"da", "fa", "en"}, {"coaching", "job_opportunities"}, {"in_person", "phone"}},
      {"c-hodan", "Hodan", "Hodan Warsame", {"da", "so", "en"}, {"job_search", "general_guidance"}, {"in_person", "phone", "video"}},
      {"c-jakub", "Jakub", "Jakub Nowak", {"da", "pl", "en"}, {"job_opportunities", "career_change"}, {"phone", "video"}},
      {"c-lars", "Lars", "Lars Vestergaard", {"da", "de"}, {"coaching", "education"}, {"in_person"}},
  };
  const std::vector<DemoCitizen> citizens = {
      // Newly unemployed: the first conversation is due within days and nothing is booked.
      {"cit-freja", "010190-1234", "Freja", "Jensen", 16, {"Pædagogmedhjælper", "Butiksassistent"}, nullptr, nullptr, nullptr, 2, nullptr},
      // Arabic-speaking, opted in to saved kiosk preferences.
      {"cit-mohammed", "020285-2345", "Mohammed", "Al-Sayed", 200, {"Buschauffør", "Lagermedarbejder"}, "Buschauffør",
       "Lagermedarbejder", "Rengøringsassistent", 3,
       {{"opted_in", true}, {"language", "ar"}, {"text_size", 150}, {"contrast", "normal"}, {"read_aloud", true}}},
      // Ukrainian, with a meeting today (check-in) — booking reference DEMO0TDY.
      {"cit-olena", "030392-3456", "Olena", "Kovalenko", 60, {"Regnskabsassistent", "Kontorassistent"}, "Regnskabsassistent",
       "Kontorassistent", "Kassemedarbejder", 3, nullptr},
      // Long-term unemployed and past the deadline: nothing booked.
      {"cit-bent", "040465-4567", "Bent", "Nielsen", 800, {"Lagerarbejder", "Pedel"}, "Pedel", "Lagerarbejder", "Chauffør", 2, nullptr},
      // Somali, with a meeting tomorrow: too late to move, still possible to cancel today.
      {"cit-amina", "050598-5678", "Amina", "Yusuf", 120, {"Sosu-hjælper", "Køkkenmedhjælper"}, "Sosu-hjælper", "Køkkenmedhjælper",
       "Rengøringsassistent", 3, nullptr},
      // Job log in use, a conversation six days ago to give feedback on, a meeting in ten days that
  // can still be moved.
      {"cit-peter", "060680-6789", "Peter", "Larsen", 150, {"Tømrer", "Montør"}, "Tømrer", "Montør", "Lagerarbejder", 4, nullptr},
      // Farsi-speaking, no job log yet.
      {"cit-sara", "070795-7890", "Sara", "Ahmadi", 40, {"Tandklinikassistent", "Receptionist"}, nullptr, nullptr, nullptr, 2, nullptr},
  };

  const std::string pinBirgitte = hashPin(pinPepper, "1357");
  const std::string pinJonas = hashPin(pinPepper, "2468");

  db.transaction([&](Tx& tx) {
    for (const auto& c : consultants) {
      tx.exec("INSERT INTO consultants VALUES(?,?,?,?,?,?)",
              {c.id, c.firstName, c.name, c.languages.dump(), c.competences.dump(), c.contactForms.dump()});
    }
    tx.exec("INSERT INTO staff VALUES('S1001','Birgitte Lund',?,'staff')", {pinBirgitte});
    tx.exec("INSERT INTO staff VALUES('S1002','Jonas Brandt',?,'manager')", {pinJonas});
    tx.exec("INSERT INTO kiosk_places VALUES('demo-kiosk','Stueetagen, ved indgangen')");

    // [SECTION] Citizens
    for (const auto& c : citizens) {
      auto opt = [](const char* s) -> Value { return s ? Value(std::string(s)) : Value(nullptr); };
      tx.exec("INSERT INTO citizens VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
              {c.id, c.cpr, c.firstName, c.lastName, isoDate(addDays(today, -c.unemployedDaysAgo)), c.wishedJobTitles.dump(),
               opt(c.abcA), opt(c.abcB), opt(c.abcC), int64_t{c.weeklyTarget}, std::string("+45 20 00 00 0") + c.cpr[5],
               c.preferences.is_null() ? Value(nullptr) : Value(c.preferences.dump())});
    }

    // [SECTION] Slots: three weeks ahead, plus past slots that held earlier conversations.
    int slotNumber = 0;
    auto addSlot = [&](const DemoConsultant& c, Instant start) {
      const std::string id = "s-" + std::to_string(++slotNumber);
      tx.exec("INSERT INTO slots VALUES(?,?,?,?,?,?,?)",
              {id, c.id, start, start + 45 * 60, c.contactForms.dump(), std::string(kPlaceName), std::string(kPlaceAddress)});
      return id;
    };
    for (const auto& c : consultants) {
      for (const Instant start : demoSlotStarts(today, 22)) {
        if (start > now + 30 * 60) addSlot(c, start);
      }
    }

    int bookingNumber = 0;
    auto book = [&](const char* citizen, const DemoConsultant& c, Instant start, const char* status, const char* reference,
                    const json& topics, bool selfBooked = true) {
      const std::string slot = addSlot(c, start);
      const std::string ref = reference ? reference : randomCode("BCDFGHJKLMNPQRSTVWXZ23456789", 8);
      tx.exec("INSERT INTO bookings VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
              {"b-" + std::to_string(++bookingNumber), ref, citizen, slot, std::string(status), std::string("in_person"),
               topics.dump(), nullptr, nullptr, int64_t{selfBooked}, start - 14 * 86400, nullptr});
    };
    auto at = [&](int daysFromToday, int hour) { return localToInstant(addDays(today, daysFromToday), hour, 30); };
    // Conversations that took place.
    for (const int ago : {180, 120, 50}) book("cit-mohammed", consultants[1], at(-ago, 10), "completed", nullptr, {"job_search"});
    book("cit-olena", consultants[2], at(-30, 11), "completed", nullptr, {"job_opportunities"});
    for (const int ago : {700, 500, 300, 95}) book("cit-bent", consultants[7], at(-ago, 9), "completed", nullptr, {"coaching"});
    book("cit-amina", consultants[5], at(-100, 13), "completed", nullptr, {"job_search"});
    book("cit-peter", consultants[0], at(-120, 10), "completed", nullptr, {"job_search"});
    // Six days ago: recent enough that the kiosk asks how it went.
    book("cit-peter", consultants[0], at(-6, 10), "completed", nullptr, {"coaching", "job_search"});
    // Coming conversations. Olena's is later today: at 15:30, or 20 minutes from now when that is
    // later, but never past 23:59 — check-in finds only today's meetings, so after 23:40 it would
    // otherwise fall tomorrow and her booking code would find nothing.
    const Instant todayLater = std::min(std::max(now + 20 * 60, localToInstant(today, 15, 30)), localToInstant(today, 23, 59));
    book("cit-olena", consultants[2], todayLater, "booked", "DEMO0TDY", {"job_search"});
    book("cit-amina", consultants[5], at(1, 10), "booked", nullptr, {"general_guidance"});
    // Booked by his consultant at the last conversation, not by himself: Peter may still book one
    // meeting of his own (one self-booked meeting at a time, Policy::maxOpenSelfBookings).
    book("cit-peter", consultants[0], at(10, 13), "booked", nullptr, {"job_search"}, false);

    // Agreements from the last conversation.
    auto agree = [&](const char* citizen, int daysAgo, const char* text, const json& steps) {
      tx.exec("INSERT INTO agreements VALUES(?,?,?,?)", {citizen, isoDate(addDays(today, -daysAgo)), text, steps.dump()});
    };
    agree("cit-mohammed", 50, "Du søger 3 job om ugen som buschauffør eller på lager. Vi finder et kursus i kørekort til bus.",
          json::array({{{"who", "citizen"}, {"what", "Søg 3 job om ugen og skriv dem i din joblog."}},
                       {{"who", "jobcenter"}, {"what", "Find et kursus i kørekort til bus."}}}));
    agree("cit-olena", 30, "Du søger job på kontor. Vi ser på, om din uddannelse fra Ukraine kan godkendes.",
          json::array({{{"who", "citizen"}, {"what", "Send kopi af dit eksamensbevis."}},
                       {{"who", "jobcenter"}, {"what", "Spørg om godkendelse af uddannelsen."}}}));
    agree("cit-bent", 95, "Du vil gerne arbejde som pedel. Du prøver en praktik i 4 uger.",
          json::array({{{"who", "citizen"}, {"what", "Ring til skolen om praktik."}}}));
    agree("cit-amina", 100, "Du vil gerne arbejde i ældreplejen. Du tager et kursus i dansk.",
          json::array({{{"who", "citizen"}, {"what", "Gå til dansk to gange om ugen."}}}));
    agree("cit-peter", 6, "Du søger job som tømrer. Du skriver et nyt CV.",
          json::array({{{"who", "citizen"}, {"what", "Skriv nyt CV og søg 4 job om ugen."}},
                       {{"who", "jobcenter"}, {"what", "Send dig to job, der passer."}}}));

    // [SECTION] Activities, one of them full.
    struct DemoActivity {
      const char *id, *title, *kind, *description;
      int daysAhead, hour, seats, taken;
    };
    const DemoActivity activities[] = {
        {"a-cv", "CV-værksted", "cv_workshop", "Vi hjælper dig med at skrive et godt CV.", 3, 9, 12, 9},
        {"a-net", "Netværksmøde", "network", "Mød andre, der søger job, og del gode råd.", 5, 13, 20, 4},
        {"a-hjaelp", "Hjælp til jobsøgning", "job_search_help", "Vi søger job sammen på computeren.", 2, 10, 8, 8},
        {"a-samtale", "Øv jobsamtalen", "interview_training", "Øv dig i at gå til jobsamtale.", 8, 9, 10, 2},
        {"a-info", "Informationsmøde om uddannelse", "information_meeting", "Hør om uddannelse, mens du er ledig.", 12, 14, 30, 11},
    };
    for (const auto& a : activities) {
      const Instant start = localToInstant(addDays(today, a.daysAhead), a.hour, 0);
      tx.exec("INSERT INTO activities VALUES(?,?,?,?,?,?,?,?,?,?)",
              {a.id, a.title, a.kind, a.description, start, start + 2 * 3600, std::string(kPlaceName), std::string(kPlaceAddress),
               int64_t{a.seats}, int64_t{a.taken}});
    }
    tx.exec("INSERT INTO registrations VALUES('a-net','cit-peter',?)", {now - 2 * 86400});

    // [SECTION] Job log
    int entry = 0;
    auto log = [&](const char* citizen, int daysAgo, const char* title, const char* employer, const char* how) {
      tx.exec("INSERT INTO joblog VALUES(?,?,'application',?,?,?,?,?,NULL,?)",
              {"j-" + std::to_string(++entry), citizen, title, employer, std::string("Havnestad"),
               isoDate(addDays(today, -daysAgo)), how, now - daysAgo * 86400});
    };
    log("cit-mohammed", 1, "Buschauffør", "Havnestad Busser", "online_form");
    log("cit-mohammed", 2, "Lagermedarbejder", "Nordlager A/S", "email");
    log("cit-mohammed", 9, "Lagermedarbejder", "Fragt & Co", "in_person");
    log("cit-peter", 3, "Tømrer", "Byg Nord", "email");
    log("cit-peter", 4, "Montør", "Vinduesfabrikken", "online_form");
    log("cit-peter", 12, "Tømrer", "Tagteam ApS", "phone");
    log("cit-amina", 5, "Sosu-hjælper", "Plejecenter Solsiden", "online_form");
  });
}

}  // namespace jobcenter
