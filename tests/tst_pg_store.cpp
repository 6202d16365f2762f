// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// The shared results store (issue 19 §2) on the fixture's real PostgreSQL, through the real
// `doctor` binary: `doctor store init|upgrade URL` (a version-1 store upgraded; the job
// refusing a missing or older store), the GRANTs it prints given to a writer and a reader
// role that then write and read `latest`, eight concurrent `doctor run --store --shard I/8`
// processes of a 200-environment file leaving every latest result exactly once
// (RELIABILITY 24), and an unreachable store: exit code 4 with the report still on stdout
// (RELIABILITY 25). The URL's password appears in no output.
#include "doctorprocess.h"
#include "history/historystore.h"
#include "history/historystore_p.h"
#include "pgserver.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
const QStringList Checks
    = { u"check.postgres.connectivity"_s, u"check.postgres.pool"_s, u"check.postgres.locks"_s };
const QString WriterPassword = u"Wr1ter-Sentinel-7q"_s;
const QString ReaderPassword = u"Re4der-Sentinel-3k"_s;
} // namespace

class TestPgStore : public QObject
{
    Q_OBJECT
    PgServer m_pg;
    QTemporaryDir m_dir;

    QString url(const QString &db, const QString &user = {}, const QString &password = {}) const
    {
        const QString u = user.isEmpty() ? m_pg.user() : user;
        const QString pw = user.isEmpty() ? m_pg.password() : password;
        return u"postgresql://%1:%2@%3:%4/%5"_s.arg(u,
            QString::fromUtf8(QUrl::toPercentEncoding(pw)), m_pg.host(),
            QString::number(m_pg.port()), db);
    }

