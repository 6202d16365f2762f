// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Check: the one place a result's common fields are filled, the result of a check that
// could not run, and the defaults a subclass inherits.

#include "engine/canceltoken.h"
#include "engine/check.h"
#include "engine/dberror.h"
#include "engine/dbsession.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

class SampleCheck : public Check
{
public:
    QString id() const override { return u"check.test.sample"_s; }
    QString defaultSeverity() const override { return u"warn"_s; }
    QString category() const override { return u"database"_s; }
    QStringList tags() const override { return { u"test"_s }; }
    QString title() const override { return u"Sample"_s; }
    CheckResult run(const CheckContext &ctx) const override
    {
        return result(ctx, CheckStatus::Pass, u"fine"_s);
    }
};

DbError refused()
{
    DbError e;
    e.kind = DbError::Kind::ConnectionRefused;
    e.detail = u"connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n"
               "\tIs the server running on that host and accepting TCP/IP connections?"_s;
    e.what = u"Nothing listens on 127.0.0.1:1"_s;
    e.advice = u"Check the port."_s;
    return e;
}

} // namespace

class TestCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resultFillsTheCommonFields()
    {
        const SampleCheck check;
        const CheckResult r = check.result(u"prod"_s, CheckStatus::Warn, u"m"_s);
        QCOMPARE(r.environment, u"prod"_s);
        QCOMPARE(r.checkId, u"check.test.sample"_s);
        QCOMPARE(r.plugin, u"stellaops.doctor.postgres"_s);
        QCOMPARE(r.severity, u"warn"_s);
        QCOMPARE(r.category, u"database"_s);
        QCOMPARE(r.status, CheckStatus::Warn);
        QCOMPARE(r.message, u"m"_s);
        QCOMPARE(r.remediation.article, u"check.test.sample"_s); // the KB article is the id
        QVERIFY(r.remediation.fixes.isEmpty());
        QVERIFY(r.evidence.isEmpty());
    }

    void resultFromAContext()
    {
        const SampleCheck check;
        Environment env;
        env.name = u"staging"_s;
        const std::atomic_bool cancelled = false;
        const QList<Environment> environments { env };
        CancelToken token;
        DbSession session(env, &token); // never opened: result() needs no connection
        const FlightAnswers none;
        const CheckContext ctx { env, session, cancelled, token, environments, none };
        const CheckResult r = check.result(ctx, CheckStatus::Fail, u"x"_s);
        QCOMPARE(r.environment, u"staging"_s);
        QCOMPARE(r.checkId, check.id());
        QCOMPARE(r.status, CheckStatus::Fail);
    }

    // What happened and what to do, the SQLSTATE when known, and the driver's own text.
    void errorResult()
    {
        const SampleCheck check;
        DbError e = refused();
        CheckResult r = check.errorResult(u"prod"_s, e);
        QCOMPARE(r.status, CheckStatus::Error);
        QCOMPARE(r.message, e.summary());
        QVERIFY2(
            r.message.contains(u"Nothing listens"_s) && r.message.contains(u"Check the port"_s),
            qPrintable(r.message));
        QCOMPARE(r.checkId, check.id());
        QVERIFY(!r.evidenceValue(u"SqlState"_s).isValid()); // none known: no key
        QCOMPARE(r.evidenceValue(u"Error"_s).toString(), e.detail);

        e.kind = DbError::Kind::PermissionDenied;
        e.sqlState = u"42501"_s;
        r = check.errorResult(u"prod"_s, e);
        QCOMPARE(r.status, CheckStatus::Error);
        QCOMPARE(r.evidence.first().first, u"SqlState"_s);
        QCOMPARE(r.evidenceValue(u"SqlState"_s).toString(), u"42501"_s);
    }

    // A cancelled run is not an error of the database: skipped.
    void cancelledIsSkipped()
    {
        DbError e;
        e.kind = DbError::Kind::Cancelled;
        const CheckResult r = SampleCheck().errorResult(u"prod"_s, e);
        QCOMPARE(r.status, CheckStatus::Skipped);
    }

    // By default a check needs the connection: its failure is an error result, which the
    // runner turns into not run when another check claims the failure.
    void connectionFailedDefaultsToErrorResult()
    {
        const SampleCheck check;
        Environment env;
        env.name = u"prod"_s;
        const CheckResult viaDefault = check.connectionFailed(env, refused());
        const CheckResult direct = check.errorResult(u"prod"_s, refused());
        QCOMPARE(viaDefault.status, CheckStatus::Error);
        QCOMPARE(viaDefault.message, direct.message);
        QCOMPARE(viaDefault.evidence, direct.evidence);
    }

    void defaults()
    {
        const SampleCheck check;
        QCOMPARE(check.plugin(), u"stellaops.doctor.postgres"_s);
        QVERIFY(check.supports(ConnectionSpec::Driver::Postgres));
        QVERIFY(!check.supports(ConnectionSpec::Driver::Sqlite));
    }
};

QTEST_GUILESS_MAIN(TestCheck)
#include "tst_check.moc"
