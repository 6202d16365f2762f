// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "remediationpanel.h"

#include "articleview.h"
#include "codeblockview.h"
#include "deploymenttext.h"
#include "highlighting.h"
#include "kb/kbfixchoice.h"
#include "kb/kblibrary.h"
#include "kb/kbplaceholders.h"
#include "resultsmodel.h"
#include "report/resulttext.h"
#include "statusicons.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

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
    , m_evidence(new QTableWidget(0, 2, this))
    , m_tabs(new QTabWidget(this))
    , m_related(new QLabel(this))
    , m_article(new ArticleView(this))
    , m_blocks(Deployment::all().size())
    , m_otherBlocks(Deployment::all().size())
    , m_otherToggles(Deployment::all().size(), nullptr)
    , m_otherBoxes(Deployment::all().size(), nullptr)
    , m_otherPending(Deployment::all().size())
    , m_verdicts(Deployment::all().size())
{
    setAccessibleName(tr("Remediation panel"));
    // Load the highlighting definitions now, while the window is being built, rather
    // than stalling the UI the first time a result is selected.
    Highlighting::repository();
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

    m_evidence->setHorizontalHeaderLabels({ tr("Evidence"), tr("Value") });
    m_evidence->horizontalHeader()->setStretchLastSection(true);
    m_evidence->verticalHeader()->hide();
    m_evidence->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_evidence->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_evidence->setAccessibleName(tr("Evidence"));
    m_evidence->setWordWrap(false);
    m_evidence->setTabKeyNavigation(false); // Tab leaves the table for the fixes (issue 12)

    m_tabs->setAccessibleName(tr("Fix commands by deployment style"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &RemediationPanel::buildTab);
    m_tabs->setDocumentMode(true);
    for (DeploymentStyle style : Deployment::all()) {
        auto *scroll = new QScrollArea(m_tabs);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        auto *page = new QWidget(scroll);
        new QVBoxLayout(page);
        scroll->setWidget(page);
        m_tabs->addTab(scroll, DeploymentText::title(style));
    }

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
    show(nullptr, std::nullopt, nullptr);
    m_title->setText(tr("Select a result to see how to fix it"));
}

QList<CodeBlockView *> RemediationPanel::codeBlocks(DeploymentStyle style) const
{
    const_cast<RemediationPanel *>(this)->buildTab(int(style)); // built on demand
    return m_blocks.value(int(style));
}

QList<CodeBlockView *> RemediationPanel::otherCodeBlocks(DeploymentStyle style) const
{
    auto *self = const_cast<RemediationPanel *>(this);
    self->buildTab(int(style));
    self->buildOtherBlocks(int(style));
    return m_otherBlocks.value(int(style));
}

QToolButton *RemediationPanel::otherFixesToggle(DeploymentStyle style) const
{
    const_cast<RemediationPanel *>(this)->buildTab(int(style));
    return m_otherToggles.value(int(style));
}

QString RemediationPanel::fixVerdictText(DeploymentStyle style) const
{
    const_cast<RemediationPanel *>(this)->buildTab(int(style));
    return m_verdicts.value(int(style));
}

QString RemediationPanel::badgesText() const
{
    return m_badgeTexts.join(u' ');
}

void RemediationPanel::show(
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
    m_fixResult = result;
    fillFixes(article, env);
    fillRelated(article);
    // The heavy parts (highlighted blocks, the article's rich text) are built on later
    // turns of the event loop, so selecting a result never holds the UI for long.
    const quint64 serial = ++m_showSerial;
    const QString prose = article ? proseOf(*article) : QString();
    QTimer::singleShot(0, this, [this, serial] {
        if (serial == m_showSerial)
            buildTab(m_tabs->currentIndex());
    });
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

void RemediationPanel::fillFixes(const KbArticle *article, const Environment *env)
{
    // Only the tab in view is built now; the others when first shown. Building every
    // highlighted block of all three styles at once is what made selecting a result slow.
    m_fixArticle = article ? std::optional<KbArticle>(*article) : std::nullopt;
    m_placeholders = env ? env->placeholders : QMap<QString, QString>();
    m_built.fill(false, Deployment::all().size());
    const int current
        = env ? int(Deployment::all().indexOf(env->deployment)) : m_tabs->currentIndex();
    const QSignalBlocker block(m_tabs);
    m_tabs->setCurrentIndex(current);
}

void RemediationPanel::buildTab(int index)
{
    if (index < 0 || index >= m_built.size() || m_built[index])
        return;
    m_built[index] = true;
    const DeploymentStyle style = Deployment::all().at(index);
    auto *scroll = static_cast<QScrollArea *>(m_tabs->widget(index));
    QWidget *page = scroll->widget();
    auto *layout = static_cast<QVBoxLayout *>(page->layout());
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_blocks[index].clear();
    m_otherBlocks[index].clear();
    m_otherPending[index].clear();
    m_otherToggles[index] = nullptr;
    m_otherBoxes[index] = nullptr;
    m_verdicts[index].clear();
    if (!m_fixArticle) {
        layout->addStretch();
        return;
    }
    const KbFixChoice choice
        = KbFixChoice::choose(*m_fixArticle, style, m_fixResult ? &*m_fixResult : nullptr);
    QString verdict;
    switch (choice.verdict) {
    case KbFixChoice::Verdict::NothingToDo:
        verdict = tr("Nothing to do: this check passed.");
        break;
    case KbFixChoice::Verdict::NotRun:
        verdict = tr("This check did not run, so there is nothing to fix here. Why: %1")
                      .arg(choice.reason.isEmpty() ? tr("no reason given.") : choice.reason);
        break;
    case KbFixChoice::Verdict::Chosen:
        if (choice.matching.isEmpty())
            verdict = tr("No fix for %1 matches this result's evidence; the message above says "
                         "what went wrong.")
                          .arg(DeploymentText::title(style));
        break;
    case KbFixChoice::Verdict::Article:
        if (choice.matching.isEmpty())
            verdict = tr("No commands for this deployment style.");
        break;
    }
    m_verdicts[index] = verdict;
    if (!verdict.isEmpty()) {
        auto *label = new QLabel(verdict, page);
        label->setObjectName(u"fixVerdict"_s);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(label);
    }
    for (const KbCodeBlock &b : choice.matching)
        addBlock(layout, page, b, &m_blocks[index]);
    if (!choice.other.isEmpty()) {
        // Folded, not hidden: a support engineer may know better than the evidence, and the
        // count says there is more. Built when first unfolded, as they are rarely needed.
        auto *toggle = new QToolButton(page);
        toggle->setObjectName(u"otherFixesToggle"_s);
        toggle->setCheckable(true);
        toggle->setAutoRaise(true);
        toggle->setArrowType(Qt::RightArrow);
        toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        toggle->setText(choice.other.size() == 1
                ? tr("1 other fix that does not match this result")
                : tr("%1 other fixes that do not match this result").arg(choice.other.size()));
        auto *box = new QWidget(page);
        box->setObjectName(u"otherFixes"_s);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(12, 0, 0, 0); // indented: apart from the chosen ones
        box->hide();
        m_otherToggles[index] = toggle;
        m_otherBoxes[index] = box;
        m_otherPending[index] = choice.other;
        connect(toggle, &QToolButton::toggled, this, [this, index, toggle, box](bool open) {
            toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
            if (open)
                buildOtherBlocks(index);
            box->setVisible(open);
        });
        layout->addWidget(toggle);
        layout->addWidget(box);
    }
    layout->addStretch();
}

void RemediationPanel::buildOtherBlocks(int index)
{
    if (index < 0 || index >= m_otherBoxes.size() || !m_otherBoxes[index]
        || m_otherPending[index].isEmpty())
        return;
    QWidget *box = m_otherBoxes[index];
    auto *layout = static_cast<QVBoxLayout *>(box->layout());
    for (const KbCodeBlock &b : std::exchange(m_otherPending[index], {}))
        addBlock(layout, box, b, &m_otherBlocks[index]);
}

void RemediationPanel::addBlock(
    QVBoxLayout *layout, QWidget *page, const KbCodeBlock &b, QList<CodeBlockView *> *views)
{
    if (!b.caption.isEmpty()) {
        auto *caption = new QLabel(KbPlaceholders::fill(b.caption, m_placeholders), page);
        caption->setWordWrap(true);
        layout->addWidget(caption);
    }
    const QString condition = KbFixChoice::conditionText(b);
    if (!condition.isEmpty()) {
        // Why the block is offered (or folded): the evidence it is for.
        auto *when = new QLabel(tr("When: %1").arg(condition), page);
        when->setObjectName(u"fixCondition"_s);
        when->setWordWrap(true);
        when->setForegroundRole(QPalette::PlaceholderText);
        QFont small = when->font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        when->setFont(small);
        layout->addWidget(when);
    }
    auto *view = new CodeBlockView(KbPlaceholders::fill(b.text, m_placeholders), b.language, page);
    connect(view, &CodeBlockView::copied, this, &RemediationPanel::commandCopied);
    layout->addWidget(view);
    *views << view;
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
