// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Saving environments: round trip through the reader, no password in the bytes, and an
// atomic save that leaves the user's file alone when it fails (RELIABILITY 18, 22).
#include "config/environmentsfile.h"
#include "config/environmentsyaml.h"
#include "connection/connectionstring.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QByteArray Sentinel = "Sentinel-Pw-9152";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Root ignores directory permissions (CAP_DAC_OVERRIDE), and the build root runs tests as
// root. Dropping the capability from this thread's effective set makes a read-only folder
// read-only again for the code under test, which runs on this thread.
class WithoutDacOverride
{
public:
    WithoutDacOverride()
    {
        if (geteuid() != 0)
            return;
        if (syscall(SYS_capget, &m_header, m_saved) != 0)
            return;
        __user_cap_data_struct reduced[2] = { m_saved[0], m_saved[1] };
        reduced[0].effective &= ~(1u << CAP_DAC_OVERRIDE);
        reduced[0].effective &= ~(1u << CAP_DAC_READ_SEARCH);
        m_dropped = syscall(SYS_capset, &m_header, reduced) == 0;
    }
    ~WithoutDacOverride()
    {
        if (m_dropped)
            syscall(SYS_capset, &m_header, m_saved);
    }

private:
    __user_cap_header_struct m_header { _LINUX_CAPABILITY_VERSION_3, 0 };
    __user_cap_data_struct m_saved[2] {};
    bool m_dropped = false;
};

} // namespace

