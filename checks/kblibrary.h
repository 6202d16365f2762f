#pragma once

#include "kbarticle.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Knowledge-base articles by check id: the shipped ones (":/kb") overridden by user folders.
class KbLibrary
{
public:
    void load(const QStringList &extraDirs = {});
    const KbArticle *article(const QString &checkId) const;
    QList<KbArticle> articles() const;
    QStringList errors() const;

private:
    QMap<QString, KbArticle> m_articles;
    QStringList m_errors;
};

namespace KbPlaceholders {
QStringList find(const QString &text);
QString fill(const QString &text, const QMap<QString, QString> &values);
} // namespace KbPlaceholders
