// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Keychain where there is none (the session bus cut, as in CI): a read finds nothing and
// says once that the keychain is missing; nothing is written anywhere, in plain text or
// otherwise (QtKeychain's insecure fallback stays off, RELIABILITY 19); a read answered
// after the Keychain is gone calls nobody.
#include "isolatedhome.h"
#include "keychain.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Sentinel = u"Sentinel-Pw-4471"_s;

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

class TestKeychain : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolateHome(m_home.path());
    }

    void serviceName() { QCOMPARE(Keychain::serviceName(), u"doctor-dashboard"_s); }

    void missingKeychainIsReportedOnce()
    {
        Keychain keychain;
        QSignalSpy unavailable(&keychain, &Keychain::unavailable);
        QList<std::pair<bool, QString>> answers;
        auto record = [&](bool found, const QString &pw) { answers.append({ found, pw }); };
        keychain.read(u"prod"_s, record);
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, 10000);
        QCOMPARE(answers[0], std::make_pair(false, QString()));
        QVERIFY(keychain.isKnownUnavailable());
        QCOMPARE(unavailable.size(), 1);
        const QString message = unavailable[0][0].toString();
        QVERIFY2(message.startsWith(u"No keychain is available ("_s), qPrintable(message));
        QVERIFY2(message.contains(u"asked for again next time"_s), qPrintable(message));

        keychain.read(u"staging"_s, record);
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 10000);
        QCOMPARE(answers[1].first, false);
        QCOMPARE(unavailable.size(), 1); // once per session
    }

    void nothingIsWrittenWithoutAKeychain()
    {
        Keychain keychain;
        QSignalSpy unavailable(&keychain, &Keychain::unavailable);
        keychain.write(u"prod"_s, Sentinel); // unknown yet: tried, and found missing
        QTRY_COMPARE_WITH_TIMEOUT(unavailable.size(), 1, 10000);
        QVERIFY(keychain.isKnownUnavailable());
        keychain.write(u"prod"_s, Sentinel); // known missing: not even tried
        QTest::qWait(200);
        QCOMPARE(unavailable.size(), 1);
        QCOMPARE(filesContaining(m_home.path(), Sentinel.toUtf8()), QStringList());
    }

    void answerAfterDestructionCallsNobody()
    {
        bool called = false;
        auto *keychain = new Keychain;
        keychain->read(u"prod"_s, [&](bool, const QString &) { called = true; });
        delete keychain;
        QTest::qWait(500);
        QVERIFY(!called);
    }
};

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
