// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "highlighting.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <QPalette>

using namespace Qt::StringLiterals;

KSyntaxHighlighting::Repository &Highlighting::repository()
{
    static KSyntaxHighlighting::Repository repo;
    return repo;
}

KSyntaxHighlighting::Definition Highlighting::definitionForFence(const QString &language)
{
    const QString lang = language.trimmed().toLower();
    QString name;
    if (lang == u"bash" || lang == u"sh" || lang == u"shell" || lang == u"console")
        name = u"Bash"_s;
    else if (lang == u"yaml" || lang == u"yml")
        name = u"YAML"_s;
    else if (lang == u"json")
        name = u"JSON"_s;
    else if (lang == u"sql" || lang == u"psql" || lang == u"postgresql")
        name = u"SQL (PostgreSQL)"_s;
    else if (lang == u"ini" || lang == u"conf")
        name = u"INI Files"_s;
    if (name.isEmpty())
        return repository().definitionForName(language); // e.g. a definition named exactly so
    return repository().definitionForName(name);
}

KSyntaxHighlighting::Theme Highlighting::themeFor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return repository().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                          : KSyntaxHighlighting::Repository::LightTheme);
}
