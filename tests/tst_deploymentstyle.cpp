// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "engine/deploymentstyle.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestDeploymentStyle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keysRoundTrip()
    {
        for (DeploymentStyle s : Deployment::all())
            QCOMPARE(Deployment::fromKey(Deployment::key(s)), s);
    }
    void headingsOfTheKb_data()
    {
        QTest::addColumn<QString>("heading");
        QTest::addColumn<int>("style");
        QTest::newRow("compose") << u"Docker Compose"_s << int(DeploymentStyle::Compose);
        QTest::newRow("systemd") << u"Bare Metal / systemd"_s << int(DeploymentStyle::Systemd);
        QTest::newRow("k8s") << u"Kubernetes / Helm"_s << int(DeploymentStyle::Kubernetes);
    }
    void headingsOfTheKb()
    {
        QFETCH(QString, heading);
        QFETCH(int, style);
        QCOMPARE(int(Deployment::fromHeading(heading).value()), style);
    }
    void unknownKeyIsRejected() { QVERIFY(!Deployment::fromKey(u"mainframe"_s).has_value()); }
};

QTEST_GUILESS_MAIN(TestDeploymentStyle)
#include "tst_deploymentstyle.moc"
