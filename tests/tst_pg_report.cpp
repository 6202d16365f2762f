// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// `doctor report` on a real server, through the real binary (issue 18 section 4, RELIABILITY
// 18 and 29): three environments (three databases with EF Core histories, one migration
// applied on staging only) reached as a role of their own whose password is a sentinel, and
// in prod a real blocking chain of that role's sessions from 127.0.0.1, so that users and a
// client address reach the evidence. The redacted HTML holds none of the host, databases,
// role, client address or password, says it is redacted, and still shows the matrix row that
// differs; unredacted, the names are there (the test could fail) and the password is not.
// Every format writes one file with the exit code of `doctor run`.
#include "doctorprocess.h"
#include "isolatedhome.h"
#include "lockholder.h"
#include "pgserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <libpq-fe.h> // lockholder.h: its sessions are libpq connections

using namespace Qt::StringLiterals;

namespace {

const QString A = u"20240105093000_InitialCreate"_s;
const QString B = u"20240212141500_AddTenants"_s;
const QString C = u"20240318080000_AddAuditLog"_s;
const QString Role = u"acme_report_role"_s;
const QString Sentinel = u"Sentinel-h4-Pw-93c1e7"_s;

QString read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestPgReport : public QObject
{
    Q_OBJECT
    PgServer m_pg;
    QTemporaryDir m_tmp;
    QString m_config;
    QStringList m_databases; // dev, staging, prod
    std::vector<std::unique_ptr<LockHolder>> m_held;

    QStringList report(const QString &format, bool redact) const
    {
        QStringList args { u"report"_s, u"--config"_s, m_config, u"--no-history"_s, u"--format"_s,
            format, u"--output"_s, m_tmp.filePath(u"report."_s + format) };
        if (redact)
            args << u"--redact"_s;
        return args;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        isolateHome(m_tmp.filePath(u"home"_s));
        qputenv("XDG_DATA_HOME", m_tmp.filePath(u"data"_s).toUtf8());
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        QCOMPARE(m_pg.exec(u"postgres"_s,
                     { u"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN "
                       "CREATE ROLE %1 LOGIN; END IF; END$$"_s.arg(Role),
                         u"ALTER ROLE %1 PASSWORD '%2'"_s.arg(Role, Sentinel),
                         u"GRANT pg_monitor TO %1"_s.arg(Role) }),
            QString());
        const QString manifest = m_tmp.filePath(u"expected.txt"_s);
        QFile f(manifest);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringList { A, B, C }.join(u'\n').toUtf8() + "\n");
        f.close();
        QString yaml = u"environments:\n"_s;
        for (const QString &env : { u"dev"_s, u"staging"_s, u"prod"_s }) {
            const QString db = m_pg.createDatabase(u"acme_"_s + env);
            m_databases << db;
            const QString applied = env == u"staging"
                ? u"('%1', '9.0.6'), ('%2', '9.0.6'), "
                  "('%3', '9.0.6')"_s.arg(A, B, C)
                : u"('%1', '9.0.6'), ('%2', '9.0.6')"_s.arg(A, B);
            QCOMPARE(m_pg.exec(db,
                         { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) "
                           "PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s,
                             u"INSERT INTO \"__EFMigrationsHistory\" VALUES "_s + applied,
                             u"CREATE TABLE orders (id int PRIMARY KEY, v int)"_s,
                             u"INSERT INTO orders VALUES (1, 0)"_s,
                             u"GRANT SELECT ON \"__EFMigrationsHistory\" TO %1"_s.arg(Role),
                             u"GRANT SELECT, UPDATE ON orders TO %1"_s.arg(Role) }),
                QString());
            yaml += u"  - name: %1\n    deployment: %2\n    connection: \"Host=%3;Port=%4;"
                    "Database=%5;Username=%6;Password=%7\"\n    expected: %8\n    locks: "
                    "{waitWarnSeconds: 0.1}\n"_s.arg(env,
                        env == u"prod" ? u"kubernetes"_s : u"compose"_s, m_pg.host(),
                        QString::number(m_pg.port()), db, Role, Sentinel, manifest);
        }
        m_config = m_tmp.filePath(u"envs.yaml"_s);
        QFile c(m_config);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        c.write(yaml.toUtf8());
        c.close();