    // An environments file of count environments spread over the fixture's databases dbs.
    QString environmentsFile(const QString &name, int count, const QStringList &dbs) const
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(f.fileName()));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QString text = u"environments:\n"_s;
        for (int i = 0; i < count; ++i)
            text += u"  - name: env-%1\n    connection: \"%2\"\n"_s.arg(i, 3, 10, QChar(u'0'))
                        .arg(m_pg.npgsqlString(dbs[i % dbs.size()]));
        f.write(text.toUtf8());
        return f.fileName();
    }

    QStringList runArgs(const QString &config, const QString &store) const
    {
        QStringList args { u"run"_s, u"--config"_s, config, u"--format"_s, u"json"_s, u"--store"_s,
            store };
        for (const QString &c : Checks)
            args << u"--check"_s << c;
        return args;
    }

    void noPassword(const CliRun &r, const QStringList &passwords)
    {
        for (const QString &pw : passwords) {
            QVERIFY2(!r.out.contains(pw), qPrintable(r.out));
            QVERIFY2(!r.err.contains(pw), qPrintable(r.err));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pg = PgServer::fromFixture();
        if (!m_pg.isValid())
            QSKIP(qPrintable(m_pg.error()));
        // Cluster-wide roles: created once per server, their passwords reset each run.
        for (const auto &[role, pw] : { std::pair { u"doctor_writer"_s, WriterPassword },
                 { u"doctor_reader"_s, ReaderPassword } })
            QCOMPARE(m_pg.exec(u"postgres"_s,
                         { u"DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                           "'%1') THEN CREATE ROLE %1 LOGIN; END IF; END$$"_s.arg(role),
                             u"ALTER ROLE %1 PASSWORD '%2'"_s.arg(role, pw) }),
                QString());
    }

    void version1StoreUpgradedByTheCommandOnly()
    {
        const QString db = m_pg.createDatabase(u"storev1"_s);
        HistorySchema::overrideStepsForTest(HistorySchema::steps().mid(0, 1));
        {
            HistoryStore v1;
            QVERIFY2(v1.open(url(db)), qPrintable(v1.errorString()));
        }
        HistorySchema::overrideStepsForTest(std::nullopt);
        const QString config = environmentsFile(u"one.yaml"_s, 1, { db });

        CliRun r = doctor(runArgs(config, url(db)));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(u"doctor store upgrade postgresql://"_s), qPrintable(r.err));
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).isObject()); // the report, whole
        QCOMPARE(m_pg.scalar(db, u"SELECT schema_version FROM store_meta"_s).toInt(), 1);
        QCOMPARE(m_pg.scalar(db, u"SELECT count(*) FROM runs"_s).toInt(), 0);

        r = doctor({ u"store"_s, u"init"_s, url(db) });
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(u"doctor store upgrade"_s), qPrintable(r.err));
        noPassword(r, { m_pg.password() });

        r = doctor({ u"store"_s, u"upgrade"_s, url(db) });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"upgraded from schema version 1 to 3"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"GRANT SELECT ON \"public\".store_meta"_s));
        noPassword(r, { m_pg.password() });
        QCOMPARE(m_pg.scalar(db, u"SELECT schema_version FROM store_meta"_s).toInt(), 3);

        r = doctor(runArgs(config, url(db)) << u"--shard"_s << u"0/1"_s);
        QVERIFY2(r.exitCode >= 0 && r.exitCode <= 3, qPrintable(r.err));
        QCOMPARE(m_pg.scalar(db, u"SELECT count(*) FROM latest WHERE shard = '0'"_s).toInt(),
            Checks.size());
    }

    void missingStoreRefused()
    {
        const QString db = m_pg.createDatabase(u"storenone"_s);
        const CliRun r = doctor(runArgs(environmentsFile(u"none.yaml"_s, 1, { db }), url(db)));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(u"doctor store init postgresql://"_s), qPrintable(r.err));
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).isObject());
        QCOMPARE(m_pg.scalar(db, u"SELECT to_regclass('store_meta') IS NULL"_s).toBool(), true);
        noPassword(r, { m_pg.password() });
        const CliRun up = doctor({ u"store"_s, u"upgrade"_s, url(db) });
        QCOMPARE(up.exitCode, 4);
        QVERIFY2(up.err.contains(u"doctor store init"_s), qPrintable(up.err));
        // Reading or pruning a database without a store creates none in it.
        for (const QStringList &args :
            { QStringList { u"history"_s }, QStringList { u"history"_s, u"migrations"_s },
                QStringList { u"history"_s, u"prune"_s, u"--older-than"_s, u"1d"_s } }) {
            const CliRun read = doctor(args + QStringList { u"--history"_s, url(db) });
            QCOMPARE(read.exitCode, 3);
            QVERIFY2(read.err.contains(u"doctor store init"_s), qPrintable(read.err));
            noPassword(read, { m_pg.password() });
        }
        QCOMPARE(m_pg.scalar(db, u"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"_s)
                     .toInt(),
            0);
    }

    // doctor store init's GRANTs, given as printed; eight shards write at once as the writer.
    void eightShardsAsTheWriterRole()
    {
        const QString db = m_pg.createDatabase(u"store"_s);
        const CliRun init = doctor({ u"store"_s, u"init"_s, url(db) });
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(init.out.contains(u"created at schema version 3"_s));
        QStringList grants;
        for (const QString &line : init.outLines())
            if (line.startsWith(u"GRANT "_s))
                grants << line;
        QCOMPARE(grants.size(), 5);
        for (const QString &g : grants)
            QVERIFY2(
                !g.contains(u"CREATE"_s) && !g.contains(u"DELETE"_s) && !g.contains(u"UPDATE"_s),
                qPrintable(g));
        QCOMPARE(m_pg.exec(db, grants), QString());
        QCOMPARE(m_pg.exec(db,
                     { u"GRANT CONNECT ON DATABASE %1 TO doctor_writer, "
                       "doctor_reader"_s.arg(db) }),
            QString());

        QStringList dbs;
        for (int i = 0; i < 4; ++i)
            dbs << m_pg.createDatabase(u"fleet"_s);
        const QString config = environmentsFile(u"fleet.yaml"_s, 200, dbs);
        const QString store = url(db, u"doctor_writer"_s, WriterPassword);
        // Twice: the second round reads what the first wrote and inserts only.
        std::vector<std::unique_ptr<QProcess>> shards;
        for (int i = 0; i < 16; ++i) {
            auto p = std::make_unique<QProcess>();
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"XDG_DATA_HOME"_s, m_dir.path());
            p->setProcessEnvironment(env);
            p->start(TestPaths::binaryDir() + QStringLiteral("/app/doctor"),
                runArgs(config, store) << u"--shard"_s << u"%1/8"_s.arg(i % 8));
            shards.push_back(std::move(p));
            if (i % 8 != 7)
                continue;
            for (auto &shard : shards) {
                QVERIFY(shard->waitForFinished(240000));
                const QString err = QString::fromUtf8(shard->readAllStandardError());
                const QString out = QString::fromUtf8(shard->readAllStandardOutput());
                QVERIFY2(shard->exitCode() >= 0 && shard->exitCode() <= 3, qPrintable(err));
                QVERIFY2(!err.contains(u"store"_s), qPrintable(err));
                QVERIFY(!err.contains(WriterPassword) && !out.contains(WriterPassword));
            }
            shards.clear();
        }
        const int expected = 200 * int(Checks.size());
        QCOMPARE(m_pg.scalar(db, u"SELECT count(*) FROM latest"_s).toInt(), expected);
        QCOMPARE(m_pg.scalar(db,
                         u"SELECT count(*) FROM (SELECT DISTINCT environment, check_id FROM "
                         "latest) k"_s)
                     .toInt(),
            expected);
        QCOMPARE(m_pg.scalar(db, u"SELECT count(*) FROM results"_s).toInt(), 2 * expected);
        QCOMPARE(m_pg.scalar(db, u"SELECT count(DISTINCT environment) FROM latest"_s).toInt(), 200);
        QCOMPARE(
            m_pg.scalar(db, u"SELECT string_agg(shard, ',' ORDER BY shard) FROM runs"_s).toString(),
            u"0,0,1,1,2,2,3,3,4,4,5,5,6,6,7,7"_s);
        {
            HistoryStore spans;
            QVERIFY2(spans.open(url(db), HistoryStore::SchemaPolicy::RequireCurrent),
                qPrintable(spans.errorString()));
            QCOMPARE(spans.currentSpans({}).size(), expected);
        }

        // The reader reads latest and can write nothing.
        QSqlDatabase reader = m_pg.addConnection(u"reader"_s, db);
        reader.setUserName(u"doctor_reader"_s);
        reader.setPassword(ReaderPassword);
        QVERIFY2(reader.open(), qPrintable(reader.lastError().text()));
        {
            QSqlQuery q(reader);
            QVERIFY(q.exec(u"SELECT count(*) FROM latest"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), expected);
            QVERIFY(!q.exec(u"DELETE FROM runs"_s));
            QVERIFY(!q.exec(u"INSERT INTO store_meta VALUES (2, 1)"_s));
        }
        reader.close();
        reader = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"reader"_s);

        // The writer cannot change the schema: doctor store upgrade as the writer fails.
        const CliRun ddl
            = doctor({ u"store"_s, u"init"_s, url(dbs[0], u"doctor_writer"_s, WriterPassword) });
        QCOMPARE(ddl.exitCode, 4);
        noPassword(ddl, { WriterPassword });
        // Nor prune (no DELETE): one line naming the refusal and its SQLSTATE once (QPSQL's
        // text ends in libpq's newline and its own "(42501)").
        const CliRun prune = doctor(
            { u"history"_s, u"prune"_s, u"--older-than"_s, u"1d"_s, u"--history"_s, store });
        QCOMPARE(prune.exitCode, 3);
        QCOMPARE(prune.err.count(u'\n'), 1);
        QVERIFY2(prune.err.contains(u"permission denied for table results (42501)); "_s),
            qPrintable(prune.err));
        QCOMPARE(prune.err.count(u"42501"_s), 1);
        QVERIFY2(prune.err.contains(u"run it as the store's owner"_s), qPrintable(prune.err));
        noPassword(prune, { WriterPassword });
    }

    void unreachableStoreCostsTheWriteOnly()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closed = probe.serverPort();
        probe.close();
        const QString db = m_pg.createDatabase(u"storedown"_s);
        const QString secret = u"Sentinel-Pw-91x"_s;
        const QString store
            = u"postgresql://doctor:%1@127.0.0.1:%2/fleet"_s.arg(secret).arg(closed);
        CliRun r = doctor(runArgs(environmentsFile(u"down.yaml"_s, 2, { db }), store));
        QCOMPARE(r.exitCode, 4);
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY2(!report.isEmpty(), qPrintable(r.out)); // the report, whole, on stdout
        QVERIFY2(r.err.contains(u"postgresql://doctor@127.0.0.1:%1/fleet"_s.arg(closed)),
            qPrintable(r.err));
        noPassword(r, { secret });
        r = doctor({ u"store"_s, u"init"_s, store });
        QCOMPARE(r.exitCode, 4);
        noPassword(r, { secret });
        // A URL libpq cannot read: the store's URL is named as such (not as a --history).
        const QString bad = u"postgresql://doctor:%1@[bad"_s.arg(secret);
        for (const QStringList &args : { runArgs(environmentsFile(u"bad.yaml"_s, 1, { db }), bad),
                 QStringList { u"store"_s, u"init"_s, bad } }) {
            r = doctor(args);
            QCOMPARE(r.exitCode, 4);
            QVERIFY2(r.err.contains(u"Correct the store's URL."_s), qPrintable(r.err));
            QVERIFY2(!r.err.contains(u"--history"_s), qPrintable(r.err));
            noPassword(r, { secret });
        }
        r = doctor({ u"run"_s, u"--store"_s, m_dir.filePath(u"x.sqlite"_s) });
        QCOMPARE(r.exitCode, 64);
    }
};

QTEST_GUILESS_MAIN(TestPgStore)
#include "tst_pg_store.moc"
