// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"

#include <QIcon>

// Small status badges drawn in code, so they look the same on every platform and
// scale cleanly on high-DPI screens (no bitmap assets, no icon theme needed).
//
// Colours: pass green, warn amber, fail red (a failed connection included), error purple
// (as loud as red: the check could not decide), skipped light grey, not run a grey ring
// with a stroke through it (it did not run; its root cause is another result).
namespace StatusIcons {
QIcon forStatus(CheckStatus status);
// A result row's icon: faded when the result is from an earlier run still being refreshed
// (stale); with a blue dot at the top right when its status changed since the last run.
QIcon forResult(CheckStatus status, bool changed, bool stale);
QIcon none(); // no result yet
QIcon busy(int frame); // a turning arc, frame 0..7
QColor colour(CheckStatus status);
QColor changedColour(); // the "changed since the last run" dot
} // namespace StatusIcons
