// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "environmentsmodel.h"
#include "postgres/lockscheck.h"
#include "postgres/migrationscheck.h"
#include "resultsmodel.h"
#include "statusicons.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
CheckResult result(const QString &env, const QString &checkId, const Evidence &evidence)
{
    CheckResult r;
    r.environment = env;
    r.checkId = checkId;
    r.subject = checkId == MigrationsCheck::Id ? u"efcore public.__EFMigrationsHistory"_s : u""_s;
    r.status = CheckStatus::Warn;
    r.message = u"Migration in progress: EF Core pid 4242 (deploy-job)"_s;
    r.evidence = evidence;
    return r;
}
} // namespace

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
        a.tags = QStringList { u"eu-west"_s, u"dev"_s };
        model.setEnvironments({ a });
        QVERIFY2(
            model.index(1).data(Qt::ToolTipRole).toString().contains(u"\nTags: eu-west, dev"_s),
            qPrintable(model.index(1).data(Qt::ToolTipRole).toString()));
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

    // Issue 16: "migration in progress" from a migrations result whose MigrationLock is
    // in-progress (not stale), "blocked" from a locks result with Waiting or BlockedDdl > 0;
    // each with its own icon and its own tooltip text; only the environment's own results.
    void migrationAndBlockedBadges()
    {
        using K = EnvironmentBadge::Kind;
        ResultsModel results;
        const auto ev = [](const QString &k, const QVariant &v) { return qMakePair(k, v); };
        results.upsert(result(u"prod"_s, MigrationsCheck::Id,
            { ev(u"MigrationLock"_s, u"in-progress"_s), ev(u"LockHolderPid"_s, 4242) }));
        results.upsert(result(u"prod"_s, LocksCheck::Id,
            { ev(u"Waiting"_s, 3), ev(u"BlockedDdl"_s, 1),
                ev(u"RootBlocker"_s, u"pid 100 (psql, idle in transaction 60 s) holds ..."_s) }));
        results.upsert(
            result(u"dev"_s, MigrationsCheck::Id, { ev(u"MigrationLock"_s, u"stale"_s) }));
        results.upsert(result(u"dev"_s, LocksCheck::Id,
            { ev(u"Waiting"_s, 0), ev(u"BlockedDdl"_s, 0), ev(u"RootBlockers"_s, 0) }));
        results.upsert(
            result(u"qa"_s, LocksCheck::Id, { ev(u"Waiting"_s, 0), ev(u"BlockedDdl"_s, 2) }));

        const QList<EnvironmentBadge> prod = EnvironmentBadge::of(results, u"prod"_s);
        QCOMPARE(prod.size(), 2);
        QCOMPARE(prod.at(0).kind, K::MigrationInProgress);
        QVERIFY(prod.at(0).toolTip.contains(u"pid 4242"_s));
        QCOMPARE(prod.at(1).kind, K::Blocked);
        QVERIFY2(prod.at(1).toolTip.contains(u"sessions waiting for a lock: 3"_s)
                && prod.at(1).toolTip.contains(u"blocked schema changes: 1"_s)
                && prod.at(1).toolTip.contains(u"Root blocker: pid 100"_s),
            qPrintable(prod.at(1).toolTip));
        QVERIFY(EnvironmentBadge::of(results, u"dev"_s).isEmpty()); // stale lock, no waiters
        const QList<EnvironmentBadge> qa = EnvironmentBadge::of(results, u"qa"_s);
        QCOMPARE(qa.size(), 1);
        QCOMPARE(qa.first().kind, K::Blocked); // a blocked DDL alone is enough
        QVERIFY(EnvironmentBadge::of(results, u"none"_s).isEmpty());

        // Own icons, unlike each other's and the status badges'.
        const auto image = [](const QIcon &icon) { return icon.pixmap(16, 16).toImage(); };
        const QImage migrating = image(EnvironmentBadge::icon(K::MigrationInProgress));
        const QImage blocked = image(EnvironmentBadge::icon(K::Blocked));
        QVERIFY(!migrating.isNull() && !blocked.isNull());
        QVERIFY(migrating != blocked);
        QVERIFY(blocked != image(StatusIcons::forStatus(CheckStatus::Fail)));

        EnvironmentsModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Environment a;
        a.name = u"prod"_s;
        Environment b;
        b.name = u"dev"_s;
        model.setEnvironments({ a, b });
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setBadges(u"prod"_s, prod);
        QCOMPARE(changed.size(), 1);
        model.setBadges(u"prod"_s, prod); // the same: no repaint
        QCOMPARE(changed.size(), 1);
        const QModelIndex row = model.index(1);
        QCOMPARE(row.data(EnvironmentsModel::BadgesRole).value<QList<EnvironmentBadge>>(), prod);
        QVERIFY(model.index(2)
                .data(EnvironmentsModel::BadgesRole)
                .value<QList<EnvironmentBadge>>()
                .isEmpty());
        const QString tip = row.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Migration in progress: EF Core pid 4242"_s)
                && tip.contains(u"Blocked: sessions waiting for a lock: 3"_s),
            qPrintable(tip));
        const QString spoken = row.data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.contains(u"migration in progress"_s) && spoken.contains(u"blocked"_s),
            qPrintable(spoken));
        // Kept for an environment that stays, gone with the statuses.
        model.setEnvironments({ b, a });
        QCOMPARE(model.index(2)
                     .data(EnvironmentsModel::BadgesRole)
                     .value<QList<EnvironmentBadge>>()
                     .size(),
            2);
        model.clearStatuses();
        QVERIFY(model.index(2)
                .data(EnvironmentsModel::BadgesRole)
                .value<QList<EnvironmentBadge>>()
                .isEmpty());
        model.setBadges(u"prod"_s, {});
    }
};

QTEST_MAIN(TestEnvironmentsModel)
#include "tst_environmentsmodel.moc"