class TestEnvironmentsYaml : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString sourceFile() const { return m_dir.filePath(u"envs.yaml"_s); }

    static void compare(const Environment &a, const Environment &b)
    {
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.deployment, b.deployment);
        QCOMPARE(a.connection.driver, b.connection.driver);
        QCOMPARE(a.connection.host, b.connection.host);
        QCOMPARE(a.connection.port, b.connection.port);
        QCOMPARE(a.connection.database, b.connection.database);
        QCOMPARE(a.connection.user, b.connection.user);
        QCOMPARE(a.connection.options, b.connection.options);
        QCOMPARE(a.connection.connectTimeoutSec, b.connection.connectTimeoutSec);
        QCOMPARE(a.appSettingsPath, b.appSettingsPath);
        QCOMPARE(a.dotnetEnvironment, b.dotnetEnvironment);
        QCOMPARE(a.configurationError, b.configurationError);
        QCOMPARE(a.expectedSource, b.expectedSource);
        QCOMPARE(a.dbContext, b.dbContext);
        QCOMPARE(a.referenceEnvironment, b.referenceEnvironment);
        QCOMPARE(a.historySchema, b.historySchema);
        QCOMPARE(a.historyTable, b.historyTable);
        QCOMPARE(a.timeouts.connectSec, b.timeouts.connectSec);
        QCOMPARE(a.timeouts.statementMs, b.timeouts.statementMs);
        QCOMPARE(a.timeouts.lockMs, b.timeouts.lockMs);
        QVERIFY(a.pool == b.pool);
        QCOMPARE(a.perServerConnections, b.perServerConnections);
        QCOMPARE(a.placeholders, b.placeholders);
        QCOMPARE(a.tags, b.tags);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString data = TestPaths::testData() + u"/environments/"_s;
        QVERIFY(writeFile(sourceFile(), readFile(data + u"roundtrip.yaml"_s)));
        QVERIFY(writeFile(
            m_dir.filePath(u"svc/appsettings.json"_s), readFile(data + u"svc/appsettings.json"_s)));
        QVERIFY(readFile(sourceFile()).contains(Sentinel));
    }

    void roundTripKeepsAllButPasswords()
    {
        const EnvironmentsFile original = EnvironmentsFile::load(sourceFile());
        QVERIFY2(original.ok(), qPrintable(original.error));
        QCOMPARE(original.environments.size(), 6);
        QCOMPARE(original.environments[0].connection.password, QString::fromLatin1(Sentinel));

        const QString saved = m_dir.filePath(u"saved.yaml"_s);
        QString error;
        QVERIFY2(EnvironmentsFile::save(saved, original.environments, &error), qPrintable(error));
        const EnvironmentsFile again = EnvironmentsFile::load(saved);
        QVERIFY2(
            again.ok(), qPrintable(again.error + u"\n"_s + QString::fromUtf8(readFile(saved))));
        QVERIFY2(again.warnings.isEmpty(), qPrintable(again.warnings.join(u'\n')));
        QCOMPARE(again.environments.size(), original.environments.size());
        for (qsizetype i = 0; i < original.environments.size(); ++i) {
            compare(again.environments[i], original.environments[i]);
            if (QTest::currentTestFailed())
                return;
        }
        // The file's own connections lose their password; the service's settings keep theirs.
        QVERIFY(again.environments[0].connection.password.isEmpty());
        QVERIFY(again.environments[1].connection.password.isEmpty());
        QVERIFY(again.environments[4].connection.password.isEmpty());
        QCOMPARE(again.environments[2].connection.password, QString::fromLatin1(Sentinel));
        QCOMPARE(again.environments[0].dbContext, u"PlatformDbContext"_s);
        // Command Timeout has no libpq keyword; it survives as the statement timeout.
        QCOMPARE(again.environments[5].timeouts.statementMs, 30000);
        // Pool thresholds are written only where they differ from the defaults.
        QCOMPARE(again.environments[1].pool.usageFailPercent, 99.5);
        QCOMPARE(again.environments[1].pool.extraReservedConnections, 15);
        QVERIFY(again.environments[0].pool == PoolThresholds());
        QCOMPARE(readFile(saved).count("usageWarn"), 1);
        // The per-server limit too: staging's 2 is kept, the default 4 is not written.
        QCOMPARE(again.environments[1].perServerConnections, 2);
        QCOMPARE(readFile(saved).count("perServerConnections"), 1);

        // Stable output: saving what was read back gives the same bytes.
        const QString second = m_dir.filePath(u"second.yaml"_s);
        QVERIFY(EnvironmentsFile::save(second, again.environments, &error));
        QCOMPARE(readFile(second), readFile(saved));
    }

    void noPasswordInTheBytes()
    {
        const EnvironmentsFile original = EnvironmentsFile::load(sourceFile());
        QVERIFY(original.ok());
        const QByteArray yaml = EnvironmentsYaml::toYaml(original.environments, m_dir.path());
        QVERIFY(!yaml.contains(Sentinel));
        QVERIFY(!yaml.toLower().contains("password="));
        QVERIFY(!yaml.contains("Password=Sentinel"));
        // Paths inside the folder stay relative; others absolute.
        QVERIFY2(yaml.contains("expected: Migrations"), yaml.constData());
        QVERIFY(yaml.contains("appsettings: svc/appsettings.json"));
        QVERIFY(yaml.contains("expected: /opt/elsewhere/Migrations"));
        QVERIFY(yaml.contains("\"sqlite:data/local.db\""));
    }

    void keyStringNeverHoldsThePassword_data()
    {
        QTest::addColumn<QString>("connection");
        QTest::newRow("npgsql") << u"Host=h;Database=d;Username=u;Password=Sentinel-Pw-9152"_s;
        QTest::newRow("quoted") << u"host=h user=u password='Sentinel-Pw-9152 x'"_s;
        QTest::newRow("uri") << u"postgresql://u:Sentinel-Pw-9152@h/d"_s;
    }
    void keyStringNeverHoldsThePassword()
    {
        QFETCH(QString, connection);
        const ParsedConnection parsed = ConnectionString::parse(connection);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QVERIFY(!parsed.spec.password.isEmpty());
        const QString text = parsed.spec.toKeywordString();
        QVERIFY(!text.contains(u"Sentinel"));
        QVERIFY(!text.contains(u"password"));
        const ParsedConnection back = ConnectionString::parse(text);
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(back.spec.host, parsed.spec.host);
        QCOMPARE(back.spec.user, parsed.spec.user);
    }

    void keepsTheFilePermissions()
    {
        const QString path = m_dir.filePath(u"private.yaml"_s);
        QVERIFY(writeFile(path, "environments: []\n"));
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QString error;
        Environment e;
        e.name = u"a"_s;
        QVERIFY2(EnvironmentsFile::save(path, { e }, &error), qPrintable(error));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
            | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(path) & others, QFileDevice::Permissions());
    }

    void failedSaveLeavesTheFileAlone()
    {
        const QString folder = m_dir.filePath(u"locked"_s);
        const QString path = folder + u"/envs.yaml"_s;
        const QByteArray before = "environments:\n  - name: keep-me\n";
        QVERIFY(writeFile(path, before));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        Environment e;
        e.name = u"new"_s;
        QString error;
        bool saved = false;
        {
            WithoutDacOverride unprivileged;
            saved = EnvironmentsFile::save(path, { e }, &error);
        }
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!saved);
        QVERIFY2(error.startsWith(u"Cannot save the environments to "_s + path + u": "_s),
            qPrintable(error));
        QVERIFY2(error.endsWith(u"The file was left as it was."), qPrintable(error));
        QCOMPARE(readFile(path), before);
        QCOMPARE(
            QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList { u"envs.yaml"_s });
    }

    void missingFolderIsAClearError()
    {
        QString error;
        Environment e;
        e.name = u"a"_s;
        const QString path = m_dir.filePath(u"no/such/folder/envs.yaml"_s);
        QVERIFY(!EnvironmentsFile::save(path, { e }, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }

    void refusesWhatCannotBeReadBack()
    {
        Environment a, b;
        a.name = b.name = u"twin"_s;
        QString error;
        const QString path = m_dir.filePath(u"twins.yaml"_s);
        QVERIFY(!EnvironmentsFile::save(path, { a, b }, &error));
        QVERIFY2(error.contains(u"two environments are named 'twin'"), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentsYaml)
#include "tst_environmentsyaml.moc"
