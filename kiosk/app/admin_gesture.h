#pragma once
// The gesture that opens admin mode: a finger held still for two seconds in the top-left corner,
// lifted, then within eight seconds held two seconds in the top-right corner (the corners of
// the display, the same in every language). A citizen does not do that by chance: a tap, a
// swipe or a hold anywhere else starts the gesture over. Documented in docs/operator.md.

#include <chrono>
#include <optional>

namespace kiosk::app {

class AdminGesture {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::seconds kHold{2};
  static constexpr std::chrono::seconds kWithin{8};  // from lifting the first finger to the second hold's end
  static constexpr float kCorner = 0.08f;            // a corner: this share of the display's width and height

  void down(float x, float y, float width, float height, Clock::time_point now);
  void moved(float x, float y);
  // True when this lift completes the gesture.
  bool up(Clock::time_point now);
  // A finger has been held in a corner long enough to count: its lift must not also tap.
  bool holdingCorner(Clock::time_point now) const;
  bool inCorner() const { return corner_ != Corner::None; }  // a finger is down in a corner, still

 private:
  enum class Corner { None, TopLeft, TopRight };
  Corner corner_ = Corner::None;  // where the finger that is down went down
  float x_ = 0, y_ = 0, travelLimit_ = 0;
  Clock::time_point downAt_;
  std::optional<Clock::time_point> firstDoneAt_;  // the top-left hold was made
};

}  // namespace kiosk::app
