// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "appearance.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleHints>

using namespace Qt::StringLiterals;

namespace {
Appearance::Theme s_current = Appearance::Theme::System;

// The style the application started with, before any theme replaced it with Fusion.
QString startStyle()
{
    static const QString name = QApplication::style()->name();
    return name;
}

struct Colours
{
    QColor window, text, base, alternateBase, highlight, link, linkVisited, disabledText;
};

// Fusion's palette is built from a few colours in the same way for both themes; written out
// here rather than taken from QFusionStyle::standardPalette(), which since Qt 6.5 follows the
// platform's colour scheme (a dark desktop would turn "Light" dark) and leaves the link a
// pure blue that cannot be read on a dark base.
QPalette paletteFrom(const Colours &c, bool dark)
{
    const QColor light = c.window.lighter(dark ? 130 : 150);
    const QColor mid = c.window.darker(130);
    const QColor darkRole = c.window.darker(150);
    QPalette p(c.text, c.window, light, darkRole, mid, c.text, c.base);
    p.setColor(QPalette::Button, c.window);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::AlternateBase, c.alternateBase);
    p.setColor(QPalette::Midlight, mid.lighter(110));
    p.setColor(QPalette::Shadow, darkRole.darker(135));
    p.setColor(QPalette::BrightText, dark ? QColor(255, 110, 110) : QColor(220, 0, 0));
    p.setColor(QPalette::ToolTipBase, dark ? c.window.lighter(125) : QColor(255, 255, 220));
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::Highlight, c.highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, c.link);
    p.setColor(QPalette::LinkVisited, c.linkVisited);
    QColor placeholder = c.text;
    placeholder.setAlpha(128);
    p.setColor(QPalette::PlaceholderText, placeholder);
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    p.setColor(QPalette::Accent, c.highlight);
#endif
    for (const QPalette::ColorRole role :
        { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, c.window);
    p.setColor(
        QPalette::Disabled, QPalette::Highlight, dark ? QColor(80, 80, 80) : QColor(145, 145, 145));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, c.disabledText);
    return p;
}
} // namespace

QString Appearance::settingsKey()
{
    return u"ui/theme"_s;
}

QString Appearance::key(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return u"system"_s;
    case Theme::Light:
        return u"light"_s;
    case Theme::Dark:
        return u"dark"_s;
    }
    return {};
}

std::optional<Appearance::Theme> Appearance::fromKey(const QString &key)
{
    for (const Theme t : { Theme::System, Theme::Light, Theme::Dark })
        if (key.trimmed().compare(Appearance::key(t), Qt::CaseInsensitive) == 0)
            return t;
    return std::nullopt;
}

Appearance::Theme Appearance::saved()
{
    return fromKey(QSettings().value(settingsKey()).toString()).value_or(Theme::System);
}

Appearance::Theme Appearance::current()
{
    return s_current;
}

QPalette Appearance::lightPalette()
{
    // Link #0057ae on white: contrast 7:1.
    return paletteFrom(
        { QColor(239, 239, 239), Qt::black, Qt::white, QColor(247, 247, 247), QColor(48, 140, 198),
            QColor(0, 87, 174), QColor(100, 74, 155), QColor(150, 150, 150) },
        false);
}

QPalette Appearance::darkPalette()
{
    // Link #6eaaff: contrast 6.4:1 on the base #262626, 5.4:1 on the window (WCAG AA: 4.5:1).
    return paletteFrom({ QColor(50, 50, 50), QColor(232, 232, 232), QColor(38, 38, 38),
                           QColor(46, 46, 46), QColor(42, 120, 200), QColor(110, 170, 255),
                           QColor(190, 150, 255), QColor(128, 128, 128) },
        true);
}

bool Appearance::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

void Appearance::apply(Theme theme)
{
    const QString original = startStyle(); // captured before the first change
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // Where the platform theme supports it (Windows, macOS, GNOME, KDE) this also turns the
    // title bar and native dialogs; elsewhere it is a no-op and the palette does the work.
    QGuiApplication::styleHints()->setColorScheme(theme == Theme::Dark ? Qt::ColorScheme::Dark
            : theme == Theme::Light                                    ? Qt::ColorScheme::Light
                                                                       : Qt::ColorScheme::Unknown);
#endif
    if (theme == Theme::System) {
        if (s_current != Theme::System) { // at start nothing needs undoing
            if (QApplication::style()->name() != original)
                QApplication::setStyle(original);
            // A palette with no roles of its own: the application falls back to the
            // platform's and keeps following it (a desktop switching to dark while we run).
            QApplication::setPalette(QPalette());
        }
    } else {
        // Fusion draws everything from the palette; native styles (Windows 11, macOS) do not.
        if (QApplication::style()->name().compare(u"fusion"_s, Qt::CaseInsensitive) != 0)
            QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
    }
    s_current = theme;
}
