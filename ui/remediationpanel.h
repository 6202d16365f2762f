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
class FixTabs;
class QLabel;
class QSplitter;
class QTabWidget;
class QTableWidget;
class QToolButton;

// Beside the results: the selected check's KB article, its badges, the result's message
// and evidence, the fix commands for each deployment style (FixTabs: the environment's own
// style first, the blocks the evidence calls for, placeholders filled from the environment)
// and links to related checks.
class RemediationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RemediationPanel(QWidget *parent = nullptr);

    // Shows article for result in env; any of them may be missing.
    void showResult(
        const KbArticle *article, const std::optional<CheckResult> &result, const Environment *env);
    void clear();

    QString checkId() const { return m_checkId; }
    QTabWidget *fixTabs() const;
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
    // The failure text the migration tool stored (evidence FailureText), shown whole under
    // the message; empty when the result has none.
    QString failureText() const;

Q_SIGNALS:
    void articleRequested(const QString &checkId);
    void commandCopied(const QString &text);

private:
    void fillBadges(const KbArticle *article, const std::optional<CheckResult> &result);
    void fillEvidence(const std::optional<CheckResult> &result);
    void fillRelated(const KbArticle *article);

    QString m_checkId;
    QLabel *m_title;
    QLabel *m_badges;
    QStringList m_badgeTexts;
    QLabel *m_message;
    QLabel *m_failure;
    QTableWidget *m_evidence;
    FixTabs *m_tabs;
    QLabel *m_related;
    ArticleView *m_article;
    QSplitter *m_splitter = nullptr;
    quint64 m_showSerial = 0; // drops the deferred article text of a result no longer shown
};
