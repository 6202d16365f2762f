// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "remediationpanel.h"

#include "articleview.h"
#include "fixtabs.h"
#include "highlighting.h"
#include "migrations/migrationtool.h"
#include "report/resulttext.h"
#include "resultsmodel.h"
#include "statusicons.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// One badge as rich text, so a row of them wraps in a narrow panel instead of forcing
// the panel wide.
QString badge(const QString &text, const QColor &colour)
{
    return u"<span style=\"background-color:%1; color:white;\">&nbsp;%2&nbsp;</span>"_s.arg(
        colour.name(), text.toHtmlEscaped());
}

QColor severityColour(const QString &severity)
{
    if (severity == u"fail" || severity == u"critical" || severity == u"error")
        return StatusIcons::colour(CheckStatus::Fail);
    if (severity == u"warn" || severity == u"warning")
        return StatusIcons::colour(CheckStatus::Warn).darker(115);
    return QColor(0x55, 0x6b, 0x8d);
}

// The article's severity as the UI's language says it. The front matter's word is a key
// ("warn", "fail"; kb lint only requires one), so the known words are translated and any
// other is shown as written. The CLI (kb show) keeps the key.
QString severityText(const QString &severity)
{
    const QString s = severity.trimmed().toLower();
    if (s == u"fail")
        return RemediationPanel::tr("fail", "KB article severity: a finding fails the check");
    if (s == u"warn" || s == u"warning")
        return RemediationPanel::tr("warn", "KB article severity: a finding is a warning");
    if (s == u"error")
        return RemediationPanel::tr("error", "KB article severity");
    if (s == u"critical")
        return RemediationPanel::tr("critical", "KB article severity");
    if (s == u"info")
        return RemediationPanel::tr("info", "KB article severity");
    return severity;
}

// The prose of the article: everything except "How to fix" (shown as tabs with
// copyable blocks) and "Related checks" (shown as links).
QString proseOf(const KbArticle &article)
{
    QString md;
    for (const KbSection &s : article.sections) {
        const QString t = s.title.toLower();
        if (t.startsWith(u"how to fix") || t.startsWith(u"related"))
            continue;
        md += u"## "_s + s.title + u"\n\n"_s + s.markdown.trimmed() + u"\n\n"_s;
    }
    return md;
}

} // namespace

RemediationPanel::RemediationPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_badges(new QLabel(this))
    , m_message(new QLabel(this))
    , m_failure(new QLabel(this))
    , m_evidence(new QTableWidget(0, 2, this))
    , m_tabs(new FixTabs(this))
    , m_related(new QLabel(this))
    , m_article(new ArticleView(this))
{
    setAccessibleName(tr("Remediation panel"));
    // The highlighting definitions load on a thread of their own from now on (gui_main
    // starts that first thing), so the first selected result does not wait for them.
    Highlighting::preload();
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_badges->setWordWrap(true);
    m_badges->setTextFormat(Qt::RichText);
    m_badges->setAccessibleName(tr("Article badges"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A failure text is hundreds of characters with line breaks: the evidence table's one
    // line shows its start only, so it is shown whole here too.
    m_failure->setWordWrap(true);
    m_failure->setTextFormat(Qt::RichText);
    m_failure->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_failure->setAccessibleName(tr("Failure text"));

    m_evidence->setHorizontalHeaderLabels({ tr("Evidence"), tr("Value") });
    m_evidence->horizontalHeader()->setStretchLastSection(true);
    m_evidence->verticalHeader()->hide();
    m_evidence->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_evidence->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_evidence->setAccessibleName(tr("Evidence"));
    m_evidence->setWordWrap(false);
    m_evidence->setTabKeyNavigation(false); // Tab leaves the table for the fixes (issue 12)

    connect(m_tabs, &FixTabs::commandCopied, this, &RemediationPanel::commandCopied);

    m_related->setTextFormat(Qt::RichText);
    m_related->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_related->setOpenExternalLinks(false);
    connect(m_related, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(u"doctor-kb:"))
            Q_EMIT articleRequested(link.mid(10));
    });
    connect(m_article, &ArticleView::articleRequested, this, &RemediationPanel::articleRequested);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_title);
    topLayout->addWidget(m_badges);
    topLayout->addWidget(m_message);
    topLayout->addWidget(m_failure);
    topLayout->addWidget(m_evidence, 1);

    auto *splitter = m_splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"remediationSplitter"_s);
    splitter->addWidget(top);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_article);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 4);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({ 230, 400, 260 }); // the fix commands are what support staff came for

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_related);
    clear();
}

void RemediationPanel::clear()
{
    showResult(nullptr, std::nullopt, nullptr);
    m_title->setText(tr("Select a result to see how to fix it"));
}

QTabWidget *RemediationPanel::fixTabs() const
{
    return m_tabs;
}

QList<CodeBlockView *> RemediationPanel::codeBlocks(DeploymentStyle style) const
{
    return m_tabs->codeBlocks(style);
}

QList<CodeBlockView *> RemediationPanel::otherCodeBlocks(DeploymentStyle style) const
{
    return m_tabs->otherCodeBlocks(style);
}

QToolButton *RemediationPanel::otherFixesToggle(DeploymentStyle style) const
{
    return m_tabs->otherFixesToggle(style);
}

