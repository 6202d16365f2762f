// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// ExitCode::forResults: the `doctor run` exit code from its results.
#include "cli/exitcode.h"

#include <QTest>
#include <algorithm>

namespace {

CheckResult result(CheckStatus status)
{
    CheckResult r;
    r.status = status;
    return r;
}

} // namespace

class TestExitCode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void worstResultDecides_data()
    {
        QTest::addColumn<QList<CheckStatus>>("statuses");
        QTest::addColumn<int>("code");
        using S = CheckStatus;
        QTest::newRow("nothing") << QList<S> {} << 0;
        QTest::newRow("all pass") << QList<S> { S::Pass, S::Skipped } << 0;
        QTest::newRow("skipped alone") << QList<S> { S::Skipped } << 0;
        QTest::newRow("warn") << QList<S> { S::Pass, S::Warn } << 1;
        QTest::newRow("warn and skipped") << QList<S> { S::Warn, S::Skipped } << 1;
        QTest::newRow("fail beats warn") << QList<S> { S::Warn, S::Fail } << 2;
        QTest::newRow("could not run") << QList<S> { S::Fail, S::Error } << 3;
        QTest::newRow("not run counts as could not run") << QList<S> { S::Fail, S::NotRun } << 3;
        QTest::newRow("not run alone") << QList<S> { S::Pass, S::NotRun } << 3;
    }
    void worstResultDecides()
    {
        QFETCH(QList<CheckStatus>, statuses);
        QFETCH(int, code);
        QList<CheckResult> results;
        for (CheckStatus s : std::as_const(statuses))
            results << result(s);
        QCOMPARE(int(ExitCode::forResults(results)), code);
    }

    // The highest code applies whatever the order the results come in.
    void orderDoesNotMatter()
    {
        const QList<CheckStatus> all { CheckStatus::Skipped, CheckStatus::Pass, CheckStatus::Warn,
            CheckStatus::Fail, CheckStatus::Error, CheckStatus::NotRun };
        QList<CheckResult> results;
        for (CheckStatus s : all)
            results << result(s);
        for (int i = 0; i < results.size(); ++i) {
            std::rotate(results.begin(), results.begin() + 1, results.end());
            QCOMPARE(ExitCode::forResults(results), ExitCode::CouldNotRun);
        }
    }

    // The codes scripts rely on (README, "doctor run"): never renumber them.
    void codesAreStable()
    {
        QCOMPARE(int(ExitCode::AllPassed), 0);
        QCOMPARE(int(ExitCode::SomeWarn), 1);
        QCOMPARE(int(ExitCode::SomeFail), 2);
        QCOMPARE(int(ExitCode::CouldNotRun), 3);
        QCOMPARE(int(ExitCode::StoreFailed), 4);
        QCOMPARE(int(ExitCode::PushFailed), 5);
        QCOMPARE(int(ExitCode::Usage), 64);
    }
};

QTEST_GUILESS_MAIN(TestExitCode)
#include "tst_exitcode.moc"
