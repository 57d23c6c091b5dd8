#pragma once
// What the windowing layer reports, in terms that do not depend on SDL or GLFW. Scripted runs
// produce the same events, so a test taps exactly the way a finger does.

#include <string>
#include <variant>

namespace kiosk::platform {

enum class PointerKind { Mouse, Touch };

struct PointerDown { float x = 0, y = 0; PointerKind kind = PointerKind::Touch; };
struct PointerUp { float x = 0, y = 0; PointerKind kind = PointerKind::Touch; };
struct PointerMove { float x = 0, y = 0; PointerKind kind = PointerKind::Touch; };
struct Wheel { float dy = 0; };
struct TextTyped { std::string utf8; };

enum class Key { Enter, Backspace, Delete, Tab, Escape, Left, Right, Up, Down, Home, End, Count };
struct KeyChange { Key key = Key::Enter; bool down = true; };

struct Resized { int width = 0, height = 0; };
struct QuitRequested {};  // the window manager or Alt+F4 asks to close the window
// The display server is gone (under cage: the compositor ended). Nothing can be shown any more,
// so the program ends and systemd starts the session again.
struct DisplayLost {};
// A sound output was plugged in or out after start-up: on a kiosk that is the citizen's
// headphones (private listening, EN 301 549 5.1.3.8; plugging them in starts speech, 5.2).
struct AudioDeviceChanged { bool added = true; };

using InputEvent = std::variant<PointerDown, PointerUp, PointerMove, Wheel, TextTyped, KeyChange, Resized,
                                QuitRequested, DisplayLost, AudioDeviceChanged>;

}  // namespace kiosk::platform
