// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// Issue 18's acceptance on a real server, through the real doctor binary: three
// environments (dev, staging, prod: three databases with EF Core histories) run twice with a
// migration applied to staging in between; `doctor history migrations` says when staging
// first saw it applied (the second run) and since when prod has it pending (the first);
// `doctor matrix` shows the row that differs, with the first-seen times from the history,
// as text and as CSV that a reader not ours parses. A store on the same server through a
// postgresql:// URL shows no password anywhere.
#include "csvreader.h"
#include "doctorprocess.h"
#include "isolatedhome.h"
#include "pgserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const QString A = u"20240105093000_InitialCreate"_s;
const QString B = u"20240212141500_AddTenants"_s;
const QString C = u"20240318080000_AddAuditLog"_s;

QString historyDdl()
{
    return u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) PRIMARY KEY, "
           "\"ProductVersion\" varchar(32) NOT NULL)"_s;
}

QString insert(const QStringList &ids)
{
    QStringList values;
    for (const QString &id : ids)
        values << u"('%1', '9.0.6')"_s.arg(id);
    return u"INSERT INTO \"__EFMigrationsHistory\" VALUES %1"_s.arg(values.join(u", "_s));
}

QJsonObject json(const CliRun &r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QDateTime at(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

// A run's time window as this process saw it; the store's times must fall inside.
struct Window
{
    QDateTime from;
    QDateTime to;
    bool contains(const QDateTime &t) const { return t.isValid() && from <= t && t <= to; }
    QString text() const
    {
        return from.toString(Qt::ISODateWithMs) + u" .. "_s + to.toString(Qt::ISODateWithMs);
    }
};

} // namespace

class TestPgDoctorHistory : public QObject
{
    Q_OBJECT
    PgServer m_pg;
    QTemporaryDir m_tmp;
    QString m_config; // dev has A, B, C applied; staging and prod A, B; C expected
    QString m_staging; // staging's database
    QString m_store;

    Window timedRun(const QStringList &args, int expectedExit)
    {
        Window w { QDateTime::currentDateTimeUtc(), {} };
        const CliRun r = doctor(args);
        w.to = QDateTime::currentDateTimeUtc();
        [&] {
            QVERIFY2(r.exitCode == expectedExit, qPrintable(r.out + r.err));
            QVERIFY2(!r.err.contains(u"run history not recorded"_s), qPrintable(r.err));
        }();
        return w;
    }

    QJsonObject migrationOf(const QString &env, const QString &id)
    {
        const CliRun r = doctor({ u"history"_s, u"migrations"_s, u"--env"_s, env, u"--history"_s,
            m_store, u"--format"_s, u"json"_s });
        [&] { QVERIFY2(r.exitCode == 0, qPrintable(r.err)); }();
        for (const QJsonValue &v : json(r).value(u"migrations"_s).toArray()) {
            if (v.toObject().value(u"migrationId"_s).toString() == id)
                return v.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        isolateHome(m_tmp.filePath(u"home"_s));
        qputenv("XDG_DATA_HOME", m_tmp.filePath(u"data"_s).toUtf8());
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        const QString manifest = m_tmp.filePath(u"expected.txt"_s);
        QFile f(manifest);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringList { A, B, C }.join(u'\n').toUtf8() + "\n");
        f.close();
        QString yaml = u"environments:\n"_s;
        for (const QString &env : { u"dev"_s, u"staging"_s, u"prod"_s }) {
            const QString db = m_pg.createDatabase(env);
            const QStringList applied
                = env == u"dev" ? QStringList { A, B, C } : QStringList { A, B };
            QCOMPARE(m_pg.exec(db, { historyDdl(), insert(applied) }), QString());
            if (env == u"staging")
                m_staging = db;
            yaml += u"  - name: %1\n    connection: \"%2\"\n    expected: %3\n"_s.arg(
                env, m_pg.npgsqlString(db), manifest);
        }
        m_config = m_tmp.filePath(u"envs.yaml"_s);
        QFile c(m_config);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        c.write(yaml.toUtf8());
        m_store = m_tmp.filePath(u"history.sqlite"_s);
    }

    // Before anything is applied: the matrix shows C, applied on dev only, and not A or B.
    void matrixShowsTheMigrationOneEnvironmentHasMore()
    {
        const CliRun r = doctor({ u"matrix"_s, u"--config"_s, m_config, u"--no-history"_s });
        QCOMPARE(r.exitCode, 1); // C pending: the migrations check warns
        const QStringList lines = r.outLines();
        QVERIFY2(lines.size() >= 3, qPrintable(r.out));
        QCOMPARE(lines.at(0).simplified(), u"MIGRATION dev staging prod"_s);
        QCOMPARE(lines.at(1).simplified(), u"(worst status) pass warn warn"_s);
        QCOMPARE(lines.at(2).simplified(), C + u" applied pending pending"_s);
        QVERIFY2(!r.out.contains(A) && !r.out.contains(B), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"1 of 3 migrations differ"_s), qPrintable(r.out));
        const CliRun all
            = doctor({ u"matrix"_s, u"--config"_s, m_config, u"--no-history"_s, u"--all"_s });
        QVERIFY2(all.out.contains(A + u" "_s) && all.out.contains(B + u" "_s), qPrintable(all.out));
    }

    // The acceptance scenario: run, apply C to staging, run again.
    void historyShowsWhenAMigrationWasFirstSeenApplied()
    {
        const QStringList run { u"run"_s, u"--config"_s, m_config, u"--history"_s, m_store,
            u"--check"_s, u"check.postgres.connectivity"_s, u"--check"_s,
            u"check.postgres.migrations"_s };
        const Window first = timedRun(run, 1);
        QCOMPARE(m_pg.exec(m_staging, { insert({ C }) }), QString());
        const Window second = timedRun(run, 1); // prod still lacks C

        const QJsonObject staging = migrationOf(u"staging"_s, C);
        QCOMPARE(staging.value(u"state"_s).toString(), u"applied"_s);
        QVERIFY2(first.contains(at(staging.value(u"firstSeenPending"_s))),
            qPrintable(
                staging.value(u"firstSeenPending"_s).toString() + u" not in "_s + first.text()));
        QVERIFY2(second.contains(at(staging.value(u"firstSeenApplied"_s))),
            qPrintable(
                staging.value(u"firstSeenApplied"_s).toString() + u" not in "_s + second.text()));
        QCOMPARE(staging.value(u"since"_s), staging.value(u"firstSeenApplied"_s));
        const QJsonObject prod = migrationOf(u"prod"_s, C);
        QCOMPARE(prod.value(u"state"_s).toString(), u"pending"_s);
        QVERIFY(first.contains(at(prod.value(u"since"_s))));
        QVERIFY(prod.value(u"firstSeenApplied"_s).isNull());
        const QJsonObject dev = migrationOf(u"dev"_s, C);
        QVERIFY(first.contains(at(dev.value(u"firstSeenApplied"_s))));

        // The text listing a person reads: C applied, its first seen applied in the 2nd run.
        const CliRun text = doctor(
            { u"history"_s, u"migrations"_s, u"--env"_s, u"staging"_s, u"--history"_s, m_store });
        const QString line = text.outLines().filter(C).value(0);
        QVERIFY2(line.simplified().startsWith(C + u" applied "_s), qPrintable(text.out));
        QVERIFY2(line.contains(staging.value(u"firstSeenApplied"_s).toString()), qPrintable(line));

        // The migrations check's two results for staging: warn, then pass; newest first.
        const CliRun results = doctor({ u"history"_s, u"--env"_s, u"staging"_s, u"--check"_s,
            u"check.postgres.migrations"_s, u"--history"_s, m_store, u"--format"_s, u"json"_s });
        const QJsonArray listed = json(results).value(u"results"_s).toArray();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0).toObject().value(u"status"_s).toString(), u"pass"_s);
        QCOMPARE(listed.at(1).toObject().value(u"status"_s).toString(), u"warn"_s);

        // The matrix after it: C applied on dev and staging, and since when, from the store.
        const CliRun csv = doctor({ u"matrix"_s, u"--config"_s, m_config, u"--history"_s, m_store,
            u"--format"_s, u"csv"_s });
        QCOMPARE(csv.exitCode, 1);
        QString error;
        const QList<QStringList> records = readCsv(csv.out.toUtf8(), &error);
        if (error == u"python3 is not installed")
            QSKIP("python3 is not installed");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0),
            (QStringList { u"tool"_s, u"history"_s, u"migration"_s, u"differs"_s, u"dev"_s,
                u"dev first seen"_s, u"staging"_s, u"staging first seen"_s, u"prod"_s,
                u"prod first seen"_s }));
        const QStringList c = records.at(1);
        QCOMPARE(c.mid(0, 5),
            (QStringList {
                u"efcore"_s, u"public.__EFMigrationsHistory"_s, C, u"true"_s, u"applied"_s }));
        QCOMPARE(c.at(5), dev.value(u"firstSeenApplied"_s).toString());
        QCOMPARE(c.at(6), u"applied"_s);
        QCOMPARE(c.at(7), staging.value(u"firstSeenApplied"_s).toString());
        QCOMPARE(c.at(8), u"pending"_s);
        QCOMPARE(c.at(9), prod.value(u"since"_s).toString());
    }

    // A team's shared store: a postgresql:// URL with a password. Recorded and listed, and
    // the password is in no output.
    void sharedStoreShowsNoPassword()
    {
        const QString db = m_pg.createDatabase(u"history"_s);
        QUrl url;
        url.setScheme(u"postgresql"_s);
        url.setHost(m_pg.host());
        url.setPort(m_pg.port());
        url.setUserName(m_pg.user());
        url.setPassword(m_pg.password());
        url.setPath(u"/"_s + db);
        const QString location = url.toString();
        const CliRun run = doctor({ u"run"_s, u"--config"_s, m_config, u"--env"_s, u"prod"_s,
            u"--history"_s, location, u"--check"_s, u"check.postgres.migrations"_s });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(!run.err.contains(u"not recorded"_s), qPrintable(run.err));
        const CliRun listed
            = doctor({ u"history"_s, u"--history"_s, location, u"--format"_s, u"json"_s });
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(json(listed).value(u"results"_s).toArray().size(), 1);
        QVERIFY(!m_pg.password().isEmpty());
        for (const CliRun &r : { run, listed }) {
            QVERIFY2(!r.out.contains(m_pg.password()), "the password is in the output");
            QVERIFY2(!r.err.contains(m_pg.password()), "the password is on stderr");
        }
        QVERIFY2(json(listed).value(u"store"_s).toString().contains(db), qPrintable(listed.out));
    }
};

QTEST_GUILESS_MAIN(TestPgDoctorHistory)
#include "tst_pg_doctorhistory.moc"
