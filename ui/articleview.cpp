// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "articleview.h"

#include <QDesktopServices>
#include <QEvent>
#include <QScrollBar>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {
// QTextDocument's own fallback reads any file: URL it is asked for (images included)
// when the view returns nothing; this document never loads anything.
class InertDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};
} // namespace

ArticleView::ArticleView(QWidget *parent)
    : QTextBrowser(parent)
{
    setDocument(new InertDocument(this));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setAccessibleName(tr("Knowledge-base article"));
    connect(this, &QTextBrowser::anchorClicked, this, &ArticleView::onAnchor);
}

void ArticleView::setArticleMarkdown(const QString &markdown)
{
    m_markdown = markdown;
    document()->setMarkdown(markdown,
        QTextDocument::MarkdownFeatures(
            QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
}

void ArticleView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    // The markdown importer stores the application palette's link colour in each link's
    // format; after a theme switch the article is imported again so links stay readable.
    if (event->type() == QEvent::PaletteChange && !m_markdown.isEmpty()) {
        const int scrolled = verticalScrollBar()->value();
        setArticleMarkdown(m_markdown);
        verticalScrollBar()->setValue(scrolled);
    }
}

QString ArticleView::articleLink(const QString &checkId)
{
    return u"doctor-kb:"_s + checkId;
}

QVariant ArticleView::loadResource(int, const QUrl &)
{
    // RELIABILITY 21: an article can name file:///etc/passwd as an image; nothing is read.
    return {};
}

void ArticleView::onAnchor(const QUrl &url)
{
    if (url.scheme() == u"doctor-kb") {
        Q_EMIT articleRequested(url.path());
    } else if (url.scheme() == u"https" && url.isValid()) {
        Q_EMIT externalLinkRequested(url);
        QDesktopServices::openUrl(url);
    }
    // Everything else (file:, javascript:, http:, relative paths) goes nowhere.
}
