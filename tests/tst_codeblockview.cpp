#include "codeblockview.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
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
        const QString text = u"kubectl -n ns exec -it pod -- stella db migrate\n  --flag \"quoted\" $HOME"_s;
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
