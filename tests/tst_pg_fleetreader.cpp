// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// FleetReader on the fixture's real PostgreSQL store written by HistoryStore: a role with
// SELECT only (no INSERT, no CREATE) reads every environment's latest result per check
// (DISTINCT ON), the newest run winning over an older one recorded later, with that
// run's shard and tags, and the current migration states the fleet's matrix shows.
#include "history/fleetreader.h"
#include "history/historystore.h"
#include "pgserver.h"

#include <QTest>
#include <QTimeZone>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
const QDateTime T0 = QDateTime(QDate(2026, 11, 2), QTime(9, 30, 0, 250), QTimeZone::UTC);

CheckResult result(
    const QString &env, const QString &check, CheckStatus status, const QDateTime &at)
{
    CheckResult r;
    r.environment = env;
    r.checkId = check;
    r.status = status;
    r.message = Status::key(status);
    r.checkedAt = at;
    return r;
}

CheckResult migrations(const QString &env, MigrationEntry::State second, const QDateTime &at)
{
    CheckResult r = result(env, u"check.postgres.migrations"_s, CheckStatus::Pass, at);
    r.subject = u"efcore public.__EFMigrationsHistory"_s;
    QList<MigrationEntry> entries;
    for (const auto &[id, state] :
        { std::pair(u"A"_s, MigrationEntry::State::Applied), std::pair(u"B"_s, second) }) {
        MigrationEntry e;
        e.id = id;
        e.state = state;
        e.tool = u"efcore"_s;
        e.history = u"public.__EFMigrationsHistory"_s;
        entries << e;
    }
    r.details = QVariant::fromValue(entries);
    return r;
}

HistoryRun run(const QDateTime &at, const QStringList &envs, const QString &shard = {})
{
    HistoryRun r;
    r.shard = shard;
    r.startedAt = at;
    r.finishedAt = at.addSecs(1);
    r.origin = u"cli"_s;
    r.environments = envs;
    return r;
}
} // namespace

class tst_PgFleetReader : public QObject
{
    Q_OBJECT
    PgServer m_pg;

    QString urlOf(const QString &db, const QString &user, const QString &password) const
    {
        QUrl url;
        url.setScheme(u"postgresql"_s);
        url.setHost(m_pg.host());
        url.setPort(m_pg.port());
        url.setUserName(user);
        url.setPassword(password);
        url.setPath(u"/"_s + db);
        return url.toString(QUrl::FullyEncoded);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        if (!m_pg.isValid())
            QSKIP(qPrintable(m_pg.error()));
    }

    void selectOnlyRoleReadsTheLatest()
    {
        const QString db = m_pg.createDatabase(u"fleet"_s);
        {
            HistoryStore store;
            QVERIFY2(store.open(urlOf(db, m_pg.user(), m_pg.password())),
                qPrintable(store.errorString()));
            const QStringList envs = { u"eu-prod"_s, u"us-prod"_s };
            HistoryRun first = run(T0, envs, u"0"_s);
            first.tags
                = { { u"eu-prod"_s, { u"prod"_s, u"eu"_s } }, { u"us-prod"_s, { u"us"_s } } };
            QVERIFY(store.record(first,
                { result(u"eu-prod"_s, u"pool"_s, CheckStatus::Fail, T0),
                    result(u"eu-prod"_s, u"locks"_s, CheckStatus::Pass, T0),
                    result(u"us-prod"_s, u"pool"_s, CheckStatus::Warn, T0),
                    migrations(u"eu-prod"_s, MigrationEntry::State::Pending, T0) }));
            const QDateTime t1 = T0.addSecs(600);
            HistoryRun second = run(t1, { u"eu-prod"_s }, u"2"_s);
            second.tags = { { u"eu-prod"_s, { u"prod"_s, u"eu-west"_s } } };
            QVERIFY(store.record(second,
                { result(u"eu-prod"_s, u"pool"_s, CheckStatus::Pass, t1),
                    migrations(u"eu-prod"_s, MigrationEntry::State::Applied, t1) }));
            const QDateTime old = T0.addSecs(-600); // recorded last, but older
            HistoryRun late = run(old, { u"us-prod"_s }, u"1"_s);
            late.tags = { { u"us-prod"_s, { u"legacy"_s } } };
            QVERIFY(
                store.record(late, { result(u"us-prod"_s, u"pool"_s, CheckStatus::Error, old) }));
        }
        const QString role = u"fleet_ro_"_s + db.right(8).toLower().remove(u'-');
        const QString password = u"ro-"_s + QUuid::createUuid().toString(QUuid::Id128);
        QCOMPARE(m_pg.exec(db,
                     { u"CREATE ROLE %1 LOGIN PASSWORD '%2'"_s.arg(role, password),
                         u"GRANT USAGE ON SCHEMA public TO %1"_s.arg(role),
                         u"GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1"_s.arg(role) }),
            QString());
        // The role really is read-only: it may not add a result.
        QVERIFY(!m_pg
                .exec(db,
                    { u"SET ROLE %1"_s.arg(role),
                        u"INSERT INTO runs (id, started_at, "
                        "environments) VALUES ('x', now(), '[]')"_s })
                .isEmpty());

        FleetReader reader;
        QVERIFY2(reader.open(urlOf(db, role, password)), qPrintable(reader.errorString()));
        const FleetSnapshot s = reader.read(T0.addSecs(3600));
        QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
        QVERIFY(s.hasShards);
        QCOMPARE(s.environments.size(), 2);
        QCOMPARE(s.environments[0].name, u"eu-prod"_s);
        QCOMPARE(s.environments[0].worst, CheckStatus::Pass); // the newer pass replaced the fail
        QCOMPARE(s.environments[0].latest, T0.addSecs(600));
        QCOMPARE(s.environments[0].oldest, T0);
        QCOMPARE(s.environments[0].results.size(), 3); // locks, migrations, pool
        QCOMPARE(s.environments[1].name, u"us-prod"_s);
        QCOMPARE(s.environments[1].worst, CheckStatus::Warn); // not the older error
        QCOMPARE(s.environments[1].results.size(), 1);
        QCOMPARE(s.environments[1].results[0].checkedAt, T0);

        // Each environment's shard is its newest result's run's, not the last recorded run's.
        QCOMPARE(s.environments[0].shard, u"2"_s);
        QCOMPARE(s.environments[1].shard, u"0"_s);

        // Tags: the newest run's that recorded any, sorted.
        QVERIFY(s.hasTags);
        QCOMPARE(s.environments[0].tags, QStringList({ u"eu-west"_s, u"prod"_s }));
        QCOMPARE(s.environments[1].tags, QStringList { u"us"_s });

        // The current migration states, B applied since the second run.
        const QList<MigrationSighting> current = reader.currentMigrations();
        QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
        QCOMPARE(current.size(), 2);
        QCOMPARE(current[1].migrationId, u"B"_s);
        QCOMPARE(current[1].state, MigrationEntry::State::Applied);
        QCOMPARE(current[1].firstSeen, T0.addSecs(600));
    }
};

QTEST_GUILESS_MAIN(tst_PgFleetReader)
#include "tst_pg_fleetreader.moc"
