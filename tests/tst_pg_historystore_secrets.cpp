// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// No password reaches the history store or its messages (RELIABILITY 18): a role of the
// fixture's server with a sentinel password writes a store through a postgresql:// URL
// that carries the password; no table of the store, no errorString() and no
// displayLocation() contains it, nor a wrong one. A URL without a password takes it from
// PGPASSWORD or the pgpass file, as libpq does (the server asks for scram-sha-256).
#include "history/historystore.h"
#include "isolatedhome.h"
#include "pgserver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

class tst_PgHistoryStoreSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path()); // no PGPASSWORD, no pgpass of the machine's user
        qputenv("PGPASSFILE", m_home.filePath(u"pgpass"_s).toUtf8());
        m_pg = PgServer::fromFixture();
        if (!m_pg.isValid())
            QSKIP(qPrintable(m_pg.error()));
        const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(12);
        m_role = u"history_"_s + tag;
        m_sentinel = u"Sentinel-pw-"_s + tag;
        m_db = u"history_secret_"_s + tag;
        QCOMPARE(m_pg.exec(u"postgres"_s,
                     { u"CREATE ROLE %1 LOGIN PASSWORD '%2'"_s.arg(m_role, m_sentinel),
                         u"CREATE DATABASE %1 OWNER %2"_s.arg(m_db, m_role) }),
            QString());
    }

    void storeAndMessagesHoldNoPassword()
    {
        const QString url = urlWith(m_sentinel);
        QVERIFY(!HistoryStore::displayLocation(url).contains(m_sentinel));
        HistoryStore store;
        QVERIFY2(store.open(url), qPrintable(store.errorString()));
        HistoryRun run;
        run.id = u"secret-run"_s;
        run.startedAt = QDateTime::currentDateTimeUtc();
        run.ranBy = u"dba"_s;
        run.environments = { u"prod"_s };
        CheckResult r;
        r.environment = u"prod"_s;
        r.checkId = u"check.postgres.connectivity"_s;
        r.status = CheckStatus::Pass;
        r.evidence = { { u"Server"_s, u"127.0.0.1"_s } };
        QVERIFY(store.record(run, { r }));
        QVERIFY(!store.record(run, { r })); // the same run again fails: a message to read
        QVERIFY(!store.errorString().isEmpty());
        QVERIFY2(!store.errorString().contains(m_sentinel), qPrintable(store.errorString()));
        QVERIFY(store.errorString().contains(m_role + u"@"_s)); // it names the store

        QString everything;
        for (const QString &t : { u"store_meta"_s, u"runs"_s, u"results"_s, u"environment_tags"_s,
                 u"migration_transitions"_s, u"migration_checks"_s, u"status_changes"_s })
            everything += m_pg.scalar(m_db, u"SELECT string_agg(t::text, ' ') FROM %1 t"_s.arg(t))
                              .toString();
        QVERIFY(everything.contains(u"secret-run"_s)); // the dump reads the store indeed
        QVERIFY2(!everything.contains(m_sentinel), qPrintable(everything));
    }

    void wrongPasswordNotShown()
    {
        const QString wrong = u"Wrong-sentinel-"_s + m_sentinel;
        HistoryStore store;
        QVERIFY(!store.open(urlWith(wrong)));
        const QString e = store.errorString();
        QVERIFY2(e.contains(u"password authentication failed"_s), qPrintable(e));
        QVERIFY2(!e.contains(u"Wrong-sentinel"_s) && !e.contains(m_sentinel), qPrintable(e));
    }

    void passwordFromLibpqsSources()
    {
        const QString url = urlWith({});
        {
            HistoryStore store;
            QVERIFY(!store.open(url)); // neither PGPASSWORD nor a pgpass file: refused
            QVERIFY(!store.errorString().contains(m_sentinel));
        }
        qputenv("PGPASSWORD", m_sentinel.toUtf8());
        {
            HistoryStore store;
            QVERIFY2(store.open(url), qPrintable(store.errorString()));
        }
        qunsetenv("PGPASSWORD");
        QFile pgpass(m_home.filePath(u"pgpass"_s));
        QVERIFY(pgpass.open(QIODevice::WriteOnly));
        pgpass.write(u"%1:%2:%3:%4:%5\n"_s.arg(m_pg.host())
                .arg(m_pg.port())
                .arg(m_db, m_role, m_sentinel)
                .toUtf8());
        pgpass.close();
        pgpass.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        HistoryStore store;
        QVERIFY2(store.open(url), qPrintable(store.errorString()));
    }

    void cleanupTestCase()
    {
        if (m_pg.isValid() && !m_db.isEmpty())
            m_pg.exec(u"postgres"_s,
                { u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(m_db),
                    u"DROP ROLE IF EXISTS %1"_s.arg(m_role) });
    }

private:
    QString urlWith(const QString &password) const
    {
        QUrl url;
        url.setScheme(u"postgresql"_s);
        url.setHost(m_pg.host());
        url.setPort(m_pg.port());
        url.setUserName(m_role);
        url.setPassword(password);
        url.setPath(u"/"_s + m_db);
        return url.toString(QUrl::FullyEncoded);
    }

    QTemporaryDir m_home;
    PgServer m_pg;
    QString m_role;
    QString m_sentinel;
    QString m_db;
};

QTEST_GUILESS_MAIN(tst_PgHistoryStoreSecrets)
#include "tst_pg_historystore_secrets.moc"
