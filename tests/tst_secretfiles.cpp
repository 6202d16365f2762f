// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// SecretFiles: password-bearing files wider than 0600 are reported (RELIABILITY 19).
#include "config/secretfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString makeFile(const QTemporaryDir &dir, const QString &name, QFileDevice::Permissions mode)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write("secret\n") < 0)
        return {};
    f.close();
    return f.setPermissions(mode) ? path : QString();
}

constexpr auto Rw = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

class TestSecretFiles : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void permissions_data()
    {
        QTest::addColumn<int>("permissions"); // QFileDevice::Permissions as int
        QTest::addColumn<QString>("mode"); // expected in the warning; empty: no warning
        QTest::newRow("0600") << int(Rw) << QString();
        QTest::newRow("0400") << int(QFileDevice::ReadOwner) << QString();
        QTest::newRow("0700") << int(Rw | QFileDevice::ExeOwner) << QString();
        QTest::newRow("0644") << int(Rw | QFileDevice::ReadGroup | QFileDevice::ReadOther)
                              << u"0644"_s;
        QTest::newRow("0640") << int(Rw | QFileDevice::ReadGroup) << u"0640"_s;
        QTest::newRow("0604") << int(Rw | QFileDevice::ReadOther) << u"0604"_s;
        QTest::newRow("0610") << int(Rw | QFileDevice::ExeGroup) << u"0610"_s;
        QTest::newRow("0602") << int(Rw | QFileDevice::WriteOther) << u"0602"_s;
    }

    void permissions()
    {
        QFETCH(int, permissions);
        QFETCH(QString, mode);
        const QString path = makeFile(
            m_dir, u"appsettings.json"_s, QFileDevice::Permissions::fromInt(permissions));
        QVERIFY(!path.isEmpty());
        const QString warning = SecretFiles::permissionWarning(path);
        if (mode.isEmpty()) {
            QVERIFY2(warning.isEmpty(), qPrintable(warning));
            return;
        }
        QVERIFY2(warning.contains(path), qPrintable(warning));
        QVERIFY2(warning.contains(u"(mode %1)"_s.arg(mode)), qPrintable(warning));
        QVERIFY2(warning.contains(u"chmod 600"), qPrintable(warning));
    }

    void missingFileIsQuiet()
    {
        QVERIFY(SecretFiles::permissionWarning(m_dir.filePath(u"none"_s)).isEmpty());
    }

    void eachFileOnce()
    {
        const QString loose
            = makeFile(m_dir, u"loose"_s, Rw | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        const QString tight = makeFile(m_dir, u"tight"_s, Rw);
        const QString sameLoose = m_dir.path() + u"/./loose"_s;
        const QStringList warnings = SecretFiles::permissionWarnings({ loose, tight, sameLoose });
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains(loose));
    }

    void pgpassLocation()
    {
        QTemporaryDir home;
        QProcessEnvironment env;
        env.insert(u"HOME"_s, home.path());
        QCOMPARE(SecretFiles::pgpassPath(env), QString()); // absent: nothing to check
        const QString pgpass = makeFile(home, u".pgpass"_s, Rw);
        QCOMPARE(SecretFiles::pgpassPath(env), pgpass);
        const QString other = makeFile(m_dir, u"pgpass-elsewhere"_s, Rw);
        env.insert(u"PGPASSFILE"_s, other);
        QCOMPARE(SecretFiles::pgpassPath(env), other); // libpq reads this one instead
    }
};

QTEST_GUILESS_MAIN(TestSecretFiles)
#include "tst_secretfiles.moc"
