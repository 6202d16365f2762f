#pragma once

#include "checkresult.h"
#include "environment.h"
#include "kbarticle.h"

#include <QWidget>
#include <optional>

class ArticleView;
class CodeBlockView;
class QLabel;
class QSplitter;
class QTabWidget;
class QTableWidget;
class QVBoxLayout;
class QHBoxLayout;

// Beside the results: the selected check's KB article, its evidence, and the fix
// commands for each deployment style (the environment's own style first) with
// placeholders filled from the environment.
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
    QList<CodeBlockView *> codeBlocks(DeploymentStyle style) const;
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
    QSplitter *m_splitter = nullptr;
    QList<bool> m_built; // per DeploymentStyle: blocks created
    std::optional<KbArticle> m_fixArticle;
    QMap<QString, QString> m_placeholders;
    quint64 m_showSerial = 0; // drops deferred work of a result no longer shown
};
