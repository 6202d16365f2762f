// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// RelaxedJson: JSON as .NET's configuration reads it (comments, trailing commas, a BOM),
// and errors that point at the line and column an editor shows.

#include "config/relaxedjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

class TestRelaxedJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // What .NET accepts parses to the document strict JSON without the extras would give.
    void accepted_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("strict");
        QTest::newRow("strict JSON") << QByteArray("{\"a\": [1, 2], \"b\": {\"c\": null}}")
                                     << QByteArray("{\"a\": [1, 2], \"b\": {\"c\": null}}");
        QTest::newRow("line comments")
            << QByteArray("// header\n{\"a\": 1 // one\n}\n// end without newline")
            << QByteArray("{\"a\": 1}");
        QTest::newRow("block comments over lines")
            << QByteArray("/* a\n * b */ {\"a\": /* inline */ 1}") << QByteArray("{\"a\": 1}");
        QTest::newRow("trailing commas") << QByteArray("{\"a\": [1, 2,], \"b\": {\"c\": 3,},}")
                                         << QByteArray("{\"a\": [1, 2], \"b\": {\"c\": 3}}");
        QTest::newRow("trailing comma, then a comment")
            << QByteArray("{\"a\": 1, // last\n /* really */ }") << QByteArray("{\"a\": 1}");
        QTest::newRow("comment markers inside strings")
            << QByteArray("{\"u\": \"http://h/*x*/\", \"p\": \"a//b\"}")
            << QByteArray("{\"u\": \"http://h/*x*/\", \"p\": \"a//b\"}");
        QTest::newRow("commas and brackets inside strings") << QByteArray(
            "{\"a\": \",}\", \"b\": \",]\"}") << QByteArray("{\"a\": \",}\", \"b\": \",]\"}");
        QTest::newRow("escaped quote, then markers")
            << QByteArray("{\"a\": \"x\\\"//y\", \"b\": \"\\\\\", \"c\": 1,}")
            << QByteArray("{\"a\": \"x\\\"//y\", \"b\": \"\\\\\", \"c\": 1}");
        QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF{\"a\": \"\xC3\xA9\"}")
                                   << QByteArray("{\"a\": \"\xC3\xA9\"}");
        QTest::newRow("CRLF") << QByteArray("{\r\n  \"a\": 1, // x\r\n}\r\n")
                              << QByteArray("{\"a\": 1}");
    }
    void accepted()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, strict);
        QString error;
        const QJsonDocument doc = RelaxedJson::parse(text, &error);
        QCOMPARE(error, QString());
        QVERIFY(!doc.isNull());
        QCOMPARE(doc, QJsonDocument::fromJson(strict));
    }

    // What .NET refuses is refused, at the character an editor would put the cursor on.
    void refused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray()
                               << u"1:1: the file is empty; .NET expects at least {}"_s;
        // At the end, where the {} was expected.
        QTest::newRow("only blanks and a comment") << QByteArray(
            "  // nothing\n") << u"1:13: the file is empty; .NET expects at least {}"_s;
        QTest::newRow("unterminated comment")
            << QByteArray("{\n  \"a\": 1 /* never closed\n}") << u"2:10: unterminated /* comment"_s;
        QTest::newRow("garbage after the object")
            << QByteArray("{\"a\": 1} x") << u"1:10: garbage at the end of the document"_s;
        // The second comma was blanked as a trailing one: the error is right after it.
        QTest::newRow("two commas")
            << QByteArray("{\"a\": 1,,}") << u"1:10: object is missing after a comma"_s;
        // Utf8JsonReader allows a comma only after a value: "[,]" and "{,}" stay invalid
        // (dotnet/corefx#36690, which added AllowTrailingCommas).
        QTest::newRow("comma alone in an array") << QByteArray("[,]") << u"1:2: "_s;
        QTest::newRow("comma alone in an object") << QByteArray("{\"a\": {,}}") << u"1:8: "_s;
        QTest::newRow("missing comma, next line")
            << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}") << u"3:3: unterminated object"_s;
        QTest::newRow("columns count characters, not bytes")
            << QByteArray("{\"\xC3\x84\": tru}") << u"1:7: illegal value"_s;
        QTest::newRow("a BOM is not a column")
            << QByteArray("\xEF\xBB\xBF{\"a\": tru}") << u"1:7: illegal value"_s;
        QTest::newRow("a bare word") << QByteArray("{\"a\": x}") << u"1:7: "_s;
        QTest::newRow("single quotes") << QByteArray("{'a': 1}") << u"1:2: "_s;
    }
    void refused()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        QString actual;
        QVERIFY(RelaxedJson::parse(text, &actual).isNull());
        // Qt's offset for an illegal number is the character itself, not one past it.
        QVERIFY2(actual.startsWith(error), qPrintable(actual));
    }

    // Qt's message names the problem, never the text around it: a password in a broken
    // file does not reach the error.
    void errorsDoNotQuoteTheFile()
    {
        QString error;
        const QByteArray text = "{\"ConnectionStrings\": {\"Db\": \"Password=Secret-1\" x}}";
        QVERIFY(RelaxedJson::parse(text, &error).isNull());
        QVERIFY2(!error.isEmpty() && !error.contains(u"Secret-1"), qPrintable(error));
    }

    void lineColumn_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<qsizetype>("offset");
        QTest::addColumn<QString>("where");
        QTest::newRow("start") << QByteArray("abc") << qsizetype(0) << u"1:1"_s;
        QTest::newRow("same line") << QByteArray("abc") << qsizetype(2) << u"1:3"_s;
        QTest::newRow("after a line break") << QByteArray("a\nbc") << qsizetype(3) << u"2:2"_s;
        QTest::newRow("CRLF") << QByteArray("a\r\nb") << qsizetype(3) << u"2:1"_s;
        QTest::newRow("multi-byte characters") << QByteArray("\xC3\xA9\xE2\x82\xAC"
                                                             "x")
                                               << qsizetype(5) << u"1:3"_s;
        QTest::newRow("behind a BOM") << QByteArray("\xEF\xBB\xBF"
                                                    "ab")
                                      << qsizetype(4) << u"1:2"_s;
        QTest::newRow("inside a BOM") << QByteArray("\xEF\xBB\xBF"
                                                    "ab")
                                      << qsizetype(1) << u"1:1"_s;
        QTest::newRow("past the end") << QByteArray("a\nb") << qsizetype(99) << u"2:2"_s;
        QTest::newRow("negative") << QByteArray("a\nb") << qsizetype(-5) << u"1:1"_s;
    }
    void lineColumn()
    {
        QFETCH(QByteArray, data);
        QFETCH(qsizetype, offset);
        QTEST(RelaxedJson::lineColumn(data, offset), "where");
    }

    // Comments and commas are blanked in place: a document that is big and deeply nested
    // still parses, and an error at its end still has the right line.
    void offsetsSurviveBlanking()
    {
        QByteArray text = "{\n";
        for (int i = 0; i < 500; ++i)
            text += "  /* " + QByteArray::number(i) + " */ \"k" + QByteArray::number(i)
                + "\": [1, 2, ], // tail\n";
        QString error;
        QJsonDocument doc = RelaxedJson::parse(text + "}\n", &error);
        QCOMPARE(error, QString());
        QCOMPARE(doc.object().size(), 500);
        QCOMPARE(doc.object().value(u"k499").toArray().size(), 2);
        QVERIFY(RelaxedJson::parse(text + "  x\n}\n", &error).isNull());
        QVERIFY2(error.startsWith(u"502:3: "_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRelaxedJson)
#include "tst_relaxedjson.moc"
