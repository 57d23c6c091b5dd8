#include "kiosk/app/font_plan.h"

#include <iterator>

#include "kiosk/ui/icons.h"

namespace kiosk::app {

ui::FontPlan planFonts(const i18n::Catalogs& catalogs, const std::string& language, int textSizePercent, float pixelScale) {
  ui::FontPlan plan;
  plan.pixelScale = pixelScale;
  plan.textScale = static_cast<float>(textSizePercent) / 100.f;
  for (const auto& key : catalogs.keys(language)) plan.texts += catalogs.text(language, key);
  plan.texts += "0123456789%";
  for (const auto& other : catalogs.languages().languages) {
    plan.texts += other.nativeName;
    for (const char* key : {"attract.hello", "attract.touch_to_start"}) plan.texts += catalogs.text(other.code, key);
    plan.displayTexts += catalogs.text(other.code, "attract.welcome");
  }
  plan.icons.assign(std::begin(ui::icon::kAll), std::end(ui::icon::kAll));
  return plan;
}

}  // namespace kiosk::app
