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

    // The article with this id: a check's own article by its checkId, or a variant by its
    // articleId (KbArticle::id(), what Remediation::article holds); nullptr when none.
    const KbArticle *article(const QString &id) const;
    // The article a result is shown with: the first variant of its check (by articleId)
    // whose "when" its evidence meets, e.g. the Flyway article for a migrations result with
    // Tool=flyway; else the check's own article; nullptr when the check has none.
    const KbArticle *articleFor(const CheckResult &result) const;
    QList<KbArticle> articles() const; // the checks' own articles, sorted by checkId
    QList<KbArticle> variants() const; // every variant, sorted by articleId
    // "FILE:LINE: message" for articles that failed to parse ("DIR: message" for a
    // folder that cannot be read).
    QStringList errors() const;
    // The *.md files of a folder, recursively, in the order load() reads them (sorted, so
    // which of two files with the same checkId wins does not depend on the file system).
    static QStringList articleFiles(const QString &dir);

    // The runner's remediation (RemediationSource) from articleFor(): the article's source as
    // the runbook, its id in Remediation::article when it is a variant, and the fixes whose
    // "When:" condition the evidence meets (KbFixChoice, which the panel and `doctor kb show
    // --result` use too), placeholders filled from the environment and then from the
    // evidence (KbPlaceholders::fromEvidence); none for a pass or a check that did not run.
    void attachRemediation(CheckResult *r, const Environment &env) const override;

private:
    void loadDir(const QString &dir);
    void loadFile(const QString &path);

    QMap<QString, KbArticle> m_articles; // by checkId
    QMap<QString, KbArticle> m_variants; // by articleId
    QStringList m_errors;
};
