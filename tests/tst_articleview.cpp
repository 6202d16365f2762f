// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// RELIABILITY 21: rendering an article reads no file and navigates nowhere by itself.
#include "articleview.h"

#include <QDesktopServices>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::StringLiterals;

class UrlSink : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

class TestArticleView : public QObject
{
    Q_OBJECT
private:
    const QString hostile
        = u"# Hostile\n\n<img src=\"file:///etc/passwd\">\n\n<script>alert(1)</script>\n\n"
          "![secret](file:///etc/passwd)\n\n[zero](file:///dev/zero) [js](javascript:alert(1)) "
          "[plain](http://example.org) [ok](https://example.org/runbook)\n"_s;

private Q_SLOTS:
    void rawHtmlIsTextAndNothingIsLoaded()
    {
        ArticleView view;
        view.setArticleMarkdown(hostile);
        const QString text = view.document()->toPlainText();
        QVERIFY2(text.contains(u"<img src=\"file:///etc/passwd\">"), qPrintable(text));
        QVERIFY(text.contains(u"<script>"));
        QVERIFY(view.loadResource(QTextDocument::ImageResource, QUrl(u"file:///etc/passwd"_s))
                .isNull());
        // The image reference exists in the document but no data was ever loaded for it.
        QVERIFY(view.document()
                ->resource(QTextDocument::ImageResource, QUrl(u"file:///etc/passwd"_s))
                .isNull());
        QVERIFY(!text.contains(u"root:"));
    }

    void onlyHttpsOpensAndOnlyAfterAClick()
    {
        UrlSink sink;
        QDesktopServices::setUrlHandler(u"https"_s, &sink, "open");
        QDesktopServices::setUrlHandler(u"http"_s, &sink, "open");
        QDesktopServices::setUrlHandler(u"file"_s, &sink, "open");
        ArticleView view;
        QSignalSpy external(&view, &ArticleView::externalLinkRequested);
        QSignalSpy articles(&view, &ArticleView::articleRequested);
        view.setArticleMarkdown(hostile);
        QCOMPARE(sink.opened.size(), 0); // rendering alone opens nothing
        for (const QString &link :
            { u"file:///dev/zero"_s, u"javascript:alert(1)"_s, u"http://example.org"_s })
            Q_EMIT view.anchorClicked(QUrl(link));
        QCOMPARE(sink.opened.size(), 0);
        QCOMPARE(view.source(), QUrl()); // never navigated
        Q_EMIT view.anchorClicked(QUrl(u"https://example.org/runbook"_s));
        QCOMPARE(sink.opened, QList<QUrl> { QUrl(u"https://example.org/runbook"_s) });
        QCOMPARE(external.size(), 1);
        Q_EMIT view.anchorClicked(QUrl(ArticleView::articleLink(u"check.postgres.pool"_s)));
        QCOMPARE(articles.size(), 1);
        QCOMPARE(articles.first().first().toString(), u"check.postgres.pool"_s);
        QDesktopServices::unsetUrlHandler(u"https"_s);
        QDesktopServices::unsetUrlHandler(u"http"_s);
        QDesktopServices::unsetUrlHandler(u"file"_s);
    }
};

QTEST_MAIN(TestArticleView)
#include "tst_articleview.moc"
