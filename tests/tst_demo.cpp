// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Demo: the embedded demo's SQLite databases, manifest and environments, which a new user
// sees first and the README's screenshot shows.

#include "config/demo.h"
#include "migrations/expectedmigrations.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The MigrationIds in a demo database's history, in order.
QStringList applied(const QString &path)
{
    QStringList ids;
    const QString name = u"tst_demo"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(u"SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" "
                        "ORDER BY \"MigrationId\""_s,
                db);
            while (q.next())
                ids << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ids;
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // As `dotnet ef migrations add` names them: 14-digit timestamps of real dates, sorted,
    // unique, within the history column's 150 characters.
    void expectedIdsLookLikeEfCoreIds()
    {
        const QStringList ids = Demo::expectedMigrationIds();
        QCOMPARE(ids.size(), 42);
        static const QRegularExpression shape(u"^(\\d{8})(\\d{6})_[A-Z][A-Za-z]+$"_s);
        for (const QString &id : ids) {
            const QRegularExpressionMatch m = shape.match(id);
            QVERIFY2(m.hasMatch(), qPrintable(id));
            QVERIFY2(QDate::fromString(m.captured(1), u"yyyyMMdd"_s).isValid(), qPrintable(id));
            QVERIFY2(QTime::fromString(m.captured(2), u"HHmmss"_s).isValid(), qPrintable(id));
            QVERIFY(id.size() <= ExpectedMigrations::MaxIdLength);
        }
        QStringList sorted = ids;
        sorted.sort();
        QCOMPARE(ids, sorted);
        sorted.removeDuplicates();
        QCOMPARE(sorted.size(), ids.size());
        QCOMPARE(Demo::expectedMigrationIds(), ids); // the same every time
    }

    void createsThreeEnvironmentsInDifferentStates()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QStringList connectionsBefore = QSqlDatabase::connectionNames();
        const Demo::Setup setup = Demo::create(dir.path());
        QCOMPARE(setup.error, QString());
        QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore); // none left open

        // The manifest reads back as the expected set, with nothing to warn about.
        const ExpectedSet expected = ExpectedMigrations::load(setup.expectedManifest);
        QCOMPARE(expected.error, QString());
        QCOMPARE(expected.kind, ExpectedSet::Kind::Manifest);
        QCOMPARE(expected.warnings, QStringList());
        const QStringList ids = Demo::expectedMigrationIds();
        QCOMPARE(expected.ids, ids);

        QCOMPARE(setup.environments.size(), 3);
        const struct
        {
            QString name;
            DeploymentStyle style;
            QStringList applied;
        } plans[] = {
            { u"dev"_s, DeploymentStyle::Compose, ids },
            { u"staging"_s, DeploymentStyle::Systemd, ids.mid(0, ids.size() - 3) },
            { u"prod"_s, DeploymentStyle::Kubernetes,
                ids.mid(0, ids.size() - 7) << u"20250402101500_HotfixAuditLogIndex"_s },
        };
        for (qsizetype i = 0; i < 3; ++i) {
            const Environment &env = setup.environments[i];
            QCOMPARE(env.name, plans[i].name);
            QCOMPARE(env.deployment, plans[i].style);
            QCOMPARE(env.connection.driver, ConnectionSpec::Driver::Sqlite);
            QCOMPARE(QFileInfo(env.connection.database).dir(), QDir(dir.path()));
            QCOMPARE(env.expectedSource, setup.expectedManifest);
            QVERIFY(env.configurationError.isEmpty());
            QVERIFY(!env.connectionSource.isEmpty());
            for (const char *key : { "compose-file", "namespace", "platform-pod", "service-name" })
                QVERIFY2(!env.placeholders.value(QString::fromLatin1(key)).isEmpty(), key);
            QStringList want = plans[i].applied;
            want.sort();
            QCOMPARE(applied(env.connection.database), want);
        }
        QCOMPARE(setup.environments[2].placeholders.value(u"namespace"_s), u"stellaops-prod"_s);
    }

    // Started twice on the same folder (the dashboard's second start), the demo is rebuilt,
    // not appended to.
    void createTwiceGivesTheSameDemo()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QCOMPARE(Demo::create(dir.path()).error, QString());
        const Demo::Setup again = Demo::create(dir.path());
        QCOMPARE(again.error, QString());
        QCOMPARE(applied(again.environments[0].connection.database), Demo::expectedMigrationIds());
    }

    void unwritableFolderIsNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(u"no/such/folder"_s);
        const Demo::Setup setup = Demo::create(missing);
        QVERIFY(setup.environments.isEmpty());
        QVERIFY2(setup.error.startsWith(missing), qPrintable(setup.error));
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
