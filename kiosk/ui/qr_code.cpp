#include "kiosk/ui/qr_code.h"

#include <imgui.h>
#include <qrencode.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace kiosk::ui {

QrMatrix encodeQr(const std::string& text) {
  QrMatrix m;
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!code) return m;
  m.size = code->width;
  m.dark.resize(static_cast<size_t>(m.size * m.size));
  for (int i = 0; i < m.size * m.size; ++i) m.dark[static_cast<size_t>(i)] = (code->data[i] & 1) != 0;
  return m;
}

void qrCode(Ui& ui, std::string_view key, const QrMatrix& qr, const Rect& rect) {
  if (qr.empty()) return;
  constexpr int kQuiet = 4;
  const int modules = qr.size + 2 * kQuiet;
  const float module = std::floor(std::min(rect.w, rect.h) / static_cast<float>(modules));
  const float side = module * static_cast<float>(modules);
  const float x0 = std::round(rect.x + (rect.w - side) / 2), y0 = std::round(rect.y + (rect.h - side) / 2);
  auto* list = ImGui::GetWindowDrawList();
  list->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + side, y0 + side), IM_COL32(255, 255, 255, 255));
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size; ++x) {
      if (!qr.at(x, y)) continue;
      const float px = x0 + static_cast<float>(x + kQuiet) * module, py = y0 + static_cast<float>(y + kQuiet) * module;
      list->AddRectFilled(ImVec2(px, py), ImVec2(px + module, py + module), IM_COL32(0, 0, 0, 255));
    }
  }
  AccessNode node;
  node.role = Role::Text;
  node.key = std::string(key);
  node.text = "QR";
  node.rect = node.visibleRect = {x0, y0, side, side};
  ui.tree().add(std::move(node));
}

}  // namespace kiosk::ui
