// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// SecretStore without a keychain backend (as in CI) and without a server that wants a
// password: which environments need one, how passwords are keyed, what runs at once, and
// that nothing is written anywhere (RELIABILITY 18, 19). Prompts: tst_pg_passwordprompt.
#include "engine/checkregistry.h"
#include "isolatedhome.h"
#include "secretstore.h"
#include "silentserver.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Environment)

namespace {

const QString Sentinel = u"Sentinel-Pw-9152"_s;

Environment needing(const QString &name)
{
    Environment e;
    e.name = name;
    e.connection.host = u"db.example"_s;
    e.connection.database = u"app"_s;
    e.connection.user = u"doctor"_s;
    return e;
}

// Every file under dir whose bytes contain needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << f.fileName();
    }
    return hits;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

    QProcessEnvironment cleanEnvironment() const
    {
        QProcessEnvironment env;
        env.insert(u"HOME"_s, m_home.path()); // no .pgpass there
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
    }

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
        withPassword.connection.password = Sentinel;
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
        QCOMPARE(SecretStore::needsPassword(environment, system), needs);
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
        QCOMPARE(SecretStore::keyOf(e.connection, system), key);
        // The database is not part of it: PostgreSQL keeps one password per role.
        e.connection.database = u"other"_s;
        QCOMPARE(SecretStore::keyOf(e.connection, system), key);
    }

    // Nothing listens: a password would not help, so there is no prompt; the environment
    // runs without one and its connectivity check names the refused connection.
    void unreachableServerGetsNoPrompt()
    {
        SecretStore store;
        store.setProcessEnvironment(cleanEnvironment());
        int asked = 0;
        store.setPrompt([&](const PasswordRequest &) { ++asked; });
        QSignalSpy ready(&store, &SecretStore::ready);
        Environment e = needing(u"down"_s);
        e.connection.host = u"127.0.0.1"_s;
        e.connection.port = QString::number(closedLoopbackPort());
        store.resolve({ e });
        QVERIFY(store.isResolving()); // the keychain and the server are asked first
        QCOMPARE(store.state(u"down"_s), SecretStore::State::Waiting);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        const auto envs = ready[0][0].value<QList<Environment>>();
        QCOMPARE(envs.size(), 1);
        QCOMPARE(envs[0].name, u"down"_s);
        QVERIFY(envs[0].connection.password.isEmpty());
        QVERIFY(!store.isResolving());
        QCOMPARE(store.state(u"down"_s), SecretStore::State::None);
        QCOMPARE(asked, 0);
    }

    void cancelDropsThePendingRequest()
    {
        SecretStore store;
        store.setProcessEnvironment(cleanEnvironment());
        int asked = 0;
        store.setPrompt([&](const PasswordRequest &) { ++asked; });
        QSignalSpy ready(&store, &SecretStore::ready);
        QSignalSpy states(&store, &SecretStore::stateChanged);
        Environment e = needing(u"a"_s);
        e.connection.host = u"127.0.0.1"_s;
        e.connection.port = QString::number(closedLoopbackPort());
        store.resolve({ e });
        QVERIFY(store.isResolving());
        store.cancel();
        QVERIFY(!store.isResolving());
        QCOMPARE(store.state(u"a"_s), SecretStore::State::None); // no longer "waiting"
        QTest::qWait(1000); // the probe's answer comes and is ignored
        QCOMPARE(ready.size(), 0);
        QCOMPARE(asked, 0);
    }

    void knownPasswordsGoAtOnce()
    {
        SecretStore store;
        store.setProcessEnvironment(cleanEnvironment());
        QSignalSpy ready(&store, &SecretStore::ready);
        Environment inFile = needing(u"file"_s);
        inFile.connection.password = Sentinel;
        Environment remembered = needing(u"remembered"_s);
        store.setPassword(u"remembered"_s, Sentinel, false); // as the connection dialog does
        Environment sqlite;
        sqlite.name = u"local"_s;
        sqlite.connection.driver = ConnectionSpec::Driver::Sqlite;
        store.resolve({ inFile, remembered, sqlite });
        QCOMPARE(ready.size(), 1); // synchronously, nothing to wait for
        QVERIFY(!store.isResolving());
        const auto envs = ready[0][0].value<QList<Environment>>();
        QCOMPARE(envs.size(), 3);
        QCOMPARE(envs[0].connection.password, Sentinel);
        QCOMPARE(envs[1].connection.password, Sentinel);
        QVERIFY(envs[2].connection.password.isEmpty());
    }

    void noPasswordResultsSayWhyAndOfferNoFix()
    {
        const Environment e = needing(u"a"_s);
        const QList<CheckResult> results
            = SecretStore::noPasswordResults(e, CheckRegistry::builtin());
        QCOMPARE(results.size(), CheckRegistry::builtin().checks().size());
        for (const CheckResult &r : results) {
            QCOMPARE(r.environment, u"a"_s);
            QCOMPARE(r.status, CheckStatus::NotRun);
            QVERIFY2(r.message.contains(u"no password given"), qPrintable(r.message));
            QVERIFY2(r.message.contains(u"Enter Password"), qPrintable(r.message));
            QVERIFY(r.remediation.fixes.isEmpty());
            QCOMPARE(r.evidenceValue(u"PasswordGiven"_s), QVariant(false));
        }
    }

    // "Remember" with no keychain stores nothing, in plain text or otherwise.
    void rememberWithoutKeychainWritesNothing()
    {
        SecretStore store;
        store.setProcessEnvironment(cleanEnvironment());
        store.setPassword(u"other"_s, Sentinel, true);
        QTest::qWait(300);
        QCOMPARE(filesContaining(m_home.path(), Sentinel.toUtf8()), QStringList());
    }
};

QTEST_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
