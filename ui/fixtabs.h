// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "engine/environment.h"
#include "kb/kbarticle.h"

#include <QTabWidget>
#include <optional>

class CodeBlockView;
class QToolButton;
class QVBoxLayout;

// The fix commands of a KB article, one tab per deployment style, with the environment's
// placeholders filled in. Which blocks a result is offered is KbFixChoice's decision: the
// blocks whose "When:" condition the evidence meets, in the article's order, with the
// others folded away under "N other fixes that do not match"; "Nothing to do" for a pass
// and the reason for a check that did not run, with no commands. Tabs are built when first
// shown (the one in view on the next turn of the event loop): building every highlighted
// block of all three styles at once is what made selecting a result slow.
class FixTabs : public QTabWidget
{
    Q_OBJECT
public:
    explicit FixTabs(QWidget *parent = nullptr);

    // Shows article's fixes (none for nullptr) chosen for result, with the placeholders
    // result's evidence fills (KbPlaceholders::fromEvidence) and env's over them;
    // env's deployment style becomes the current tab (without an environment it stays).
    void setFixes(
        const KbArticle *article, const std::optional<CheckResult> &result, const Environment *env);

    // The fix blocks shown for style: the chosen ones (every block without a result).
    QList<CodeBlockView *> codeBlocks(DeploymentStyle style);
    // The folded blocks that do not match the result (built when first unfolded, or here).
    QList<CodeBlockView *> otherCodeBlocks(DeploymentStyle style);
    // The button that unfolds them; nullptr when no block is folded for style.
    QToolButton *otherFixesToggle(DeploymentStyle style);
    // What the tab for style says instead of, or before, its commands ("Nothing to do: ...",
    // the reason a check did not run, "No fix ... matches"); empty when it just lists.
    QString verdictText(DeploymentStyle style);

Q_SIGNALS:
    void commandCopied(const QString &text);

private:
    void buildTab(int index);
    void buildOtherBlocks(int index);
    void addBlock(QVBoxLayout *layout, QWidget *page, const KbCodeBlock &block,
        QList<CodeBlockView *> *views);

    std::optional<KbArticle> m_article;
    std::optional<CheckResult> m_result; // the result the fixes are chosen for
    QMap<QString, QString> m_placeholders;
    quint64 m_serial = 0; // drops the deferred build of fixes no longer shown
    QList<bool> m_built; // per DeploymentStyle: blocks created
    QList<QList<CodeBlockView *>> m_blocks; // per DeploymentStyle
    QList<QList<CodeBlockView *>> m_otherBlocks; // per DeploymentStyle: folded, not matching
    QList<QToolButton *> m_otherToggles; // per DeploymentStyle, nullptr when nothing folded
    QList<QWidget *> m_otherBoxes; // per DeploymentStyle: holds the folded blocks
    QList<QList<KbCodeBlock>> m_otherPending; // per DeploymentStyle: folded, not yet built
    QStringList m_verdicts; // per DeploymentStyle: verdictText()
};
