// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// PasswordNeed: which environments the doctor must supply a password for (never when libpq
// would find one itself), and the key a password is kept under (role on server).
#include "passwordneed.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Environment)

namespace {

Environment needing(const QString &name)
{
    Environment e;
    e.name = name;
    e.connection.host = u"db.example"_s;
    e.connection.database = u"app"_s;
    e.connection.user = u"doctor"_s;
    return e;
}

} // namespace

class TestPasswordNeed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void needsPassword_data()
    {
        QTest::addColumn<Environment>("environment");
        QTest::addColumn<QString>("variable"); // NAME=value added to the process environment
        QTest::addColumn<bool>("pgpass");
        QTest::addColumn<bool>("needs");

        const Environment plain = needing(u"a"_s);
        QTest::newRow("user, no password") << plain << QString() << false << true;
        Environment noUser = plain;
        noUser.connection.user.clear();
        QTest::newRow("no user") << noUser << QString() << false << false;
        Environment withPassword = plain;
        withPassword.connection.password = u"secret"_s;
        QTest::newRow("password in the connection") << withPassword << QString() << false << false;
        QTest::newRow("PGPASSWORD") << plain << u"PGPASSWORD=x"_s << false << false;
        QTest::newRow("empty PGPASSWORD") << plain << u"PGPASSWORD="_s << false << true;
        QTest::newRow(".pgpass") << plain << QString() << true << false;
        Environment passfile = plain;
        passfile.connection.setOption(u"passfile"_s, u"/etc/doctor/pgpass"_s);
        QTest::newRow("passfile option") << passfile << QString() << false << false;
        Environment sqlite;
        sqlite.name = u"s"_s;
        sqlite.connection.driver = ConnectionSpec::Driver::Sqlite;
        sqlite.connection.user = u"ignored"_s;
        QTest::newRow("sqlite") << sqlite << QString() << false << false;
        Environment broken = plain;
        broken.configurationError = u"appsettings names no connection"_s;
        QTest::newRow("not configured") << broken << QString() << false << false;
    }
    void needsPassword()
    {
        QFETCH(Environment, environment);
        QFETCH(QString, variable);
        QFETCH(bool, pgpass);
        QFETCH(bool, needs);
        QTemporaryDir home;
        QProcessEnvironment system;
        system.insert(u"HOME"_s, home.path());
        if (!variable.isEmpty())
            system.insert(variable.section(u'=', 0, 0), variable.section(u'=', 1));
        if (pgpass) {
            QFile f(home.filePath(u".pgpass"_s));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QCOMPARE(PasswordNeed::needsPassword(environment, system), needs);
    }

    void keyIsServerAndRole_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("variables"); // NAME=value;NAME=value
        QTest::addColumn<QString>("key");
        QTest::newRow("as given") << u"db.example"_s << u"6432"_s << QString()
                                  << u"doctor@db.example:6432"_s;
        QTest::newRow("host names ignore case")
            << u"DB.Example"_s << u"6432"_s << QString() << u"doctor@db.example:6432"_s;
        QTest::newRow("libpq's default port")
            << u"db.example"_s << QString() << QString() << u"doctor@db.example:5432"_s;
        QTest::newRow("PGHOST and PGPORT")
            << QString() << QString() << u"PGHOST=pg.internal;PGPORT=6543"_s
            << u"doctor@pg.internal:6543"_s;
        QTest::newRow("local socket")
            << QString() << QString() << QString() << u"doctor@(local socket):5432"_s;
    }
    void keyIsServerAndRole()
    {
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, variables);
        QFETCH(QString, key);
        QProcessEnvironment system;
        for (const QString &v : variables.split(u';', Qt::SkipEmptyParts))
            system.insert(v.section(u'=', 0, 0), v.section(u'=', 1));
        Environment e = needing(u"a"_s);
        e.connection.host = host;
        e.connection.port = port;
        QCOMPARE(PasswordNeed::keyOf(e.connection, system), key);
        // The database is not part of it: PostgreSQL keeps one password per role.
        e.connection.database = u"other"_s;
        QCOMPARE(PasswordNeed::keyOf(e.connection, system), key);
    }

    // What "Enter Password…" is offered for: a typed password could be used at all.
    void canAskFor()
    {
        QVERIFY(PasswordNeed::canAskFor(needing(u"a"_s)));
        Environment withPassword = needing(u"a"_s);
        withPassword.connection.password = u"x"_s;
        QVERIFY(!PasswordNeed::canAskFor(withPassword));
        Environment noUser = needing(u"a"_s);
        noUser.connection.user.clear();
        QVERIFY(!PasswordNeed::canAskFor(noUser));
        Environment broken = needing(u"a"_s);
        broken.configurationError = u"appsettings names no connection"_s;
        QVERIFY(!PasswordNeed::canAskFor(broken));
        Environment sqlite = needing(u"s"_s);
        sqlite.connection.driver = ConnectionSpec::Driver::Sqlite;
        QVERIFY(!PasswordNeed::canAskFor(sqlite));
        // PGPASSWORD or a .pgpass do not matter here: the user may know better than them.
    }
};

QTEST_MAIN(TestPasswordNeed)
#include "tst_passwordneed.moc"
