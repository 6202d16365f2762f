// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kb/kbfixchoice.h"

#include "kb/kbplaceholders.h"

bool KbFixChoice::wantsFixes(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Warn:
    case CheckStatus::Fail:
    case CheckStatus::Error:
        return true;
    default: // pass, skipped, and statuses such as "not run" that have nothing to fix
        return false;
    }
}

QString KbFixChoice::conditionText(const KbCodeBlock &block)
{
    if (!block.when)
        return {};
    return block.when->error.isEmpty() ? block.when->condition.toString() : block.when->text;
}

KbFixChoice KbFixChoice::choose(
    const KbArticle &article, DeploymentStyle style, const CheckResult *result)
{
    KbFixChoice c;
    const QList<KbCodeBlock> blocks = article.fixesFor(style);
    if (!result) {
        c.matching = blocks;
        return c;
    }
    if (result->status == CheckStatus::Pass) {
        c.verdict = Verdict::NothingToDo;
        return c;
    }
    if (!wantsFixes(result->status)) {
        c.verdict = Verdict::NotRun;
        c.reason = result->message;
        return c;
    }
    c.verdict = Verdict::Chosen;
    for (const KbCodeBlock &b : blocks)
        (b.appliesTo(result->evidence) ? c.matching : c.other) << b;
    return c;
}

QList<FixSuggestion> KbFixChoice::suggestions(
    const KbArticle &article, const CheckResult &result, const QMap<QString, QString> &values)
{
    QList<FixSuggestion> out;
    for (DeploymentStyle style : Deployment::all()) {
        for (const KbCodeBlock &b : choose(article, style, &result).matching) {
            const QString title = b.caption.isEmpty() ? Deployment::title(style) : b.caption;
            out << FixSuggestion { style, KbPlaceholders::fill(title, values),
                KbPlaceholders::fill(b.text, values) };
        }
    }
    return out;
}
