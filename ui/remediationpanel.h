// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "engine/checkresult.h"
#include "engine/environment.h"
#include "kb/kbarticle.h"

#include <QWidget>
#include <optional>

class ArticleView;
class CodeBlockView;
class QLabel;
class QSplitter;
class QTabWidget;
class QTableWidget;
class QToolButton;
class QVBoxLayout;
class QHBoxLayout;

// Beside the results: the selected check's KB article, its evidence, and the fix
// commands for each deployment style (the environment's own style first) with
// placeholders filled from the environment. Which fixes a result is offered is
// KbFixChoice's decision: the blocks whose "When:" condition the evidence meets, in the
// article's order, with the others folded away under "N other fixes that do not match";
// "Nothing to do" for a pass and the reason for a check that did not run, with no commands.
class RemediationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RemediationPanel(QWidget *parent = nullptr);

    // Shows article for result in env; any of them may be missing.
    void show(
        const KbArticle *article, const std::optional<CheckResult> &result, const Environment *env);
    void clear();

    QString checkId() const { return m_checkId; }
    QTabWidget *fixTabs() const { return m_tabs; }
    // The fix blocks shown for style: the chosen ones (every block without a result).
    QList<CodeBlockView *> codeBlocks(DeploymentStyle style) const;
    // The folded blocks that do not match the result (built when first unfolded, or here).
    QList<CodeBlockView *> otherCodeBlocks(DeploymentStyle style) const;
    // The button that unfolds them; nullptr when no block is folded for style.
    QToolButton *otherFixesToggle(DeploymentStyle style) const;
    // What the fix tab for style says instead of, or before, its commands ("Nothing to do:
    // ...", the reason a check did not run, "No fix ... matches"); empty when it just lists.
    QString fixVerdictText(DeploymentStyle style) const;
    ArticleView *articleView() const { return m_article; }
    QTableWidget *evidenceTable() const { return m_evidence; }
    QString badgesText() const;

Q_SIGNALS:
    void articleRequested(const QString &checkId);
    void commandCopied(const QString &text);

private:
    void fillBadges(const KbArticle *article, const std::optional<CheckResult> &result);
    void fillEvidence(const std::optional<CheckResult> &result);
    void fillFixes(const KbArticle *article, const Environment *env);
    void buildTab(int index);
    void addBlock(QVBoxLayout *layout, QWidget *page, const KbCodeBlock &block,
        QList<CodeBlockView *> *views);
    void buildOtherBlocks(int index);
    void fillRelated(const KbArticle *article);

    QString m_checkId;
    QLabel *m_title;
    QLabel *m_badges;
    QStringList m_badgeTexts;
    QLabel *m_message;
    QTableWidget *m_evidence;
    QTabWidget *m_tabs;
    QLabel *m_related;
    ArticleView *m_article;
    QList<QList<CodeBlockView *>> m_blocks; // per DeploymentStyle
    QList<QList<CodeBlockView *>> m_otherBlocks; // per DeploymentStyle: folded, not matching
    QList<QToolButton *> m_otherToggles; // per DeploymentStyle, nullptr when nothing folded
    QList<QWidget *> m_otherBoxes; // per DeploymentStyle: holds the folded blocks
    QList<QList<KbCodeBlock>> m_otherPending; // per DeploymentStyle: folded, not yet built
    QStringList m_verdicts; // per DeploymentStyle: fixVerdictText()
    QSplitter *m_splitter = nullptr;
    QList<bool> m_built; // per DeploymentStyle: blocks created
    std::optional<KbArticle> m_fixArticle;
    std::optional<CheckResult> m_fixResult; // the result the fixes are chosen for
    QMap<QString, QString> m_placeholders;
    quint64 m_showSerial = 0; // drops deferred work of a result no longer shown
};
