// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QTextBrowser>

// Shows knowledge-base markdown as rich text, safely: raw HTML is not interpreted,
// nothing is ever loaded (no images, no files), and the only navigation is an https
// link opened in the browser after a click, or a link to another check's article.
class ArticleView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit ArticleView(QWidget *parent = nullptr);
    void setArticleMarkdown(const QString &markdown);

    // Scheme of links to other articles: "doctor-kb:check.postgres.pool".
    static QString articleLink(const QString &checkId);

    QVariant loadResource(int type, const QUrl &name) override;

protected:
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void articleRequested(const QString &checkId);
    void externalLinkRequested(const QUrl &url); // emitted before it is opened

private:
    void onAnchor(const QUrl &url);

    QString m_markdown;
};
