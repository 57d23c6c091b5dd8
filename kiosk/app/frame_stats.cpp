#include "kiosk/app/frame_stats.h"

#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>

namespace kiosk::app {

bool FrameStats::write(const std::filesystem::path& file) const {
  nlohmann::json frames = nlohmann::json::array();
  for (const auto& f : frames_) {
    nlohmann::json frame = {{"screen", f.screen}, {"label", f.label}, {"text_size", f.textSize}, {"cpu_ms", f.cpuMs}, {"wall_ms", f.wallMs}};
    if (f.inputToPresentMs) frame["input_to_present_ms"] = *f.inputToPresentMs;
    frames.push_back(std::move(frame));
  }
  nlohmann::json stretches = nlohmann::json::array();
  for (const auto& s : stretches_) stretches.push_back({{"label", s.label}, {"wall_ms", s.wallMs}});
  std::ofstream out(file);
  out << nlohmann::json{{"frames", frames}, {"stretches", stretches}}.dump() << '\n';
  return static_cast<bool>(out);
}

std::chrono::nanoseconds processCpuTime() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

}  // namespace kiosk::app
