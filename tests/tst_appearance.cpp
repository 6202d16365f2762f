// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The colour theme: Fusion with explicit palettes (no platform theme plugin needed, as in
// the build root and offscreen), code blocks and article links re-coloured live.
#include "appearance.h"
#include "articleview.h"
#include "codeblockview.h"
#include "highlighting.h"
#include "isolatedhome.h"

#include <KSyntaxHighlighting/Theme>
#include <QApplication>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QVBoxLayout>
#include <cmath>

using namespace Qt::StringLiterals;
using Appearance::Theme;

namespace {
// WCAG 2 contrast ratio of two opaque colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The colour the article's first link is drawn in.
QColor linkColour(const ArticleView &view)
{
    for (QTextBlock b = view.document()->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isAnchor())
                return it.fragment().charFormat().foreground().color();
    return {};
}
} // namespace

class TestAppearance : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    QColor m_startWindow;
    QString m_startStyle;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
        m_startWindow = QApplication::palette().color(QPalette::Window);
        m_startStyle = QApplication::style()->name();
        Appearance::apply(Theme::System); // as the application does at start
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_startWindow);
    }

    void cleanup() { Appearance::apply(Theme::System); }

    void keys()
    {
        for (const Theme t : { Theme::System, Theme::Light, Theme::Dark })
            QVERIFY(Appearance::fromKey(Appearance::key(t)) == t);
        QVERIFY(Appearance::fromKey(u" Dark "_s) == Theme::Dark);
        QVERIFY(!Appearance::fromKey(u"sepia"_s));
        QSettings().setValue(Appearance::settingsKey(), u"sepia"_s);
        QCOMPARE(Appearance::saved(), Theme::System);
        QSettings().setValue(Appearance::settingsKey(), u"dark"_s);
        QCOMPARE(Appearance::saved(), Theme::Dark);
        QSettings().remove(Appearance::settingsKey());
    }

    void darkIsDarkWithoutAPlatformTheme()
    {
        Appearance::apply(Theme::Dark);
        QCOMPARE(Appearance::current(), Theme::Dark);
        const QPalette p = QApplication::palette();
        QVERIFY(Appearance::isDark(p));
        QVERIFY2(p.color(QPalette::Window).lightness() < 80,
            qPrintable(p.color(QPalette::Window).name()));
        QVERIFY(p.color(QPalette::Base).lightness() < 80);
        QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
        // Readable text and links (WCAG AA 4.5:1), which Qt's default link blue is not.
        QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 4.5);
        QVERIFY(contrast(p.color(QPalette::Link), p.color(QPalette::Base)) >= 4.5);
        QVERIFY(contrast(p.color(QPalette::Link), p.color(QPalette::Window)) >= 4.5);
        QVERIFY(contrast(QColor(Qt::blue), p.color(QPalette::Base)) < 4.5); // the test can fail

        // The code blocks' highlighting theme follows: a dark theme on the dark palette.
        const KSyntaxHighlighting::Theme theme = Highlighting::themeFor(p);
        QVERIFY(theme.isValid());
        QVERIFY2(QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor))
                     .lightness()
                < 100,
            qPrintable(theme.name()));
        QVERIFY(
            contrast(QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)),
                QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)))
            >= 4.5);
    }

    void lightIsLight()
    {
        Appearance::apply(Theme::Light);
        const QPalette p = QApplication::palette();
        QVERIFY(!Appearance::isDark(p));
        QVERIFY(p.color(QPalette::Window).lightness() > 200);
        QVERIFY(contrast(p.color(QPalette::Link), p.color(QPalette::Base)) >= 4.5);
        const KSyntaxHighlighting::Theme theme = Highlighting::themeFor(p);
        QVERIFY(QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor))
                    .lightness()
            > 200);
    }

    void systemUndoesTheExplicitTheme()
    {
        Appearance::apply(Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window) != m_startWindow);
        Appearance::apply(Theme::System);
        QCOMPARE(Appearance::current(), Theme::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_startWindow);
        QCOMPARE(QApplication::style()->name(), m_startStyle);
    }

    void switchingLiveRecoloursCodeAndLinks()
    {
        QWidget host;
        auto *layout = new QVBoxLayout(&host);
        auto *block = new CodeBlockView(u"SELECT pg_terminate_backend(42);"_s, u"sql"_s, &host);
        auto *article = new ArticleView(&host);
        article->setArticleMarkdown(u"See [the pool check](doctor-kb:check.postgres.pool)."_s);
        layout->addWidget(block);
        layout->addWidget(article);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));

        Appearance::apply(Theme::Light);
        QTRY_VERIFY(block->editor()->palette().color(QPalette::Base).lightness() > 200);
        QTRY_COMPARE(linkColour(*article), Appearance::lightPalette().color(QPalette::Link));

        // Neither widget is rebuilt: the open article and command turn dark in place.
        Appearance::apply(Theme::Dark);
        QTRY_VERIFY(block->editor()->palette().color(QPalette::Base).lightness() < 100);
        QTRY_COMPARE(linkColour(*article), Appearance::darkPalette().color(QPalette::Link));
        QVERIFY(article->toPlainText().contains(u"the pool check"_s));
    }
};

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
