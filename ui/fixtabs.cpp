// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "fixtabs.h"

#include "codeblockview.h"
#include "deploymenttext.h"
#include "kb/kbfixchoice.h"
#include "kb/kbplaceholders.h"

#include <QLabel>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

using namespace Qt::StringLiterals;

FixTabs::FixTabs(QWidget *parent)
    : QTabWidget(parent)
    , m_blocks(Deployment::all().size())
    , m_otherBlocks(Deployment::all().size())
    , m_otherToggles(Deployment::all().size(), nullptr)
    , m_otherBoxes(Deployment::all().size(), nullptr)
    , m_otherPending(Deployment::all().size())
    , m_verdicts(Deployment::all().size())
{
    setAccessibleName(tr("Fix commands by deployment style"));
    connect(this, &QTabWidget::currentChanged, this, &FixTabs::buildTab);
    setDocumentMode(true);
    for (DeploymentStyle style : Deployment::all()) {
        auto *scroll = new QScrollArea(this);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        auto *page = new QWidget(scroll);
        new QVBoxLayout(page);
        scroll->setWidget(page);
        addTab(scroll, DeploymentText::title(style));
    }
}

void FixTabs::setFixes(
    const KbArticle *article, const std::optional<CheckResult> &result, const Environment *env)
{
    m_article = article ? std::optional<KbArticle>(*article) : std::nullopt;
    m_result = result;
    // As KbLibrary fills the CLI's and the report's fixes: the result's evidence (the root
    // blocker's pid, the history table ...), then the environment's own values over them.
    m_placeholders
        = result ? KbPlaceholders::fromEvidence(result->evidence) : QMap<QString, QString>();
    if (env)
        m_placeholders.insert(env->placeholders);
    m_built.fill(false, Deployment::all().size());
    const int current = env ? int(Deployment::all().indexOf(env->deployment)) : currentIndex();
    {
        const QSignalBlocker block(this);
        setCurrentIndex(current);
    }
    const quint64 serial = ++m_serial;
    QTimer::singleShot(0, this, [this, serial] {
        if (serial == m_serial)
            buildTab(currentIndex());
    });
}

QList<CodeBlockView *> FixTabs::codeBlocks(DeploymentStyle style)
{
    buildTab(int(style)); // built on demand
    return m_blocks.value(int(style));
}

QList<CodeBlockView *> FixTabs::otherCodeBlocks(DeploymentStyle style)
{
    buildTab(int(style));
    buildOtherBlocks(int(style));
    return m_otherBlocks.value(int(style));
}

QToolButton *FixTabs::otherFixesToggle(DeploymentStyle style)
{
    buildTab(int(style));
    return m_otherToggles.value(int(style));
}

QString FixTabs::verdictText(DeploymentStyle style)
{
    buildTab(int(style));
    return m_verdicts.value(int(style));
}

void FixTabs::buildTab(int index)
{
    if (index < 0 || index >= m_built.size() || m_built[index])
        return;
    m_built[index] = true;
    const DeploymentStyle style = Deployment::all().at(index);
    auto *scroll = static_cast<QScrollArea *>(widget(index));
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
    if (!m_article) {
        layout->addStretch();
        return;
    }
    const KbFixChoice choice
        = KbFixChoice::choose(*m_article, style, m_result ? &*m_result : nullptr);
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

void FixTabs::buildOtherBlocks(int index)
{
    if (index < 0 || index >= m_otherBoxes.size() || !m_otherBoxes[index]
        || m_otherPending[index].isEmpty())
        return;
    QWidget *box = m_otherBoxes[index];
    auto *layout = static_cast<QVBoxLayout *>(box->layout());
    for (const KbCodeBlock &b : std::exchange(m_otherPending[index], {}))
        addBlock(layout, box, b, &m_otherBlocks[index]);
}

void FixTabs::addBlock(
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
    connect(view, &CodeBlockView::copied, this, &FixTabs::commandCopied);
    layout->addWidget(view);
    *views << view;
}