        // prod: orders-api holds a row lock idle in its transaction, orders-worker waits.
        const QString prod = m_databases.at(2);
        m_held.push_back(std::make_unique<LockHolder>(m_pg, prod, u"orders-api"_s, Role, Sentinel));
        m_held.push_back(
            std::make_unique<LockHolder>(m_pg, prod, u"orders-worker"_s, Role, Sentinel));
        QVERIFY2(m_held.at(0)->isOpen(), qPrintable(m_held.at(0)->error()));
        QVERIFY2(m_held.at(1)->isOpen(), qPrintable(m_held.at(1)->error()));
        QCOMPARE(
            m_held.at(0)->exec(u"BEGIN; UPDATE orders SET v = v + 1 WHERE id = 1"_s), QString());
        QVERIFY(m_held.at(1)->send(u"UPDATE orders SET v = v + 1 WHERE id = 1"_s));
        QVERIFY(m_held.at(1)->waitsForLock(m_pg, prod));
        QTest::qWait(300); // over waitWarnSeconds
    }

    void cleanupTestCase()
    {
        if (!m_databases.isEmpty())
            QVERIFY(endHeld(m_pg, m_databases.at(2), m_held));
    }

    void redactedHtmlNamesNothing()
    {
        const CliRun r = doctor(report(u"html"_s, true));
        const QString page = read(m_tmp.filePath(u"report.html"_s));
        QVERIFY2(!page.isEmpty(), qPrintable(r.err));
        QVERIFY2(!r.err.contains(Sentinel) && !r.out.contains(Sentinel), qPrintable(r.err));
        // The chain was seen: the locks result names a root blocker, by alias.
        QVERIFY2(
            page.contains(u"<tr><th>RootBlockerUser</th><td>user-1</td></tr>"_s), qPrintable(page));
        QVERIFY(page.contains(u"Redacted: host names"_s));
        QVERIFY(page.contains(u"<td class=\"mono\">"_s + C
            + u"</td><td class=\"c-pending\">"
              "pending</td><td class=\"c-applied\">applied</td><td "
              "class=\"c-pending\">pending</td></tr>"_s));
        QVERIFY(page.contains(u"host-1:%1/db-1 as user-1"_s.arg(m_pg.port())));
        QVERIFY(page.contains(u"host-1:%1/db-3 as user-1"_s.arg(m_pg.port())));
        for (const QString &secret : QStringList { Sentinel, m_pg.password(), m_pg.host() }
                + m_databases + QStringList { Role })
            QVERIFY2(!page.contains(secret), qPrintable(secret));
        // DOCTOR_KEEP_REPORT=FILE keeps this report, to be looked at (docs/report-html.png).
        if (const QString keep = qEnvironmentVariable("DOCTOR_KEEP_REPORT"); !keep.isEmpty()) {
            QFile::remove(keep);
            QVERIFY(QFile::copy(m_tmp.filePath(u"report.html"_s), keep));
        }
    }

    void unredactedNamesButNoPassword()
    {
        const CliRun r = doctor(report(u"html"_s, false));
        const QString page = read(m_tmp.filePath(u"report.html"_s));
        QVERIFY2(page.contains(m_databases.at(0)) && page.contains(Role), qPrintable(r.err));
        QVERIFY(page.contains(m_pg.host()));
        QVERIFY(!page.contains(Sentinel));
        QVERIFY(!page.contains(m_pg.password()));
        QVERIFY(!page.contains(u"Redacted"_s));
    }

    void everyFormatWithTheExitCodeOfRun()
    {
        const CliRun run = doctor({ u"run"_s, u"--config"_s, m_config, u"--no-history"_s });
        QVERIFY2(run.exitCode > 0, qPrintable(run.out + run.err)); // C pending, locks waiting
        for (const QString &format : { u"html"_s, u"md"_s, u"json"_s }) {
            QFile::remove(m_tmp.filePath(u"report."_s + format));
            const CliRun r = doctor(report(format, true));
            QCOMPARE(r.exitCode, run.exitCode);
            QVERIFY2(r.out.isEmpty(), qPrintable(r.out)); // the file has it
            const QString text = read(m_tmp.filePath(u"report."_s + format));
            QVERIFY2(text.contains(C), qPrintable(format));
            for (const QString &secret :
                QStringList { Sentinel, m_pg.password(), m_pg.host(), Role } + m_databases)
                QVERIFY2(!text.contains(secret), qPrintable(format + u": "_s + secret));
            if (format == u"json") {
                const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
                QCOMPARE(o.value(u"redacted"_s).toBool(), true);
                QCOMPARE(o.value(u"reportVersion"_s).toInt(), 1);
            }
        }
    }

    void usageErrors()
    {
        QCOMPARE(doctor({ u"report"_s, u"--config"_s, m_config, u"--format"_s, u"pdf"_s }).exitCode,
            64); // ExitCode::Usage
        const CliRun r = doctor({ u"report"_s, u"--config"_s, m_config, u"--no-history"_s,
            u"--output"_s, m_tmp.filePath(u"no/such/folder/r.html"_s) });
        QCOMPARE(r.exitCode, 3); // ExitCode::CouldNotRun
        QVERIFY2(r.err.contains(u"cannot write"_s), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestPgReport)
#include "tst_pg_report.moc"
