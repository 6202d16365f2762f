// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "translator.h"

#include "settingsdialog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

QString UiTranslator::install(QCoreApplication *app)
{
    const QString chosen = QSettings().value(SettingsDialog::languageKey()).toString();
    const QLocale locale = chosen.isEmpty() ? QLocale::system() : QLocale(chosen);
    auto *ours = new QTranslator(app);
    if (!ours->load(locale, u"doctor"_s, u"_"_s, u":/i18n"_s)) {
        delete ours;
        return u"en"_s;
    }
    app->installTranslator(ours);
    // Qt's own strings (standard buttons, dialogs) where the translations are installed.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    else
        delete qt;
    return QLocale::languageToCode(locale.language());
}
