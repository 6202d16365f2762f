// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// `doctor run --format openmetrics` on the fixture's real PostgreSQL (issue 19 §3): every
// check's status and duration, the real locks check's wait as doctor_lock_wait_seconds
// while a session waits for a lock, an environment name that needs escaping, an unreachable
// environment (connectivity 2, the others not run: 3), and Prometheus's parser
// (`promtool check metrics`) accepting the whole.
#include "doctorprocess.h"
#include "lockholder.h"
#include "pgserver.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <libpq-fe.h>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

class TestPgOpenMetrics : public QObject
{
    Q_OBJECT
    PgServer m_pg;
    QString m_db;
    std::vector<std::unique_ptr<LockHolder>> m_held;

private Q_SLOTS:
    void initTestCase()
    {
        m_pg = PgServer::fromFixture();
        QVERIFY2(m_pg.isValid(), qPrintable(m_pg.error()));
        m_db = m_pg.createDatabase(u"metrics"_s);
        QVERIFY(!m_db.isEmpty());
        QCOMPARE(m_pg.exec(m_db,
                     { u"CREATE TABLE t (id int PRIMARY KEY, v int)"_s,
                         u"INSERT INTO t VALUES (1, 1)"_s }),
            QString());
    }

    void cleanupTestCase() { QVERIFY(endHeld(m_pg, m_db, m_held)); }

    void realRunParsesAndCarriesTheLockWait()
    {
        // A holds a row lock in an open transaction; B waits for it.
        for (const QString &app : { u"holder"_s, u"waiter"_s })
            m_held.push_back(std::make_unique<LockHolder>(m_pg, m_db, app));
        LockHolder &a = *m_held[0];
        LockHolder &b = *m_held[1];
        QVERIFY2(a.isOpen() && b.isOpen(), qPrintable(a.error() + b.error()));
        QCOMPARE(a.exec(u"BEGIN; UPDATE t SET v = v + 1 WHERE id = 1"_s), QString());
        QVERIFY(b.send(u"UPDATE t SET v = v + 1 WHERE id = 1"_s));
        QVERIFY(b.waitsForLock(m_pg, m_db));
        QThread::msleep(1200); // a wait of over a second

        QTcpServer probe; // a port with no listener: an environment that cannot be reached
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 closed = probe.serverPort();
        probe.close();
        QTemporaryDir dir;
        QFile f(dir.filePath(u"envs.yaml"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        f.write(u"environments:\n"
                "  - name: 'eu \"main\" \\ db'\n    connection: \"%1\"\n"
                "    locks: {waitWarnSeconds: 0.5}\n"
                "  - name: down\n    connection: \"Host=127.0.0.1;Port=%2;Database=x;"
                "Username=doctor;Timeout=2\"\n"_s.arg(m_pg.npgsqlString(m_db))
                    .arg(closed)
                    .toUtf8());
        f.close();
        const CliRun r = doctor({ u"run"_s, u"--config"_s, f.fileName(), u"--no-history"_s,
            u"--format"_s, u"openmetrics"_s });
        QVERIFY2(r.exitCode >= 1 && r.exitCode <= 3, qPrintable(r.err));
        QVERIFY(!r.out.contains(m_pg.password()));

        const QString env = u"environment=\"eu \\\"main\\\" \\\\ db\""_s; // escaped
        const QRegularExpression wait(u"^doctor_lock_wait_seconds\\{"_s
                + QRegularExpression::escape(env) + u"\\} ([0-9.]+)$"_s,
            QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = wait.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY2(m.captured(1).toDouble() >= 1.0, qPrintable(m.captured(1)));
        QVERIFY(r.out.contains(
            u"doctor_check_status{%1,check=\"check.postgres.connectivity\"} 0\n"_s.arg(env)));
        // a wait over the 0.5 s warning, under the 60 s failure
        QVERIFY(r.out.contains(
            u"doctor_check_status{%1,check=\"check.postgres.locks\"} 1\n"_s.arg(env)));
        QVERIFY(r.out.contains(u"doctor_check_status{environment=\"down\""
                               ",check=\"check.postgres.connectivity\"} 2\n"_s));
        QVERIFY(r.out.contains(
            u"doctor_check_status{environment=\"down\",check=\"check.postgres.locks\"} 3\n"_s));
        QVERIFY(!r.out.contains(u"doctor_lock_wait_seconds{environment=\"down\"}"_s));
        QVERIFY(r.out.endsWith(u"\n# EOF\n"_s));

        const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
        if (promtool.isEmpty())
            QSKIP("promtool not found (Debian package prometheus)");
        QProcess p;
        p.start(promtool, { u"check"_s, u"metrics"_s });
        p.write(r.out.toUtf8());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0,
            qPrintable(QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())));
    }
};

QTEST_GUILESS_MAIN(TestPgOpenMetrics)
#include "tst_pg_openmetrics.moc"
