#pragma once
// What each frame of a scripted run cost (--frame-stats FILE): CPU and wall time, the time from
// an input event's arrival to the frame that answered it being presented, and the wall time of
// named stretches of a script (a language switch). For scripts/bench; nothing is kept about
// what was on the screen beyond the screen's name.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

struct FrameSample {
  std::string screen;  // the screen this frame drew
  std::string label;  // what the script was doing ("drag"), or empty
  int textSize = 100;
  double cpuMs = 0;   // the whole process's CPU: a software GL (llvmpipe) draws on threads of its own
  double wallMs = 0;
  std::optional<double> inputToPresentMs;  // set on the first frame presented after input arrived
  std::chrono::steady_clock::time_point presentedAt;
};

struct MeasuredStretch {
  std::string label;
  double wallMs = 0;
};

class FrameStats {
 public:
  void add(FrameSample sample) { frames_.push_back(std::move(sample)); }
  void addStretch(MeasuredStretch stretch) { stretches_.push_back(std::move(stretch)); }
  const std::vector<FrameSample>& frames() const { return frames_; }
  const std::vector<MeasuredStretch>& stretches() const { return stretches_; }
  // As JSON: {"frames": [{"screen", "label", "text_size", "cpu_ms", "wall_ms", "input_to_present_ms"?}],
  //           "stretches": [{"label", "wall_ms"}]}. False when the file cannot be written.
  bool write(const std::filesystem::path& file) const;

 private:
  std::vector<FrameSample> frames_;
  std::vector<MeasuredStretch> stretches_;
};

// CPU time of the whole process so far.
std::chrono::nanoseconds processCpuTime();

}  // namespace kiosk::app
