// SecretStore without a keychain backend (as in CI): the user is asked, nothing is
// written anywhere, and the user is told once (RELIABILITY 18, 19).
#include "isolatedhome.h"
#include "secretstore.h"

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

    void noKeychainAsksOnceTellsOnceAndWritesNothing()
    {
        SecretStore store;
        store.setProcessEnvironment(cleanEnvironment());
        QList<PasswordRequest> asked;
        store.setPrompt([&](const PasswordRequest &r) {
            asked << r;
            return std::optional<PasswordAnswer>(PasswordAnswer { Sentinel, true });
        });
        QSignalSpy unavailable(&store, &SecretStore::keychainUnavailable);

        Environment sqlite;
        sqlite.name = u"local"_s;
        sqlite.connection.driver = ConnectionSpec::Driver::Sqlite;
        std::optional<QList<Environment>> filled;
        store.resolve(
            { needing(u"prod"_s), sqlite }, [&](const QList<Environment> &envs) { filled = envs; });
        QVERIFY(store.isResolving());
        QTRY_VERIFY_WITH_TIMEOUT(filled.has_value(), 10000);
        QCOMPARE(filled->size(), 2);
        QCOMPARE(filled->at(0).connection.password, Sentinel);
        QVERIFY(filled->at(1).connection.password.isEmpty());

        // The fallback was taken: one prompt, telling the user there is no keychain.
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0].environment, u"prod"_s);
        QVERIFY(!asked[0].notice.isEmpty());
        QVERIFY(!asked[0].keychainAvailable);
        QVERIFY(!asked[0].target.contains(Sentinel));
        QCOMPARE(unavailable.size(), 1);
        QVERIFY(store.keychainKnownUnavailable());
        QVERIFY(!unavailable[0][0].toString().contains(Sentinel));

        // Another environment: asked, but the notice is not repeated.
        filled.reset();
        store.resolve(
            { needing(u"staging"_s) }, [&](const QList<Environment> &envs) { filled = envs; });
        QVERIFY(filled.has_value()); // no keychain to wait for any more
        QCOMPARE(asked.size(), 2);
        QVERIFY(asked[1].notice.isEmpty());
        QCOMPARE(unavailable.size(), 1);

        // Known for the session: no prompt, answered at once.
        filled.reset();
        store.resolve(
            { needing(u"prod"_s) }, [&](const QList<Environment> &envs) { filled = envs; });
        QVERIFY(filled.has_value());
        QCOMPARE(filled->at(0).connection.password, Sentinel);
        QCOMPARE(asked.size(), 2);

        // "Remember" with no keychain stores nothing, in plain text or otherwise.
        store.setPassword(u"other"_s, Sentinel, true);
        QTest::qWait(300);
        QCOMPARE(filesContaining(m_home.path(), Sentinel.toUtf8()), QStringList());
    }

    void cancelledPromptRunsWithoutPassword()
    {
        SecretStore store;
        store.setProcessEnvironment(cleanEnvironment());
        int asked = 0;
        store.setPrompt([&](const PasswordRequest &) {
            ++asked;
            return std::optional<PasswordAnswer>();
        });
        std::optional<QList<Environment>> filled;
        store.resolve({ needing(u"a"_s) }, [&](const QList<Environment> &envs) { filled = envs; });
        QTRY_VERIFY_WITH_TIMEOUT(filled.has_value(), 10000);
        QCOMPARE(asked, 1);
        QVERIFY(filled->at(0).connection.password.isEmpty());
        QVERIFY(store.sessionPassword(u"a"_s).isEmpty());
    }

    void cancelDropsThePendingRequest()
    {
        SecretStore store;
        store.setProcessEnvironment(cleanEnvironment());
        int asked = 0;
        store.setPrompt([&](const PasswordRequest &) {
            ++asked;
            return std::optional<PasswordAnswer>(PasswordAnswer { Sentinel, false });
        });
        bool called = false;
        store.resolve({ needing(u"a"_s) }, [&](const QList<Environment> &) { called = true; });
        store.cancel();
        QVERIFY(!store.isResolving());
        QTest::qWait(500);
        QVERIFY(!called);
        QCOMPARE(asked, 0);
    }

    void nothingToResolveAnswersAtOnce()
    {
        SecretStore store;
        store.setProcessEnvironment(cleanEnvironment());
        Environment e = needing(u"a"_s);
        e.connection.password = Sentinel;
        bool called = false;
        store.resolve({ e }, [&](const QList<Environment> &envs) {
            called = true;
            QCOMPARE(envs.at(0).connection.password, Sentinel);
        });
        QVERIFY(called);
    }
};

QTEST_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
