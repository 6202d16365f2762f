// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// SecretStore without a keychain backend (as in CI) and without a server that wants a
// password: what runs at once, what waits, and that nothing is written anywhere
// (RELIABILITY 18, 19). Which environments need a password and how passwords are keyed:
// tst_passwordneed. Prompts: tst_pg_passwordprompt.
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

// count environments on one server at 127.0.0.1:port, each its own role (so a probe each),
// connect timeout 1 s, perServer connections at most.
QList<Environment> rolesOn(int port, int count, int perServer)
{
    QList<Environment> envs;
    for (int i = 0; i < count; ++i) {
        Environment e = needing(u"role%1"_s.arg(i));
        e.connection.host = u"127.0.0.1"_s;
        e.connection.port = QString::number(port);
        e.connection.user = u"role%1"_s.arg(i);
        e.timeouts.connectSec = 1;
        e.perServerConnections = perServer;
        envs << e;
    }
    return envs;
}

// How many environments SecretStore::ready has handed on, over every call the spy saw.
qsizetype releasedCount(const QSignalSpy &ready)
{
    qsizetype n = 0;
    for (const QList<QVariant> &call : ready)
        n += call[0].value<QList<Environment>>().size();
    return n;
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

    // Six roles on one server, each asked whether it needs a password: no more of the
    // probes' connections at once than the environment's per-server limit (issue 14).
    void probesKeepToThePerServerLimit()
    {
        SilentServer silent; // accepts and never answers: each probe takes its timeout
        SecretStore store;
        store.setProcessEnvironment(cleanEnvironment());
        int asked = 0;
        store.setPrompt([&](const PasswordRequest &) { ++asked; });
        QSignalSpy ready(&store, &SecretStore::ready);
        const QList<Environment> envs = rolesOn(silent.port(), 6, 2);
        store.resolve(envs);
        QTest::qWait(400); // without the limit, all six connect within milliseconds
        QCOMPARE(silent.acceptedCount(), 2);
        // Each pair gives up after its connect timeout (no answer: no prompt); all six go on.
        QTRY_COMPARE_WITH_TIMEOUT(releasedCount(ready), 6, 15000);
        QCOMPARE(silent.acceptedCount(), 6);
        QCOMPARE(asked, 0);
    }

    // A cancelled refresh's probes still waiting for their turn connect nowhere: the next
    // refresh's probes do not queue behind them.
    void cancelledProbesDoNotConnect()
    {
        SilentServer silent;
        SecretStore store;
        store.setProcessEnvironment(cleanEnvironment());
        store.setPrompt([](const PasswordRequest &) { });
        QSignalSpy ready(&store, &SecretStore::ready);
        const QList<Environment> envs = rolesOn(silent.port(), 6, 2);
        store.resolve(envs);
        QTRY_COMPARE(silent.acceptedCount(), 2);
        store.resolve(envs); // a new refresh: the first one's four waiting probes are dropped
        QTRY_COMPARE_WITH_TIMEOUT(releasedCount(ready), 6, 15000);
        QTest::qWait(300);
        QCOMPARE(silent.acceptedCount(), 2 + 6); // not 2 + 4 + 6
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