QString RemediationPanel::fixVerdictText(DeploymentStyle style) const
{
    return m_tabs->verdictText(style);
}

QString RemediationPanel::failureText() const
{
    return m_failure->text().isEmpty()
        ? QString()
        : QTextDocumentFragment::fromHtml(m_failure->text()).toPlainText();
}

QString RemediationPanel::badgesText() const
{
    return m_badgeTexts.join(u' ');
}

void RemediationPanel::showResult(
    const KbArticle *article, const std::optional<CheckResult> &result, const Environment *env)
{
    m_checkId = article ? article->checkId : result ? result->checkId : QString();
    if (article)
        m_title->setText(article->title.isEmpty() ? article->checkId : article->title);
    else if (result)
        m_title->setText(tr("%1 (no knowledge-base article)").arg(result->checkId));
    if (result) {
        m_message->setText(u"<b>%1 · %2</b> — %3"_s.arg(result->environment.toHtmlEscaped(),
            ResultsModel::statusText(result->status).toHtmlEscaped(),
            result->message.toHtmlEscaped()));
    } else {
        m_message->setText(QString());
    }
    m_message->setVisible(result.has_value());
    const QString failure = result ? result->evidenceValue(u"FailureText"_s).toString() : QString();
    const QString tool = result ? result->evidenceValue(u"Tool"_s).toString() : QString();
    m_failure->setText(failure.isEmpty()
            ? QString()
            : u"<b>%1</b><br><span style=\"white-space:pre-wrap; font-family:monospace\">%2</span>"_s
                  .arg((tool.isEmpty() ? tr("What the tool recorded:")
                                       : tr("What %1 recorded:")
                                             .arg(MigrationTools::displayName(
                                                 MigrationTools::fromName(tool))))
                           .toHtmlEscaped(),
                      failure.toHtmlEscaped()));
    m_failure->setVisible(!failure.isEmpty());
    fillBadges(article, result);
    fillEvidence(result);
    if (!result && article) {
        // An article on its own (the KB browser): no evidence, so the header needs only
        // its own height and the fixes and text get the rest. Not for the empty panel of
        // clear(): built before any layout, its height would give the fixes none, for good.
        const int header
            = m_title->sizeHint().height() + m_badges->heightForWidth(m_splitter->width()) + 16;
        const int rest = qMax(0, m_splitter->height() - header);
        m_splitter->setSizes({ header, rest * 6 / 10, rest * 4 / 10 });
    }
    // The heavy parts (highlighted blocks, the article's rich text) are built on later
    // turns of the event loop, so selecting a result never holds the UI for long.
    m_tabs->setFixes(article, result, env);
    fillRelated(article);
    const quint64 serial = ++m_showSerial;
    const QString prose = article ? proseOf(*article) : QString();
    QTimer::singleShot(0, this, [this, serial, prose] {
        if (serial == m_showSerial)
            m_article->setArticleMarkdown(prose);
    });
}

void RemediationPanel::fillBadges(
    const KbArticle *article, const std::optional<CheckResult> &result)
{
    QStringList badges;
    m_badgeTexts.clear();
    auto add = [&](const QString &text, const QColor &colour) {
        badges << badge(text, colour);
        m_badgeTexts << text;
    };
    if (result)
        add(ResultsModel::statusText(result->status), StatusIcons::colour(result->status));
    if (article) {
        add(tr("severity: %1").arg(severityText(article->severity)),
            severityColour(article->severity));
        add(article->plugin, QColor(0x55, 0x6b, 0x8d));
        for (const QString &tag : article->tags)
            add(u'#' + tag, QColor(0x6b, 0x6b, 0x6b));
    }
    m_badges->setText(badges.join(u" "_s));
    m_badges->setAccessibleDescription(m_badgeTexts.join(u", "_s));
}

void RemediationPanel::fillEvidence(const std::optional<CheckResult> &result)
{
    const Evidence ev = result ? result->evidence : Evidence();
    m_evidence->setRowCount(int(ev.size()));
    for (int i = 0; i < ev.size(); ++i) {
        m_evidence->setItem(i, 0, new QTableWidgetItem(ev[i].first));
        auto *value = new QTableWidgetItem(ResultText::evidenceValue(ev[i].second));
        value->setToolTip(value->text());
        m_evidence->setItem(i, 1, value);
    }
    m_evidence->resizeColumnToContents(0);
    // Evidence is short; show all of it rather than a scrolled sliver.
    const int rows = qMin(int(ev.size()), 9);
    m_evidence->setMinimumHeight(m_evidence->horizontalHeader()->height()
        + rows * m_evidence->verticalHeader()->defaultSectionSize() + 4);
    m_evidence->setVisible(!ev.isEmpty());
}

void RemediationPanel::fillRelated(const KbArticle *article)
{
    const QStringList related = article ? article->relatedChecks() : QStringList();
    QStringList links;
    for (const QString &id : related)
        links << u"<a href=\"%1\">%2</a>"_s.arg(
            ArticleView::articleLink(id).toHtmlEscaped(), id.toHtmlEscaped());
    m_related->setText(
        links.isEmpty() ? QString() : tr("Related checks: %1").arg(links.join(u", "_s)));
    m_related->setVisible(!links.isEmpty());
}
