// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "kbbrowser.h"

#include "escapeclears.h"
#include "focusring.h"
#include "kb/kblibrary.h"
#include "remediationpanel.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QShowEvent>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

KbBrowser::KbBrowser(const KbLibrary &kb, QWidget *parent)
    : QDialog(parent)
    , m_kb(kb)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_panel(new RemediationPanel(this))
{
    setWindowTitle(tr("Knowledge Base — Doctor Dashboard"));
    resize(1100, 760);
    m_search->setPlaceholderText(tr("Search titles, tags and text…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the knowledge base"));
    EscapeClears::install(m_search); // Esc clears the search before it closes the browser
    FocusRing::attach(m_list);
    m_list->setAccessibleName(tr("Articles"));
    const QList<KbArticle> articles = m_kb.articles();
    for (const KbArticle &a : articles) {
        auto *item = new QListWidgetItem(a.title.isEmpty() ? a.checkId : a.title, m_list);
        item->setData(Qt::UserRole, a.checkId);
        item->setToolTip(a.checkId);
    }
    connect(m_search, &QLineEdit::textChanged, this, &KbBrowser::applySearch);
    connect(m_list, &QListWidget::currentItemChanged, this, &KbBrowser::showCurrent);
    connect(m_panel, &RemediationPanel::articleRequested, this, &KbBrowser::showArticle);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_list);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_panel);
    splitter->setSizes({ 280, 820 });
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void KbBrowser::showCurrent()
{
    // Not before the browser is on screen: the panel sizes its header, fixes and text from
    // its height when it shows an article, and before the first show that height is not
    // yet the dialog's (it was 30 px: the fixes and the text got none, and stayed
    // collapsed until another article was clicked). showEvent() catches up.
    if (!m_shown)
        return;
    if (const QListWidgetItem *item = m_list->currentItem())
        m_panel->showResult(
            m_kb.article(item->data(Qt::UserRole).toString()), std::nullopt, nullptr);
}

void KbBrowser::showEvent(QShowEvent *event)
{
    // Children are laid out by now (QWidget::show() activates the layouts and delivers
    // the pending resize events before the window's own show event).
    QDialog::showEvent(event);
    if (!m_shown && !event->spontaneous()) {
        m_shown = true;
        showCurrent();
    }
}

void KbBrowser::showArticle(const QString &checkId)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == checkId) {
            m_list->item(i)->setHidden(false);
            m_list->setCurrentRow(i);
            return;
        }
    }
}

void KbBrowser::applySearch(const QString &text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const KbArticle *a = m_kb.article(item->data(Qt::UserRole).toString());
        const bool match = needle.isEmpty()
            || (a
                && (a->title.contains(needle, Qt::CaseInsensitive)
                    || a->checkId.contains(needle, Qt::CaseInsensitive)
                    || a->tags.join(u' ').contains(needle, Qt::CaseInsensitive)
                    || a->body.contains(needle, Qt::CaseInsensitive)));
        item->setHidden(!match);
    }
}
