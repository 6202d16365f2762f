// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/remediationsource.h"
#include "kb/kbarticle.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// All knowledge-base articles, keyed by checkId: the ones shipped in the resources plus
// the user's own folders, which may add articles or override shipped ones.
class KbLibrary : public RemediationSource
{
public:
    // Loads the shipped articles (":/kb", recursively) and then each extra directory in
    // order; an article with the same checkId as an earlier one replaces it (user
    // overrides). Drops whatever was loaded before. Broken files are skipped and reported.
    void load(const QStringList &extraDirs = {});

    const KbArticle *article(const QString &checkId) const; // nullptr when none
    QList<KbArticle> articles() const; // sorted by checkId
    // "FILE:LINE: message" for articles that failed to parse ("DIR: message" for a
    // folder that cannot be read).
    QStringList errors() const;
    // The *.md files of a folder, recursively, in the order load() reads them (sorted, so
    // which of two files with the same checkId wins does not depend on the file system).
    static QStringList articleFiles(const QString &dir);

    // The runner's remediation (RemediationSource): the article's source as the runbook and
    // the fixes whose "When:" condition the evidence meets (KbFixChoice, which the panel and
    // `doctor kb show --result` use too); none for a pass or a check that did not run.
    void attachRemediation(CheckResult *r, const Environment &env) const override;

private:
    void loadDir(const QString &dir);
    void loadFile(const QString &path);

    QMap<QString, KbArticle> m_articles;
    QStringList m_errors;
};
