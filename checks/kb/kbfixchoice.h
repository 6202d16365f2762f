// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "kb/kbarticle.h"

#include <QList>
#include <QMap>
#include <QString>

// Which of an article's fix blocks a check result is offered, decided in one place for the
// remediation panel, `doctor kb show --result` and the JSON report's remediation.fixes.
struct KbFixChoice
{
    enum class Verdict {
        Article, // no result (the KB browser, `kb show` alone): every block, none folded
        NothingToDo, // the check passed: no fix blocks at all
        NotRun, // skipped or not run: `reason` says why, and there is no fix to offer
        Chosen, // warn, fail or error: the blocks whose "When:" condition the evidence meets
    };
    Verdict verdict = Verdict::Article;
    QString reason; // NotRun: the result's message
    QList<KbCodeBlock> matching; // in the article's order
    QList<KbCodeBlock> other; // Chosen: the blocks that do not match, in the article's order

    // The choice among the blocks for `style` (KbArticle::fixesFor); result may be null.
    static KbFixChoice choose(
        const KbArticle &article, DeploymentStyle style, const CheckResult *result);
    // The block's condition as shown beside it: canonical ("Reachable = false"), as
    // written when it does not parse, empty for a block without a "When:" line.
    static QString conditionText(const KbCodeBlock &block);
    // Pass: false; warn, fail, error: true; skipped and any status added later: false.
    static bool wantsFixes(CheckStatus status);
    // A result's remediation.fixes: the matching blocks of every deployment style (styles in
    // Deployment::all() order, blocks in the article's), placeholders filled from values
    // in the command and the title, titled by their caption (the style's title when a block has
    // none). Empty for a result that wants no fixes.
    static QList<FixSuggestion> suggestions(
        const KbArticle &article, const CheckResult &result, const QMap<QString, QString> &values);
};
