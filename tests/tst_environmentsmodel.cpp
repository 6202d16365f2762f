// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "environmentsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEnvironmentsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allRowThenEnvironments()
    {
        EnvironmentsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Environment a;
        a.name = u"dev"_s;
        Environment b;
        b.name = u"prod"_s;
        b.deployment = DeploymentStyle::Kubernetes;
        model.setEnvironments({ a, b });
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.index(0).data(EnvironmentsModel::IsAllRole).toBool());
        QCOMPARE(model.index(2).data(EnvironmentsModel::EnvironmentNameRole).toString(), u"prod"_s);
        QVERIFY(model.index(2).data().toString().contains(u"Kubernetes"));
    }

    void busyAndBadge()
    {
        EnvironmentsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Environment a;
        a.name = u"dev"_s;
        model.setEnvironments({ a });
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setBusy(u"dev"_s, true);
        QVERIFY(model.anyBusy());
        QVERIFY(model.index(1).data(EnvironmentsModel::BusyRole).toBool());
        model.advanceBusyFrame();
        QCOMPARE(changed.size(), 2);
        model.setBusy(u"dev"_s, false);
        model.setWorstStatus(u"dev"_s, CheckStatus::Warn);
        QCOMPARE(model.index(1).data(EnvironmentsModel::WorstStatusRole).toInt(),
            int(CheckStatus::Warn));
        // The status as the results table words it (translated), not the JSON key "warn".
        const QString spoken = model.index(1).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.contains(u"worst result Warning"), qPrintable(spoken));
        const QString tip = model.index(1).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Worst result: Warning"), qPrintable(tip));
        model.clearStatuses();
        QVERIFY(model.index(1).data(EnvironmentsModel::WorstStatusRole).isNull());
    }
};

QTEST_MAIN(TestEnvironmentsModel)
#include "tst_environmentsmodel.moc"
