// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "highlighting.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <QCoreApplication>
#include <QPalette>
#include <QThread>
#include <future>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Loaded
{
    std::future<KSyntaxHighlighting::Repository *> loading;
    std::unique_ptr<KSyntaxHighlighting::Repository> repository;
    void finish()
    {
        if (loading.valid())
            repository.reset(loading.get());
    }
    ~Loaded() { finish(); } // never asked for: deleted with the rest at exit
};

Loaded &loaded()
{
    static Loaded l;
    return l;
}

// A program that quits while the thread still loads waits for it before the application
// object goes (the repository reads the application's paths).
void finishLoading()
{
    loaded().finish();
}

} // namespace

void Highlighting::preload()
{
    Loaded &l = loaded();
    if (l.repository || l.loading.valid())
        return;
    QThread *ui = QThread::currentThread();
    qAddPostRoutine(finishLoading);
    l.loading = std::async(std::launch::async, [ui] {
        auto *repo = new KSyntaxHighlighting::Repository;
        repo->moveToThread(ui); // a QObject: from here on it belongs to the UI thread
        return repo;
    });
}

KSyntaxHighlighting::Repository &Highlighting::repository()
{
    Loaded &l = loaded();
    if (!l.repository) {
        preload();
        l.repository.reset(l.loading.get()); // the future's get() orders the thread's writes
    }
    return *l.repository;
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
