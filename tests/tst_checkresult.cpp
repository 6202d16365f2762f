// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// CheckResult and Status: the result contract's keys, the order of badness, evidence lookup.

#include "engine/checkresult.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QList<CheckStatus> allStatuses { CheckStatus::Pass, CheckStatus::Warn, CheckStatus::Fail,
    CheckStatus::Error, CheckStatus::Skipped, CheckStatus::NotRun };

} // namespace

class TestCheckResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The JSON report's values: scripts compare against these strings.
    void keys_data()
    {
        QTest::addColumn<CheckStatus>("status");
        QTest::addColumn<QString>("key");
        QTest::newRow("pass") << CheckStatus::Pass << u"pass"_s;
        QTest::newRow("warn") << CheckStatus::Warn << u"warn"_s;
        QTest::newRow("fail") << CheckStatus::Fail << u"fail"_s;
        QTest::newRow("error") << CheckStatus::Error << u"error"_s;
        QTest::newRow("skipped") << CheckStatus::Skipped << u"skipped"_s;
        QTest::newRow("not run") << CheckStatus::NotRun << u"not_run"_s;
    }
    void keys()
    {
        QFETCH(CheckStatus, status);
        QTEST(Status::key(status), "key");
    }

    void keysAreDistinct()
    {
        QSet<QString> keys;
        for (CheckStatus s : allStatuses)
            keys.insert(Status::key(s));
        QCOMPARE(keys.size(), allStatuses.size());
    }

    // Skipped < Pass < Warn < NotRun < Error < Fail, strictly: the badge, the selection after
    // a run and the Status column's sort all rely on it.
    void rankIsTheDocumentedOrder()
    {
        const QList<CheckStatus> order { CheckStatus::Skipped, CheckStatus::Pass, CheckStatus::Warn,
            CheckStatus::NotRun, CheckStatus::Error, CheckStatus::Fail };
        QCOMPARE(order.size(), allStatuses.size());
        for (qsizetype i = 1; i < order.size(); ++i)
            QVERIFY2(Status::rank(order[i - 1]) < Status::rank(order[i]),
                qPrintable(Status::key(order[i])));
        // The worst of an environment's results, as the badge computes it.
        const auto worst = [](const QList<CheckStatus> &statuses) {
            return *std::max_element(statuses.cbegin(), statuses.cend(),
                [](CheckStatus a, CheckStatus b) { return Status::rank(a) < Status::rank(b); });
        };
        QCOMPARE(worst({ CheckStatus::NotRun, CheckStatus::Fail, CheckStatus::NotRun }),
            CheckStatus::Fail); // a closed port: connectivity fails, the rest not run
        QCOMPARE(worst({ CheckStatus::Pass, CheckStatus::Skipped }), CheckStatus::Pass);
    }

    void evidenceValue()
    {
        CheckResult r;
        QVERIFY(!r.evidenceValue(u"Reachable"_s).isValid());
        r.evidence = { { u"Reachable"_s, false }, { u"PendingCount"_s, 0 },
            { u"Names"_s, QStringList { u"a"_s } }, { u"Reachable"_s, true } };
        QCOMPARE(r.evidenceValue(u"Reachable"_s), QVariant(false)); // the first one
        QCOMPARE(r.evidenceValue(u"PendingCount"_s), QVariant(0)); // a 0 is a value
        QCOMPARE(r.evidenceValue(u"Names"_s).toStringList(), QStringList { u"a"_s });
        QVERIFY(!r.evidenceValue(u"reachable"_s).isValid()); // keys are exact
        QVERIFY(!r.evidenceValue(QString()).isValid());
    }

    // Results travel from the worker threads to the UI in queued signals and QVariants.
    void aResultIsAPlainValue()
    {
        CheckResult r;
        QCOMPARE(r.status, CheckStatus::Skipped);
        QVERIFY(!r.checkedAt.isValid());
        QCOMPARE(r.generation, quint64(0));
        r.environment = u"prod"_s;
        r.checkId = u"check.postgres.pool"_s;
        r.status = CheckStatus::Warn;
        r.evidence = { { u"UsagePercent"_s, 81.5 } };
        r.remediation.fixes = { { DeploymentStyle::Kubernetes, u"t"_s, u"c"_s } };
        r.target = { u"db1,db2"_s, u"5432"_s, u"app"_s, u"doctor"_s };
        const CheckResult copy = QVariant::fromValue(r).value<CheckResult>();
        QCOMPARE(copy.environment, r.environment);
        QCOMPARE(copy.status, r.status);
        QCOMPARE(copy.evidenceValue(u"UsagePercent"_s).toDouble(), 81.5);
        QCOMPARE(copy.remediation.fixes.size(), 1);
        QCOMPARE(copy.target.host, u"db1,db2"_s);
    }
};

QTEST_GUILESS_MAIN(TestCheckResult)
#include "tst_checkresult.moc"
