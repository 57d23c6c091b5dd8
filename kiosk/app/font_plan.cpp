#include "kiosk/app/font_plan.h"

#include <iterator>

#include "kiosk/i18n/date_format.h"
#include "kiosk/i18n/language_names.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/keyboard.h"

namespace kiosk::app {

ui::FontPlan planFonts(const i18n::Catalogs& catalogs, const std::string& language, int textSizePercent, float pixelScale) {
  ui::FontPlan plan;
  plan.pixelScale = pixelScale;
  plan.textScale = static_cast<float>(textSizePercent) / 100.f;
  // Strings are kept apart by line breaks: run together, the last Arabic letter of one would join
  // the first of the next and the atlas would hold the wrong (medial instead of final) forms.
  auto add = [](std::string& to, const std::string& text) { to.append(text).push_back('\n'); };
  for (const auto& key : catalogs.keys(language)) add(plan.texts, catalogs.text(language, key));
  add(plan.texts, "0123456789%");
  add(plan.texts, i18n::dateVocabulary(language));
  add(plan.texts, ui::keyboardGlyphTexts());
  add(plan.texts, i18n::spokenLanguageVocabulary(language));
  for (const auto& other : catalogs.languages().languages) {
    add(plan.texts, other.nativeName);
    for (const char* key : {"attract.hello", "attract.touch_to_start"}) add(plan.texts, catalogs.text(other.code, key));
    add(plan.displayTexts, catalogs.text(other.code, "attract.welcome"));
  }
  plan.icons.assign(std::begin(ui::icon::kAll), std::end(ui::icon::kAll));
  return plan;
}

}  // namespace kiosk::app
