// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// The per-server limit on a real server (issue 14, section 3: "a test counts the server's
// connections from doctor during a run"). 20 environments on one server, over two databases
// (the limit is the server's, not a database's), each job held for a while by a test check;
// meanwhile a connection of the test's own polls pg_stat_activity for the backends of those
// databases. The largest count must reach the limit (else the test could not see a breach)
// and never pass it.
#include "engine/check.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "pgserver.h"
#include "runandwait.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Holds its job's connection for a while, busy on the server (pg_sleep), so the server shows
// the job's backend as active for as long as the job holds its slot. Counting active
// backends, not all of them: a finished job's backend stays in pg_stat_activity (idle) for
// a moment after its session closed, beside the next job's (a TSan run saw 4 for a limit of
// 3 that way).
class HoldCheck : public Check
{
public:
    QString id() const override { return u"check.test.hold"_s; }
    QString defaultSeverity() const override { return u"info"_s; }
    QString category() const override { return u"test"_s; }
    QStringList tags() const override { return {}; }
    QString title() const override { return u"Hold the connection"_s; }
    CheckResult run(const CheckContext &ctx) const override
    {
        const QueryResult slept = ctx.query({ { u"SELECT pg_sleep(0.25)"_s } }).value(0).value(0);
        if (!slept.ok())
            return errorResult(ctx.environment.name, slept.error);
        return result(ctx, CheckStatus::Pass, u"held"_s);
    }
};

} // namespace

class TestPgPerServerLimit : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QStringList m_databases;
    CheckRegistry m_registry;

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        for (int i = 0; i < 2; ++i) {
            const QString db = m_pg.createDatabase(u"perserver"_s);
            QVERIFY(!db.isEmpty());
            m_databases << db;
        }
        m_registry.add(std::make_unique<HoldCheck>());
        QSqlDatabase poller = m_pg.addConnection(u"poller"_s, u"postgres"_s);
        QVERIFY2(poller.open(), qPrintable(poller.lastError().text()));
    }

    void cleanupTestCase() { QSqlDatabase::removeDatabase(u"poller"_s); }

    void neverMoreThanTheLimitAndTheLimitIsReached_data()
    {
        QTest::addColumn<int>("configured"); // 0: the environment's default
        QTest::addColumn<int>("limit");
        QTest::newRow("configured 3") << 3 << 3;
        QTest::newRow("default 4") << 0 << 4;
        QTest::newRow("configured 1") << 1 << 1;
    }
    void neverMoreThanTheLimitAndTheLimitIsReached()
    {
        QFETCH(int, configured);
        QFETCH(int, limit);
        QList<Environment> envs;
        for (int i = 0; i < 20; ++i) {
            Environment e = m_pg.environment(u"env%1"_s.arg(i), m_databases[i % 2]);
            if (configured > 0)
                e.perServerConnections = configured;
            envs << e;
        }
        // Counted on the runner's thread between its own events, every 5 ms; a job holds its
        // connection for 250 ms and more, so a breach would be seen many times over.
        QSqlQuery count(QSqlDatabase::database(u"poller"_s));
        // Client backends only: an autovacuum worker on one of the new databases shows as
        // 'active' there too (a clean-clone ASan run counted 4 for a limit of 3 over two
        // samples in a row, 1 of 7 runs; six more runs of the same build counted 3).
        QVERIFY(count.prepare(u"SELECT count(*) FROM pg_stat_activity WHERE datname IN (?, ?) "
                              "AND pid <> pg_backend_pid() AND state = 'active' "
                              "AND backend_type = 'client backend'"_s));
        count.addBindValue(m_databases[0]);
        count.addBindValue(m_databases[1]);
        QList<int> samples;
        QString pollError;
        QTimer poll;
        poll.setInterval(5);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (!count.exec() || !count.next())
                pollError = count.lastError().text();
            else
                samples << count.value(0).toInt();
        });
        CheckRunner runner(m_registry);
        runner.setMaxParallel(16); // well above every limit here: the per-server one binds
        poll.start();
        const RunOutcome out = runAndWait(runner, envs, {}, 60000);
        poll.stop();
        QVERIFY(out.finished);
        QVERIFY2(pollError.isEmpty(), qPrintable(pollError));
        QCOMPARE(out.results.size(), 20);
        for (const CheckResult &r : out.results)
            QVERIFY2(
                r.status == CheckStatus::Pass, qPrintable(r.environment + u": "_s + r.message));
        QVERIFY2(samples.size() >= 20, qPrintable(QString::number(samples.size())));
        // A count held over two samples in a row. pg_stat_activity is not one snapshot: the
        // server copies the backends' entries one after another, so a sample taken as one job
        // ends and the next begins can count both (an ASan run saw 4 for a limit of 3 in one
        // sample of 409). A real breach, a job holding a connection it has no slot for, lasts
        // its 250 ms: some fifty samples.
        int most = 0;
        for (qsizetype i = 0; i + 1 < samples.size(); ++i)
            most = std::max(most, std::min(samples.at(i), samples.at(i + 1)));
        const int peak = *std::max_element(samples.cbegin(), samples.cend());
        qInfo("%lld samples over %lld ms, at most %d connections at once over two samples, "
              "%d in one (limit %d)",
            qlonglong(samples.size()), out.elapsedMs, most, peak, limit);
        QVERIFY2(
            most <= limit, qPrintable(u"%1 connections at once, limit %2"_s.arg(most).arg(limit)));
        QCOMPARE(most, limit);
        // 20 jobs of 250 ms, limit at a time: at least this long (a lower bound only).
        QVERIFY(out.elapsedMs >= (20 / limit) * 250);
    }
};

QTEST_GUILESS_MAIN(TestPgPerServerLimit)
#include "tst_pg_perserverlimit.moc"
