// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "codeblockview.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCodeBlockView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fenceLanguagesPickDefinitions_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("definition");
        QTest::newRow("bash") << u"bash"_s << u"Bash"_s;
        QTest::newRow("sh") << u"sh"_s << u"Bash"_s;
        QTest::newRow("yaml") << u"yaml"_s << u"YAML"_s;
        QTest::newRow("json") << u"json"_s << u"JSON"_s;
        QTest::newRow("sql") << u"sql"_s << u"SQL (PostgreSQL)"_s;
        QTest::newRow("unknown") << u"klingon"_s << QString();
    }
    void fenceLanguagesPickDefinitions()
    {
        QFETCH(QString, language);
        QFETCH(QString, definition);
        CodeBlockView view(u"echo hi"_s, language);
        QCOMPARE(view.definitionName(), definition);
    }

    void copyPutsExactlyTheTextOnTheClipboard()
    {
        const QString text
            = u"kubectl -n ns exec -it pod -- stella db migrate\n  --flag \"quoted\" $HOME"_s;
        CodeBlockView view(text, u"bash"_s);
        view.show();
        QSignalSpy copied(&view, &CodeBlockView::copied);
        QTest::mouseClick(view.copyButton(), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), text);
        QCOMPARE(copied.size(), 1);
        QLabel *notice = nullptr;
        for (QLabel *l : view.findChildren<QLabel *>()) {
            if (l->text() == u"Copied")
                notice = l;
        }
        QVERIFY(notice && notice->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!notice->isVisible(), 3000);
    }

    // A command longer than the panel is wide is wrapped and shown whole: nothing hidden
    // behind a scroll bar in either direction, at any width.
    void longCommandsAreShownWhole()
    {
        const QString text
            = u"# Evidence: PendingCount, Status - apply the pending migrations\n"
              "kubectl -n stellaops-prod exec -it stellaops-platform-7c9d5b6f4-x2k8q -- "
              "dotnet StellaOps.Platform.dll migrate --connection-from-env --verbose\n"
              "\n"
              "echo done"_s;
        CodeBlockView view(text, u"bash"_s);
        view.resize(320, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QPlainTextEdit *editor = view.editor();
        const int row = editor->fontMetrics().lineSpacing();
        // Nothing to scroll sideways to (the bar is off, but its range is still kept).
        QCOMPARE(editor->horizontalScrollBar()->maximum(), 0);
        QTRY_COMPARE(editor->verticalScrollBar()->maximum(), 0); // every row is in view
        const int narrow = editor->height();
        QVERIFY2(narrow > 5 * row, qPrintable(QString::number(narrow))); // 4 lines, wrapped to more

        view.resize(2400, 200);
        QTRY_VERIFY(editor->height() < narrow);
        QCOMPARE(editor->verticalScrollBar()->maximum(), 0);
        // Four rows and the margins, not more: the view does not waste the panel's height.
        QVERIFY2(editor->height() <= 4 * row + 2 * int(editor->document()->documentMargin()) + 6,
            qPrintable(QString::number(editor->height())));
    }

    void darkPaletteGetsADarkTheme()
    {
        CodeBlockView view(u"echo hi"_s, u"bash"_s);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Window, QColor(0x30, 0x30, 0x30));
        view.setPalette(dark);
        const auto *editor = view.findChild<QPlainTextEdit *>();
        QVERIFY(editor->palette().color(QPalette::Base).lightness() < 128);
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        view.setPalette(light);
        QVERIFY(editor->palette().color(QPalette::Base).lightness() > 128);
    }
};

QTEST_MAIN(TestCodeBlockView)
#include "tst_codeblockview.moc"
