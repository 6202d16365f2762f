// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Help > Knowledge Base (F1) offscreen, real widgets (issue 12, item 5): the article's
// header, fixes and text all have room the moment the browser is shown, however it is
// opened, and keep it from one article to the next.
#include "articleview.h"
#include "codeblockview.h"
#include "kb/kblibrary.h"
#include "kbbrowser.h"
#include "remediationpanel.h"

#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Below this a section shows at most a sliver: a tab bar without its page, one line.
constexpr int MinSection = 80;
constexpr int MinHeader = 30;

// Waits until the panel's deferred work (fix blocks, article text) has run, then checks
// every section of the splitter has height and the fixes and text can be read.
void verifySections(KbBrowser &browser, const QString &what)
{
    RemediationPanel *panel = browser.panel();
    auto *splitter = panel->findChild<QSplitter *>(u"remediationSplitter"_s);
    QVERIFY(splitter);
    QTRY_VERIFY2(!panel->articleView()->toPlainText().isEmpty(), qPrintable(what));
    const QList<int> sizes = splitter->sizes();
    QCOMPARE(sizes.size(), 3);
    // The header (title and badges: no evidence without a result) needs only its lines.
    for (int i = 0; i < sizes.size(); ++i)
        QVERIFY2(sizes[i] >= (i == 0 ? MinHeader : MinSection),
            qPrintable(u"%1: section %2 of the article is %3 px high (sizes %4,%5,%6)"_s.arg(what)
                    .arg(i)
                    .arg(sizes[i])
                    .arg(sizes[0])
                    .arg(sizes[1])
                    .arg(sizes[2])));
    QVERIFY2(panel->fixTabs()->isVisible() && panel->fixTabs()->height() >= MinSection,
        qPrintable(what));
    QVERIFY2(panel->articleView()->isVisible() && panel->articleView()->height() >= MinSection,
        qPrintable(what));
    QVERIFY2(panel->articleView()->viewport()->height() > 40, qPrintable(what));
    // The open fix tab shows its commands, and they have height too.
    const auto style = DeploymentStyle(panel->fixTabs()->currentIndex());
    const QList<CodeBlockView *> blocks = panel->codeBlocks(style);
    QVERIFY2(!blocks.isEmpty(),
        qPrintable(what + u": no fix blocks; verdict: "_s + panel->fixVerdictText(style)));
    QTRY_VERIFY2(blocks.first()->isVisible() && blocks.first()->height() > 20,
        qPrintable(u"%1: first fix block %2x%3, visible %4"_s.arg(what)
                .arg(blocks.first()->width())
                .arg(blocks.first()->height())
                .arg(blocks.first()->isVisible())));

    // What is painted: the article's area of a grab of the whole browser is not one
    // flat colour (a collapsed section paints nothing there).
    const QImage shot = browser.grab().toImage();
    const QRect area(
        panel->articleView()->mapTo(&browser, QPoint(0, 0)), panel->articleView()->size());
    const QImage article = shot.copy(area);
    QVERIFY2(!article.isNull() && article.height() >= MinSection, qPrintable(what));
    QSet<QRgb> colours;
    for (int y = 0; y < article.height(); y += 2) {
        for (int x = 0; x < article.width(); x += 2)
            colours.insert(article.pixel(x, y));
    }
    QVERIFY2(colours.size() > 2, qPrintable(what + u": the article's area is blank"_s));
}
} // namespace

class TestKbBrowser : public QObject
{
    Q_OBJECT
private:
    KbLibrary m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        m_kb.load();
        QVERIFY(m_kb.errors().isEmpty());
        QVERIFY(m_kb.articles().size() >= 3);
    }

    // F1 with nothing selected: the first article, sections sized right after show.
    void sectionsHaveHeightRightAfterShow()
    {
        KbBrowser browser(m_kb);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QCOMPARE(browser.list()->currentRow(), 0);
        verifySections(browser, u"first article after show"_s);
        // DOCTOR_TEST_SHOTS=DIR keeps the grab for a person to look at.
        if (const QByteArray dir = qgetenv("DOCTOR_TEST_SHOTS"); !dir.isEmpty())
            QVERIFY(browser.grab().save(
                QDir(QString::fromLocal8Bit(dir)).filePath(u"kb-browser.png"_s)));
    }

    // F1 with a result selected: MainWindow asks for its article before show().
    void articleChosenBeforeShow()
    {
        KbBrowser browser(m_kb);
        browser.showArticle(u"check.postgres.pool"_s);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QCOMPARE(browser.panel()->checkId(), u"check.postgres.pool"_s);
        verifySections(browser, u"article chosen before show"_s);
    }

    // Another article, then a smaller window: the sections keep their share.
    void otherArticleAndResize()
    {
        KbBrowser browser(m_kb);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        browser.list()->setCurrentRow(2);
        QCOMPARE(
            browser.panel()->checkId(), browser.list()->item(2)->data(Qt::UserRole).toString());
        verifySections(browser, u"third article"_s);
        browser.resize(900, 600);
        QTRY_COMPARE(browser.height(), 600);
        verifySections(browser, u"after resize"_s);
        browser.list()->setCurrentRow(0);
        verifySections(browser, u"back to the first"_s);
    }

    // Esc in the search box clears it first; only Esc in an empty box closes the browser.
    void escapeClearsTheSearchFirst()
    {
        KbBrowser browser(m_kb);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        browser.activateWindow();
        browser.searchEdit()->setFocus();
        QTest::keyClicks(browser.searchEdit(), u"pool"_s);
        QCOMPARE(browser.searchEdit()->text(), u"pool"_s);
        QSignalSpy rejected(&browser, &QDialog::rejected);
        QTest::keyClick(browser.searchEdit(), Qt::Key_Escape);
        QCOMPARE(browser.searchEdit()->text(), QString());
        QVERIFY(browser.isVisible());
        QCOMPARE(rejected.size(), 0);
        QTest::keyClick(browser.searchEdit(), Qt::Key_Escape);
        QCOMPARE(rejected.size(), 1);
    }
};

QTEST_MAIN(TestKbBrowser)
#include "tst_kbbrowser.moc"
