// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

// Issue 19 §2, "the store's role needs only INSERT/SELECT", on the fixture's real PostgreSQL
// through the real `doctor` binary: a writer role given exactly the GRANTs `doctor store init`
// prints (USAGE, SELECT, INSERT: no UPDATE, no DELETE) runs `doctor run --store` twice with a
// migration applied in between, then once more after a migration row was deleted; a reader
// role given the printed reader GRANTs reads back when each migration was first seen in each
// state, since when the check passes, and `latest`. Roles of its own (not tst_pg_store's), so
// the two may run at once on one server.
#include "doctorprocess.h"
#include "history/historystore.h"
#include "isolatedhome.h"
#include "pgserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

const QString A = u"20240105093000_InitialCreate"_s;
const QString B = u"20240212141500_AddTenants"_s;
const QString Writer = u"doctor_roles_writer"_s;
const QString Reader = u"doctor_roles_reader"_s;
const QString WriterPassword = u"Wr1ter-Roles-5x"_s;
const QString ReaderPassword = u"Re4der-Roles-8m"_s;
const QString Migrations = u"check.postgres.migrations"_s;

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
};

} // namespace

class TestPgStoreRoles : public QObject
{
    Q_OBJECT
    PgServer m_pg;
    QTemporaryDir m_tmp;
    QString m_app; // the checked database: an EF Core history
    QString m_store; // the store's database
    QString m_config;

    QString url(const QString &user, const QString &password) const
    {
        return u"postgresql://%1:%2@%3:%4/%5"_s.arg(user,
            QString::fromUtf8(QUrl::toPercentEncoding(password)), m_pg.host(),
            QString::number(m_pg.port()), m_store);
    }

    Window runAsWriter(int expectedExit)
    {
        Window w { QDateTime::currentDateTimeUtc(), {} };
        const CliRun r = doctor({ u"run"_s, u"--config"_s, m_config, u"--format"_s, u"json"_s,
            u"--check"_s, Migrations, u"--store"_s, url(Writer, WriterPassword) });
        w.to = QDateTime::currentDateTimeUtc();
        [&] {
            // Exit code 4 is a failed store write (a missing grant): the report still printed.
            QVERIFY2(r.exitCode == expectedExit, qPrintable(r.err));
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
            QVERIFY(!r.out.contains(WriterPassword));
        }();
        return w;
    }

