#include "podpalette.h"

#include <array>

namespace {

// Okabe & Ito (2008), without black (used for text) and yellow (unreadable on white).
constexpr std::array<QRgb, 6> palette = {
    0xff0072b2, // blue
    0xffd55e00, // vermillion
    0xff009e73, // bluish green
    0xffcc79a7, // reddish purple
    0xffe69f00, // orange
    0xff56b4e9, // sky blue
};

} // namespace

QColor PodPalette::colorAt(int deploymentIndex) {
    if (deploymentIndex < 0) {
        return QColor(Qt::gray);
    }
    return QColor::fromRgb(palette[static_cast<std::size_t>(deploymentIndex) % palette.size()]);
}

int PodPalette::size() {
    return static_cast<int>(palette.size());
}
