#pragma once
// Dates and times as a citizen in that language reads them, in Copenhagen time, by ICU:
// "mandag 23. november", "الاثنين ٢٣ نوفمبر", "09.00".

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::i18n {

std::string formatDate(std::string_view language, int64_t unixSeconds);
std::string formatTime(std::string_view language, int64_t unixSeconds);
// The two halves of formatDate, for a day button: "onsdag" and "2. december".
std::string formatWeekday(std::string_view language, int64_t unixSeconds);
std::string formatDayMonth(std::string_view language, int64_t unixSeconds);
// A calendar date ("2026-11-28") as formatDate shows it; the text itself if it is not a date.
std::string formatIsoDate(std::string_view language, std::string_view isoDate);

// Every character dates and times can use in this language (month and day names, digits): what
// the font atlas must hold for them.
std::string dateVocabulary(std::string_view language);

}  // namespace kiosk::i18n
