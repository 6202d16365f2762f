#pragma once

#include "checkresult.h"

#include <QIcon>

// Small status badges drawn in code, so they look the same on every platform and
// scale cleanly on high-DPI screens (no bitmap assets, no icon theme needed).
namespace StatusIcons {
QIcon forStatus(CheckStatus status);
QIcon none(); // no result yet
QIcon busy(int frame); // a turning arc, frame 0..7
QColor colour(CheckStatus status);
} // namespace StatusIcons
