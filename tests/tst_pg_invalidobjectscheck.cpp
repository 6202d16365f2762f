// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.invalid-objects against the fixture's real PostgreSQL (issue 17): a
// CREATE UNIQUE INDEX CONCURRENTLY over duplicate values fails and leaves its index
// invalid; a constraint added NOT VALID; an index that a concurrent build is still making
// (waiting for an open transaction) is no finding. The fixes the result carries are run
// here, and the check passes after them.
#include "doctorprocess.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "lockholder.h"
#include "pgserver.h"
#include "postgres/invalidobjectscheck.h"
#include "runandwait.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <libpq-fe.h>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

class TestPgInvalidObjectsCheck : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;
    std::vector<std::unique_ptr<LockHolder>> m_held;

    LockHolder *open(const QString &application)
    {
        m_held.push_back(std::make_unique<LockHolder>(m_pg, m_db, application));
        return m_held.back().get();
    }

    CheckResult runCheck(const QString &role = {})
    {
        Environment env = m_pg.environment(u"invalid"_s, m_db);
        if (!role.isEmpty()) {
            env.connection.user = role;
            env.connection.password = u"pw-invalid-role"_s;
        }
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { InvalidObjectsCheck::Id });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

    // The migration that fails half-way: the unique index over v, which has duplicates.
    void failUniqueIndex()
    {
        LockHolder *migrator = open(u"migrator"_s);
        QVERIFY(migrator->isOpen());
        const QString error
            = migrator->exec(u"CREATE UNIQUE INDEX CONCURRENTLY u_v_key ON u (v)"_s);
        QVERIFY2(error.contains(u"could not create unique index"_s), qPrintable(error));
        QCOMPARE(
            m_pg.scalar(m_db,
                    u"SELECT indisvalid FROM pg_index WHERE indexrelid = 'u_v_key'::regclass"_s)
                .toBool(),
            false);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"invalid"_s);
        QVERIFY(!m_db.isEmpty());
    }

    void init()
    {
        QCOMPARE(m_pg.exec(m_db,
                     { u"DROP TABLE IF EXISTS u"_s, u"CREATE TABLE u (id int PRIMARY KEY, v int)"_s,
                         u"INSERT INTO u VALUES (1, 1), (2, 1), (3, -3)"_s }),
            QString());
    }

    void cleanup() { QVERIFY(endHeld(m_pg, m_db, m_held)); }

    void passesOnAValidSchema()
    {
        const CheckResult r = runCheck();
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.message, u"no invalid index, every constraint validated"_s);
        QVERIFY(r.evidenceValue(u"InvalidIndexes"_s).toStringList().isEmpty());
        QVERIFY(r.evidenceValue(u"UnvalidatedConstraints"_s).toStringList().isEmpty());
        QCOMPARE(r.evidenceValue(u"BeingBuilt"_s).toInt(), 0);
    }

    // The failed build fails the check with the statements that drop and rebuild it; once
    // the duplicates are gone, those very statements make it valid and the check passes.
    void failedConcurrentUniqueIndex()
    {
        failUniqueIndex();
        const CheckResult r = runCheck();
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(r.evidenceValue(u"InvalidIndexes"_s).toStringList(),
            QStringList { u"public.u_v_key"_s });
        const QStringList rebuild = r.evidenceValue(u"RebuildStatements"_s).toStringList();
        QCOMPARE(rebuild,
            (QStringList { u"DROP INDEX CONCURRENTLY public.u_v_key;"_s,
                u"CREATE UNIQUE INDEX CONCURRENTLY u_v_key ON public.u USING btree (v);"_s }));
        QVERIFY2(r.message.startsWith(u"1 invalid index: public.u_v_key"_s), qPrintable(r.message));

        QCOMPARE(m_pg.exec(m_db, { u"DELETE FROM u WHERE id = 2"_s }), QString());
        for (const QString &statement : rebuild)
            QCOMPARE(m_pg.exec(m_db, { statement }), QString());
        const CheckResult after = runCheck();
        QCOMPARE(after.status, CheckStatus::Pass);
        QCOMPARE(
            m_pg.scalar(m_db,
                    u"SELECT indisvalid FROM pg_index WHERE indexrelid = 'u_v_key'::regclass"_s)
                .toBool(),
            true);
    }

    // A constraint added NOT VALID warns with the statement that validates it.
    void notValidConstraint()
    {
        QCOMPARE(m_pg.exec(m_db,
                     { u"ALTER TABLE u ADD CONSTRAINT u_v_positive CHECK (v > 0) NOT VALID"_s }),
            QString());
        const CheckResult r = runCheck();
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"UnvalidatedConstraints"_s).toStringList(),
            QStringList { u"u_v_positive on public.u: CHECK ((v > 0)) NOT VALID"_s });
        const QStringList validate = r.evidenceValue(u"ValidateStatements"_s).toStringList();
        QCOMPARE(
            validate, QStringList { u"ALTER TABLE public.u VALIDATE CONSTRAINT u_v_positive;"_s });
        QCOMPARE(r.evidenceValue(u"ConstraintTable"_s).toString(), u"public.u"_s);
        QCOMPARE(r.evidenceValue(u"ConstraintName"_s).toString(), u"u_v_positive"_s);
        QVERIFY(r.evidenceValue(u"InvalidIndexes"_s).toStringList().isEmpty());

        // Validation finds the old row that breaks it; without that row it validates.
        QVERIFY(m_pg.exec(m_db, validate).contains(u"violated by some row"_s));
        QCOMPARE(m_pg.exec(m_db, { u"DELETE FROM u WHERE v < 0"_s }), QString());
        QCOMPARE(m_pg.exec(m_db, validate), QString());
        QCOMPARE(runCheck().status, CheckStatus::Pass);
    }

    // CREATE INDEX CONCURRENTLY waits for an open transaction that wrote to the table;
    // meanwhile its index exists, invalid. That is a build in progress, not a finding.
    void indexBeingBuiltIsNoFinding()
    {
        LockHolder *writer = open(u"web-1"_s);
        LockHolder *builder = open(u"migrator"_s);
        QVERIFY(writer->isOpen() && builder->isOpen());
        QCOMPARE(writer->exec(u"BEGIN; UPDATE u SET v = 5 WHERE id = 3"_s), QString());
        QVERIFY(builder->send(u"CREATE INDEX CONCURRENTLY u_v_idx ON u (v)"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_pg.scalar(m_db, u"SELECT count(*) FROM pg_class WHERE relname = 'u_v_idx'"_s).toInt(),
            1, 5000);
        const CheckResult r = runCheck();
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"BeingBuilt"_s).toInt(), 1);
        QVERIFY(r.evidenceValue(u"InvalidIndexes"_s).toStringList().isEmpty());
        QVERIFY2(r.message.endsWith(u"; 1 index being built now (not counted)"_s),
            qPrintable(r.message));
        // A role without pg_monitor sees no index in the build's progress row, but the
        // build's lock on the table.
        const QString role = u"doctor_invalid_"_s + m_db.right(6).toLower();
        QCOMPARE(
            m_pg.exec(m_db, { u"CREATE ROLE \"%1\" LOGIN PASSWORD 'pw-invalid-role'"_s.arg(role) }),
            QString());
        const CheckResult plain = runCheck(role);
        QCOMPARE(plain.status, CheckStatus::Pass);
        QCOMPARE(plain.evidenceValue(u"BeingBuilt"_s).toInt(), 1);

        QCOMPARE(writer->exec(u"COMMIT"_s), QString());
        QCOMPARE(builder->finish(), QString());
        const CheckResult done = runCheck();
        QCOMPARE(done.status, CheckStatus::Pass);
        QCOMPARE(done.evidenceValue(u"BeingBuilt"_s).toInt(), 0);
    }

    // The acceptance path: `doctor run --format json`, the fixes with the index's and the
    // constraint's names filled in.
    void jsonReport()
    {
        failUniqueIndex();
        QCOMPARE(m_pg.exec(m_db,
                     { u"ALTER TABLE u ADD CONSTRAINT u_v_positive CHECK (v > 0) NOT VALID"_s }),
            QString());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(u"envs.yaml"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(u"environments:\n  - name: prod\n    deployment: systemd\n"
                "    connection: \"%1\"\n"_s.arg(m_pg.npgsqlString(m_db))
                    .toUtf8());
        f.close();
        const CliRun r = doctor({ u"run"_s, u"--config"_s, f.fileName(), u"--check"_s,
            InvalidObjectsCheck::Id, u"--format"_s, u"json"_s });
        QCOMPARE(r.exitCode, 2); // a failure
        const QJsonArray results
            = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.first().toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"fail"_s);
        const QJsonObject ev = result.value(u"evidence"_s).toObject();
        QCOMPARE(ev.value(u"InvalidIndexes"_s).toArray().first().toString(), u"public.u_v_key"_s);
        QCOMPARE(ev.value(u"RebuildStatements"_s).toArray().last().toString(),
            u"CREATE UNIQUE INDEX CONCURRENTLY u_v_key ON public.u USING btree (v);"_s);
        QCOMPARE(ev.value(u"ConstraintName"_s).toString(), u"u_v_positive"_s);
        QStringList commands;
        for (const QJsonValue &fix :
            result.value(u"remediation"_s).toObject().value(u"fixes"_s).toArray()) {
            if (fix.toObject().value(u"deployment"_s).toString() == u"systemd"_s)
                commands << fix.toObject().value(u"command"_s).toString();
        }
        const QString all = commands.join(u'\n');
        QVERIFY2(all.contains(u"DROP INDEX CONCURRENTLY public.u_v_key;"_s), qPrintable(all));
        QVERIFY2(all.contains(u"pg_get_indexdef('public.u_v_key'::regclass)"_s), qPrintable(all));
        QVERIFY2(all.contains(u"' INDEX CONCURRENTLY '"_s), qPrintable(all));
        QVERIFY2(all.contains(u"ALTER TABLE public.u VALIDATE CONSTRAINT u_v_positive;"_s),
            qPrintable(all));
        QVERIFY2(!all.contains(u"<invalid-index>"_s), qPrintable(all));
        QVERIFY(!r.out.contains(m_pg.password()));
    }
};

QTEST_GUILESS_MAIN(TestPgInvalidObjectsCheck)
#include "tst_pg_invalidobjectscheck.moc"
