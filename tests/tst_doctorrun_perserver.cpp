// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// `doctor run --per-server N` and the file's perServerConnections reach the runner, through
// the real binary: three environments on a SilentServer (it accepts and never answers, so
// each job holds its connection for the 2 s connect timeout), and the connections it accepted
// counted while the run goes on. No PostgreSQL needed.
#include "silentserver.h"
#include "stallprobe.h"
#include "testpaths.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDoctorRunPerServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void limitComesFromTheFlagOrTheFile_data()
    {
        QTest::addColumn<QString>("fileKey"); // appended to each environment, or empty
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<int>("atOnce");
        QTest::newRow("flag") << QString() << QStringList { u"--per-server"_s, u"1"_s } << 1;
        QTest::newRow("file") << u"perServerConnections: 2"_s << QStringList() << 2;
        QTest::newRow("flag over file")
            << u"perServerConnections: 1"_s << QStringList { u"--per-server"_s, u"3"_s } << 3;
        QTest::newRow("default") << QString() << QStringList() << 3; // 4 allowed, 3 there
    }
    void limitComesFromTheFlagOrTheFile()
    {
        QFETCH(QString, fileKey);
        QFETCH(QStringList, flags);
        QFETCH(int, atOnce);
        SilentServer silent;
        QTemporaryDir dir;
        QString yaml = u"environments:\n"_s;
        for (int i = 0; i < 3; ++i) {
            yaml += u"  - name: silent-%1\n    connection: \"host=127.0.0.1 port=%2 dbname=app "
                    "user=doctor\"\n    timeouts: {connect: 2}\n"_s.arg(i)
                        .arg(silent.port());
            if (!fileKey.isEmpty())
                yaml += u"    "_s + fileKey + u'\n';
        }
        QFile file(dir.filePath(u"envs.yaml"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(yaml.toUtf8());
        file.close();

        QProcess doctor;
        doctor.start(TestPaths::binaryDir() + QStringLiteral("/app/doctor"),
            QStringList { u"run"_s, u"--config"_s, file.fileName(), u"--check"_s,
                u"check.postgres.connectivity"_s }
                + flags);
        QVERIFY(doctor.waitForStarted());
        // The doctor's start counts here: under TSan it took 4.6 s in a clean-clone run.
        QTRY_COMPARE_WITH_TIMEOUT(silent.acceptedCount(), atOnce, StallProbe::budgetMs(3000));
        QTest::qWait(500); // the others would have connected by now, were they allowed to
        QCOMPARE(silent.acceptedCount(), atOnce);
        doctor.kill();
        QVERIFY(doctor.waitForFinished(5000));
    }
};

QTEST_GUILESS_MAIN(TestDoctorRunPerServer)
#include "tst_doctorrun_perserver.moc"
