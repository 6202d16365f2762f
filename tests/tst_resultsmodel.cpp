#include "resultsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
CheckResult make(const QString &env, const QString &check, CheckStatus status)
{
    CheckResult r;
    r.environment = env;
    r.checkId = check;
    r.status = status;
    r.message = env + u' ' + check;
    return r;
}
} // namespace

class TestResultsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsConfiguredOrderWhateverTheArrivalOrder()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOrdering({u"dev"_s, u"prod"_s}, {u"a"_s, u"b"_s});
        model.upsert(make(u"prod"_s, u"b"_s, CheckStatus::Pass));
        model.upsert(make(u"dev"_s, u"b"_s, CheckStatus::Pass));
        model.upsert(make(u"prod"_s, u"a"_s, CheckStatus::Warn));
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Pass));
        QCOMPARE(model.rowCount(), 4);
        QStringList order;
        for (int r = 0; r < model.rowCount(); ++r)
            order << model.index(r, ResultsModel::MessageColumn).data().toString();
        QCOMPARE(order, (QStringList{u"dev a"_s, u"dev b"_s, u"prod a"_s, u"prod b"_s}));
    }

    void upsertReplacesTheSameCheck()
    {
        ResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Pass));
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Fail));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ResultsModel::StatusColumn).data().toString(), ResultsModel::statusText(CheckStatus::Fail));
    }

    void worstStatusPerEnvironment()
    {
        ResultsModel model;
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Pass));
        model.upsert(make(u"dev"_s, u"b"_s, CheckStatus::Warn));
        model.upsert(make(u"prod"_s, u"a"_s, CheckStatus::Error));
        QCOMPARE(model.worstStatus(u"dev"_s), CheckStatus::Warn);
        QCOMPARE(model.worstStatus(u"prod"_s), CheckStatus::Error);
        QVERIFY(!model.worstStatus(u"none"_s).has_value());
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void resultRoleCarriesTheValue()
    {
        ResultsModel model;
        model.upsert(make(u"dev"_s, u"a"_s, CheckStatus::Warn));
        const auto r = model.index(0, 0).data(ResultsModel::ResultRole).value<CheckResult>();
        QCOMPARE(r.checkId, u"a"_s);
        QCOMPARE(r.status, CheckStatus::Warn);
    }
};

QTEST_GUILESS_MAIN(TestResultsModel)
#include "tst_resultsmodel.moc"
