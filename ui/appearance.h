// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>
#include <optional>

class QPalette;

// The application's colour theme: the platform's own, or the Fusion style with an explicit
// light or dark palette. Explicit, because the Debian build root, Xvfb and many X11 sessions
// have no platform theme plugin that could be asked for a dark appearance (there
// QStyleHints::setColorScheme() changes nothing).
namespace Appearance {
enum class Theme { System, Light, Dark };

// The QSettings key of the chosen theme; its values are key(theme).
QString settingsKey();
// "system", "light", "dark": stored in the settings and taken by --theme.
QString key(Theme theme);
// The theme named by key(); nullopt for anything else.
std::optional<Theme> fromKey(const QString &key);
// The theme chosen in Settings; System when none was chosen or the value is unknown.
Theme saved();

// Applies the theme to the running application at once: style, palette and, with
// Qt >= 6.8, the colour scheme requested from the platform (title bars, native dialogs).
// Every widget gets a PaletteChange event; code blocks and articles re-colour on it.
// Needs a QApplication. System restores the style and palette the application started with.
void apply(Theme theme);
// The theme last applied (System before the first apply()).
Theme current();

// Fusion's palettes, with link colours readable on their base colour.
QPalette lightPalette();
QPalette darkPalette();
// True when the palette draws light text on a dark window.
bool isDark(const QPalette &palette);
} // namespace Appearance
