// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "migrations/migrationentry.h"

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

// A migration's state as a badge whose shape and glyph say the state as well as its colour
// (the table also writes the state out): applied a green disc with a tick, pending an amber
// disc with clock hands, failed a red disc with a cross, dirty an orange triangle with "!",
// modified a purple diamond with "≠", ahead (not in the expected set) a blue disc with an
// arrow up, out of order a teal disc with arrows up and down.
QIcon forMigrationState(MigrationEntry::State state);
QColor colour(MigrationEntry::State state); // the badge's fill
// The state's text colour on a light (dark false) or dark palette's base: contrast at least
// 4.5:1 (WCAG AA) on the base, the alternate base and the tint of failing rows of
// Appearance's light and dark palettes (tst_migrationsview checks it).
QColor textColour(MigrationEntry::State state, bool dark);

// The environments list's badges (issue 16), shapes unlike any status badge's: "migration
// in progress" a blue rounded square with a forward double chevron, "blocked" a red
// octagon (a stop sign) with a white bar. The Locks view marks root blockers with blocked()
// and waiting DDL statements (a blocked migration) with migrationInProgress().
QIcon migrationInProgress();
QIcon blocked();
QColor migrationInProgressColour();
QColor blockedColour();
} // namespace StatusIcons
