// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ResultText: what `doctor run` prints in a terminal, and the exit code it returns.

#include "report/resulttext.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

CheckResult result(CheckStatus status, const QString &message = u"m"_s)
{
    CheckResult r;
    r.environment = u"prod"_s;
    r.checkId = u"check.postgres.pool"_s;
    r.status = status;
    r.message = message;
    r.durationMs = 12;
    return r;
}

} // namespace

class TestResultText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void evidenceValue_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("invalid") << QVariant() << u"-"_s;
        QTest::newRow("null") << QVariant::fromValue(nullptr) << u"-"_s;
        QTest::newRow("null string") << QVariant(QMetaType::fromType<QString>()) << u"-"_s;
        QTest::newRow("text") << QVariant(u"pending"_s) << u"pending"_s;
        QTest::newRow("number") << QVariant(42) << u"42"_s;
        QTest::newRow("fraction") << QVariant(81.5) << u"81.5"_s;
        QTest::newRow("true") << QVariant(true) << u"true"_s;
        QTest::newRow("false") << QVariant(false) << u"false"_s;
        QTest::newRow("list") << QVariant(QStringList { u"a"_s, u"b"_s }) << u"a, b"_s;
        QTest::newRow("empty list") << QVariant(QStringList()) << u"(none)"_s;
        QTest::newRow("map, keys in order")
            << QVariant(QVariantMap { { u"web"_s, 3 }, { u"api"_s, 12 } }) << u"api=12, web=3"_s;
        QTest::newRow("empty map") << QVariant(QVariantMap()) << QString();
    }
    void evidenceValue()
    {
        QFETCH(QVariant, value);
        QTEST(ResultText::evidenceValue(value), "text");
    }

    // Each status has a four-letter mark, so the columns line up; colour only when asked.
    void marks_data()
    {
        QTest::addColumn<CheckStatus>("status");
        QTest::addColumn<QString>("mark");
        QTest::addColumn<QString>("ansi");
        QTest::newRow("pass") << CheckStatus::Pass << u"PASS"_s << u"32"_s;
        QTest::newRow("warn") << CheckStatus::Warn << u"WARN"_s << u"33"_s;
        QTest::newRow("fail") << CheckStatus::Fail << u"FAIL"_s << u"31"_s;
        QTest::newRow("error") << CheckStatus::Error << u"ERR "_s << u"35"_s;
        QTest::newRow("not run") << CheckStatus::NotRun << u"NRUN"_s << u"2"_s;
        QTest::newRow("skipped") << CheckStatus::Skipped << u"SKIP"_s << u"2"_s;
    }
    void marks()
    {
        QFETCH(CheckStatus, status);
        QFETCH(QString, mark);
        QFETCH(QString, ansi);
        QCOMPARE(mark.size(), 4);
        QCOMPARE(ResultText::format({ result(status) }, false),
            mark + u"  prod  check.postgres.pool  m (12 ms)\n"_s);
        QCOMPARE(ResultText::format({ result(status) }, true),
            u"\x1b[1;%1m%2\x1b[0m  prod  check.postgres.pool  m (12 ms)\n"_s.arg(ansi, mark));
    }

    void evidenceIndentedInOrder()
    {
        CheckResult r = result(CheckStatus::Warn, u"2 pending"_s);
        r.evidence = { { u"PendingCount"_s, 2 }, { u"Applied"_s, QStringList { u"A"_s } },
            { u"LatestApplied"_s, QVariant() } };
        QCOMPARE(ResultText::format({ r, result(CheckStatus::Pass) }, false),
            u"WARN  prod  check.postgres.pool  2 pending (12 ms)\n"
            "        PendingCount: 2\n"
            "        Applied: A\n"
            "        LatestApplied: -\n"
            "PASS  prod  check.postgres.pool  m (12 ms)\n"_s);
    }

    void nothingToPrint() { QCOMPARE(ResultText::format({}, true), QString()); }
};

QTEST_GUILESS_MAIN(TestResultText)
#include "tst_resulttext.moc"
