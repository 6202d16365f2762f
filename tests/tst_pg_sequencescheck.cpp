// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// check.postgres.sequences against the fixture's real PostgreSQL (issue 17): setval() close
// to the maximum of an integer serial and of a smallint identity column, and an integer
// column fed by a bigint sequence (the column overflows first); the fix the report gives,
// run for real; a role that may not read the sequences. The database is this test's own.
#include "doctorprocess.h"
#include "engine/checkregistry.h"
#include "engine/checkrunner.h"
#include "pgserver.h"
#include "postgres/sequencescheck.h"
#include "runandwait.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPgSequencesCheck : public QObject
{
    Q_OBJECT
private:
    PgServer m_pg;
    QString m_db;
    QString m_role;

    CheckResult runCheck(const QString &role = {})
    {
        Environment env = m_pg.environment(u"seq"_s, m_db);
        if (!role.isEmpty()) {
            env.connection.user = role;
            env.connection.password = u"pw-seq-role"_s;
        }
        CheckRunner runner(CheckRegistry::builtin());
        const RunOutcome out = runAndWait(runner, { env }, { SequencesCheck::Id });
        [&] {
            QVERIFY(out.finished);
            QCOMPARE(out.results.size(), 1);
        }();
        return out.results.value(0);
    }

    static QVariantMap near(const CheckResult &r, int i)
    {
        return r.evidenceValue(u"Near"_s).toList().value(i).toMap();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"seq"_s);
        QVERIFY(!m_db.isEmpty());
        m_role = u"doctor_seq_"_s + m_db.right(6).toLower();
    }

    void cleanupTestCase()
    {
        if (m_db.isEmpty())
            return;
        QCOMPARE(m_pg.exec(u"postgres"_s,
                     { u"DROP DATABASE %1 WITH (FORCE)"_s.arg(m_db),
                         u"DROP ROLE IF EXISTS %1"_s.arg(m_role) }),
            QString());
    }

    void init()
    {
        QCOMPARE(m_pg.exec(m_db,
                     { u"DROP TABLE IF EXISTS s_serial, s_small, s_mixed"_s,
                         u"DROP SEQUENCE IF EXISTS big_seq"_s,
                         u"CREATE TABLE s_serial (id serial PRIMARY KEY, v text)"_s,
                         u"INSERT INTO s_serial (v) VALUES ('a'), ('b')"_s }),
            QString());
    }

    void passesFarFromTheLimit()
    {
        const CheckResult r = runCheck();
        QCOMPARE(r.status, CheckStatus::Pass);
        QCOMPARE(r.evidenceValue(u"Sequences"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"OverWarning"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"Unreadable"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"HighestSequence"_s).toString(), u"public.s_serial_id_seq"_s);
        QCOMPARE(r.evidenceValue(u"HighestTable"_s).toString(), u"public.s_serial"_s);
        QCOMPARE(r.evidenceValue(u"HighestColumn"_s).toString(), u"id"_s);
        QVERIFY(r.evidenceValue(u"Near"_s).toList().isEmpty());
        QVERIFY2(r.message.startsWith(u"1 sequences, none over 75 %"_s), qPrintable(r.message));
    }

    // setval() to 2 000 000 000 of an integer serial's 2 147 483 647: 93.1 %, a failure.
    void integerSerialNearItsMaximumFails()
    {
        QCOMPARE(m_pg.exec(m_db, { u"SELECT setval('s_serial_id_seq', 2000000000)"_s }), QString());
        const CheckResult r = runCheck();
        QCOMPARE(r.status, CheckStatus::Fail);
        QCOMPARE(r.evidenceValue(u"OverFailure"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"HighestPercent"_s).toDouble(), 93.1);
        QCOMPARE(r.evidenceValue(u"Highest"_s).toString(),
            u"public.s_serial_id_seq feeds public.s_serial.id (integer): 93.1 % of the "
            "sequence's maximum (2147483647)"_s);
        const QVariantMap n = near(r, 0);
        QCOMPARE(n.value(u"SequenceType"_s).toString(), u"integer"_s);
        QCOMPARE(n.value(u"ColumnType"_s).toString(), u"integer"_s);
        QCOMPARE(n.value(u"LastValue"_s).toLongLong(), 2000000000);
        QCOMPARE(n.value(u"Limit"_s).toLongLong(), 2147483647);
        QVERIFY2(
            r.message.startsWith(u"1 sequence is over 90 % of its range"_s), qPrintable(r.message));
    }

    // A smallint identity at 25 000 of 32 767 (76.3 %): a warning; the fix widens both, and
    // the check passes after it.
    void smallintIdentityWarnsAndTheFixWidensIt()
    {
        QCOMPARE(m_pg.exec(m_db,
                     { u"CREATE TABLE s_small (id smallint GENERATED ALWAYS AS IDENTITY, v text)"_s,
                         u"SELECT setval(pg_get_serial_sequence('s_small', 'id'), 25000)"_s }),
            QString());
        const CheckResult r = runCheck();
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.evidenceValue(u"OverWarning"_s).toInt(), 1);
        QCOMPARE(r.evidenceValue(u"OverFailure"_s).toInt(), 0);
        QCOMPARE(r.evidenceValue(u"HighestSequence"_s).toString(), u"public.s_small_id_seq"_s);
        QCOMPARE(r.evidenceValue(u"HighestTable"_s).toString(), u"public.s_small"_s);
        QCOMPARE(near(r, 0).value(u"SequenceType"_s).toString(), u"smallint"_s);
        QCOMPARE(near(r, 0).value(u"Percent"_s).toDouble(), 76.3);
        QCOMPARE(m_pg.exec(m_db,
                     { u"ALTER SEQUENCE public.s_small_id_seq AS bigint"_s,
                         u"ALTER TABLE public.s_small ALTER COLUMN id TYPE bigint"_s,
                         u"INSERT INTO s_small (v) VALUES ('after')"_s }),
            QString());
        const CheckResult after = runCheck();
        QCOMPARE(after.status, CheckStatus::Pass);
        QVERIFY(after.evidenceValue(u"HighestPercent"_s).toDouble() < 0.001);
    }

    // The acceptance path: an integer column fed by a bigint sequence at 1 950 000 000 is at
    // 90.8 % of the column's maximum while its sequence has used almost nothing. Through
    // `doctor run --format json`, the fix with the sequence, table and column filled in; run
    // as given, it lets the column take the sequence's next values.
    void integerColumnOfABigintSequenceThroughJson()
    {
        QCOMPARE(m_pg.exec(m_db,
                     { u"CREATE SEQUENCE big_seq AS bigint"_s,
                         u"CREATE TABLE s_mixed (id int DEFAULT nextval('big_seq'), v text)"_s,
                         u"SELECT setval('big_seq', 1950000000)"_s }),
            QString());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(u"envs.yaml"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(u"environments:\n  - name: prod\n    deployment: kubernetes\n"
                "    connection: \"%1\"\n    thresholds:\n      sequences: {failPercent: 90.5}\n"_s
                    .arg(m_pg.npgsqlString(m_db))
                    .toUtf8());
        f.close();
        const CliRun run = doctor({ u"run"_s, u"--config"_s, f.fileName(), u"--check"_s,
            SequencesCheck::Id, u"--format"_s, u"json"_s });
        QCOMPARE(run.exitCode, 2); // a failure
        const QJsonArray results
            = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.first().toObject();
        QCOMPARE(result.value(u"status"_s).toString(), u"fail"_s);
        const QJsonObject ev = result.value(u"evidence"_s).toObject();
        QCOMPARE(ev.value(u"HighestSequence"_s).toString(), u"public.big_seq"_s);
        QCOMPARE(ev.value(u"HighestTable"_s).toString(), u"public.s_mixed"_s);
        QCOMPARE(ev.value(u"HighestPercent"_s).toDouble(), 90.8);
        const QJsonObject n = ev.value(u"Near"_s).toArray().first().toObject();
        QCOMPARE(n.value(u"LimitedBy"_s).toString(), u"column"_s);
        QCOMPARE(n.value(u"SequenceType"_s).toString(), u"bigint"_s);
        QCOMPARE(n.value(u"Limit"_s).toInteger(), 2147483647);
        QCOMPARE(
            ev.value(u"Thresholds"_s).toString(), u"warn at 75 %, fail at 90.5 % of the range"_s);
        QStringList commands;
        for (const QJsonValue &fix :
            result.value(u"remediation"_s).toObject().value(u"fixes"_s).toArray()) {
            if (fix.toObject().value(u"deployment"_s).toString() == u"kubernetes"_s)
                commands << fix.toObject().value(u"command"_s).toString();
        }
        const QString all = commands.join(u'\n');
        const QString sql = u"ALTER SEQUENCE public.big_seq AS bigint; ALTER TABLE public.s_mixed "
                            "ALTER COLUMN id TYPE bigint;"_s;
        QVERIFY2(all.contains(u"kubectl -n <namespace> exec <postgres-pod> -- psql -U postgres "
                              "-d <db-name> -c '%1'"_s.arg(sql)),
            qPrintable(all));
        QVERIFY2(!all.contains(u"GRANT"_s), qPrintable(all)); // every sequence was readable
        QVERIFY(!run.out.contains(m_pg.password()));

        // Before the fix the column overflows at the sequence's next ~200 million values;
        // after it, a value past 2^31 goes in.
        QCOMPARE(m_pg.exec(m_db, { u"SELECT setval('big_seq', 2147483647)"_s }), QString());
        QVERIFY(m_pg.exec(m_db, { u"INSERT INTO s_mixed (v) VALUES ('x')"_s })
                .contains(u"out of range"_s));
        QCOMPARE(m_pg.exec(m_db, { sql }), QString());
        QCOMPARE(m_pg.exec(m_db, { u"INSERT INTO s_mixed (v) VALUES ('y')"_s }), QString());
        QCOMPARE(m_pg.scalar(m_db, u"SELECT max(id) FROM s_mixed"_s).toLongLong(),
            Q_INT64_C(2147483649));
        const CheckResult after = runCheck();
        QCOMPARE(after.status, CheckStatus::Pass);
    }

    // A role without SELECT on the sequences cannot read their values: never a clean pass;
    // the message names the GRANT, and with it the role sees the truth.
    void roleThatCannotReadTheSequences()
    {
        QCOMPARE(m_pg.exec(m_db,
                     { u"DROP ROLE IF EXISTS %1"_s.arg(m_role),
                         u"CREATE ROLE %1 LOGIN PASSWORD 'pw-seq-role'"_s.arg(m_role) }),
            QString());
        const CheckResult blind = runCheck(m_role);
        QCOMPARE(blind.status, CheckStatus::Warn);
        QCOMPARE(blind.evidenceValue(u"Unreadable"_s).toInt(), 1);
        QVERIFY2(blind.message.contains(
                     u"cannot read the value of 1 sequence; GRANT SELECT ON ALL SEQUENCES IN "
                     "SCHEMA public TO %1"_s.arg(m_role)),
            qPrintable(blind.message));
        QCOMPARE(m_pg.exec(m_db,
                     { u"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO %1"_s.arg(m_role),
                         u"SELECT setval('s_serial_id_seq', 2000000000)"_s }),
            QString());
        const CheckResult seeing = runCheck(m_role);
        QCOMPARE(seeing.status, CheckStatus::Fail);
        QCOMPARE(seeing.evidenceValue(u"Unreadable"_s).toInt(), 0);
        QCOMPARE(m_pg.exec(m_db,
                     { u"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %1"_s.arg(m_role) }),
            QString());
    }
};

QTEST_GUILESS_MAIN(TestPgSequencesCheck)
#include "tst_pg_sequencescheck.moc"