    // doctor history migrations as the reader: the listing of migrationId.
    QJsonObject migration(const QString &id)
    {
        const CliRun r = doctor({ u"history"_s, u"migrations"_s, u"--env"_s, u"app"_s,
            u"--history"_s, url(Reader, ReaderPassword), u"--format"_s, u"json"_s });
        [&] {
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY(!r.out.contains(ReaderPassword) && !r.err.contains(ReaderPassword));
        }();
        const QJsonArray all
            = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"migrations"_s).toArray();
        for (const QJsonValue &v : all)
            if (v.toObject().value(u"migrationId"_s).toString() == id)
                return v.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        isolateHome(m_tmp.filePath(u"home"_s));
        qputenv("XDG_DATA_HOME", m_tmp.filePath(u"data"_s).toUtf8());
        m_pg = PgServer::fromFixture();
        if (!m_pg.isValid())
            QSKIP(qPrintable(m_pg.error()));
        for (const auto &[role, pw] :
            { std::pair { Writer, WriterPassword }, { Reader, ReaderPassword } })
            QCOMPARE(m_pg.exec(u"postgres"_s,
                         { u"DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                           "'%1') THEN CREATE ROLE %1 LOGIN; END IF; END$$"_s.arg(role),
                             u"ALTER ROLE %1 PASSWORD '%2'"_s.arg(role, pw) }),
                QString());

        m_app = m_pg.createDatabase(u"rolesapp"_s);
        QCOMPARE(
            m_pg.exec(m_app,
                { u"CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" varchar(150) "
                  "PRIMARY KEY, \"ProductVersion\" varchar(32) NOT NULL)"_s,
                    u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('%1', '9.0.6')"_s.arg(A) }),
            QString());
        QFile manifest(m_tmp.filePath(u"expected.txt"_s));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write((A + u'\n' + B + u'\n').toUtf8());
        manifest.close();
        QFile config(m_tmp.filePath(u"envs.yaml"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        config.write(u"environments:\n  - name: app\n    connection: \"%1\"\n    expected: %2\n"_s
                .arg(m_pg.npgsqlString(m_app), manifest.fileName())
                .toUtf8());
        m_config = config.fileName();
        m_store = m_pg.createDatabase(u"rolesstore"_s);
    }

    void writerNeedsInsertAndSelectOnly()
    {
        const CliRun init = doctor({ u"store"_s, u"init"_s,
            u"postgresql://%1:%2@%3:%4/%5"_s.arg(m_pg.user(),
                QString::fromUtf8(QUrl::toPercentEncoding(m_pg.password())), m_pg.host(),
                QString::number(m_pg.port()), m_store) });
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QStringList grants;
        for (QString line : init.outLines()) {
            if (!line.startsWith(u"GRANT "_s))
                continue;
            if (line.endsWith(u" TO doctor_writer;"_s)) {
                // The writer's privileges: USAGE on the schema, SELECT and INSERT, nothing else.
                const QString privilege = line.section(u' ', 1, 1);
                QVERIFY2(privilege == u"USAGE" || privilege == u"SELECT" || privilege == u"INSERT",
                    qPrintable(line));
            }
            grants << line.replace(u" TO doctor_writer;"_s, u" TO %1;"_s.arg(Writer))
                          .replace(u" TO doctor_reader;"_s, u" TO %1;"_s.arg(Reader));
        }
        QCOMPARE(grants.filter(Writer).size(), 3);
        QCOMPARE(grants.filter(Reader).size(), 2);
        grants << u"GRANT CONNECT ON DATABASE %1 TO %2, %3"_s.arg(m_store, Writer, Reader);
        QCOMPARE(m_pg.exec(m_store, grants), QString());

        // B pending, then applied: the writer records both runs with INSERT and SELECT only.
        const Window first = runAsWriter(1);
        QCOMPARE(m_pg.exec(m_app,
                     { u"INSERT INTO \"__EFMigrationsHistory\" VALUES ('%1', '9.0.6')"_s.arg(B) }),
            QString());
        const Window second = runAsWriter(0);

        QJsonObject b = migration(B);
        QCOMPARE(b.value(u"state"_s).toString(), u"applied"_s);
        QVERIFY(first.contains(at(b.value(u"firstSeenPending"_s))));
        QVERIFY(second.contains(at(b.value(u"firstSeenApplied"_s))));
        QCOMPARE(b.value(u"since"_s), b.value(u"firstSeenApplied"_s));
        QCOMPARE(b.value(u"sightings"_s).toArray().size(), 2);
        QCOMPARE(b.value(u"sightings"_s).toArray().at(0).toObject().value(u"current"_s), false);
        const QJsonObject a = migration(A);
        QCOMPARE(a.value(u"state"_s).toString(), u"applied"_s);
        QVERIFY(first.contains(at(a.value(u"since"_s))));
        QVERIFY(second.contains(at(a.value(u"lastSeen"_s)))); // seen again, nothing updated

        // Someone deletes B's row (EF Core's "remove-migration" on a live database): the
        // third run ends its applied sighting; the store says pending since then.
        QCOMPARE(m_pg.exec(m_app,
                     { u"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = "
                       "'%1'"_s.arg(B) }),
            QString());
        const Window third = runAsWriter(1);
        b = migration(B);
        QCOMPARE(b.value(u"state"_s).toString(), u"pending"_s);
        QVERIFY(third.contains(at(b.value(u"since"_s))));
        QVERIFY(second.contains(at(b.value(u"firstSeenApplied"_s))));

        // The reader's view of the check: latest and the current span, through its grants.
        HistoryStore reader;
        QVERIFY2(
            reader.open(url(Reader, ReaderPassword), HistoryStore::SchemaPolicy::RequireCurrent),
            qPrintable(reader.errorString()));
        const QList<StatusSpan> spans = reader.currentSpans({ u"app"_s });
        QCOMPARE(spans.size(), 1);
        QCOMPARE(spans.first().checkId, Migrations);
        QCOMPARE(spans.first().status, CheckStatus::Warn);
        QVERIFY(third.contains(spans.first().since));
        QCOMPARE(reader.results({}).size(), 3);
        QCOMPARE(m_pg.scalar(m_store,
                         u"SELECT string_agg(status, ',') FROM latest WHERE environment = "
                         "'app'"_s)
                     .toString(),
            u"warn"_s);
    }
};

QTEST_GUILESS_MAIN(TestPgStoreRoles)
#include "tst_pg_store_roles.moc"
