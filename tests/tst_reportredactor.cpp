// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ReportRedactor (RELIABILITY 29): every host, database, user and client address of the run
// becomes the same alias wherever it appears, only whole tokens are replaced, and nothing
// of the original is left in any field a report shows.
#include "report/reportjson.h"
#include "report/reportredactor.h"
#include "reportsample.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// Whether value occurs in text as a whole token (the redactor's own rule, written out
// independently: no letter, digit or '_' on either side).
bool containsToken(const QString &text, const QString &value)
{
    const QRegularExpression re(
        u"(?<![\\w])"_s + QRegularExpression::escape(value) + u"(?![\\w])"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    return re.match(text).hasMatch();
}

} // namespace

class TestReportRedactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aliasesInOrderMet()
    {
        ReportRedactor r;
        r.collect(ReportSample::content());
        QCOMPARE(r.aliasOf(u"pg-prod.acme.internal"_s), u"host-1"_s);
        QCOMPARE(r.aliasOf(u"orders"_s), u"db-1"_s);
        QCOMPARE(r.aliasOf(u"orders_app"_s), u"user-1"_s);
        QCOMPARE(r.aliasOf(u"10.1.2.3"_s), u"host-2"_s);
        QCOMPARE(r.aliasOf(u"db"_s), u"db-2"_s);
        QCOMPARE(r.aliasOf(u"stage_user"_s), u"user-2"_s);
        QCOMPARE(r.aliasOf(u"alice"_s), u"user-3"_s);
        QCOMPARE(r.aliasOf(u"10.20.30.40"_s), u"client-1"_s);
        QCOMPARE(r.aliasOf(u"bob"_s), u"user-4"_s);
        QCOMPARE(r.aliasOf(u"fe80::1"_s), u"client-2"_s);
        QCOMPARE(r.aliasOf(u"PG-PROD.ACME.INTERNAL"_s), u"host-1"_s); // DNS ignores case
        QCOMPARE(r.aliasOf(u"Orders"_s), QString()); // PostgreSQL does not
        // Stable: the same run gives the same aliases.
        ReportRedactor again;
        again.collect(ReportSample::content());
        QCOMPARE(again.aliases(), r.aliases());
    }

    void wholeTokensOnly()
    {
        ReportRedactor r;
        r.add(ReportRedactor::Kind::Database, u"db"_s);
        r.add(ReportRedactor::Kind::Database, u"orders"_s);
        r.add(ReportRedactor::Kind::Client, u"10.0.0.5"_s);
        QCOMPARE(
            r.apply(u"dbadmin reads db, db_x and db."_s), u"dbadmin reads db-1, db_x and db-1."_s);
        QCOMPARE(r.apply(u"check.orders.migrations on postgresql://x/orders"_s),
            u"check.orders.migrations on postgresql://x/db-2"_s);
        QCOMPARE(r.apply(u"from 10.0.0.5. Not 10.0.0.50 or 110.0.0.5; [10.0.0.5]:5432"_s),
            u"from client-1. Not 10.0.0.50 or 110.0.0.5; [client-1]:5432"_s);
    }

    void longestFirstAndNeverTwice()
    {
        ReportRedactor r;
        r.add(ReportRedactor::Kind::User, u"host"_s); // a user whose name is an alias prefix
        r.add(ReportRedactor::Kind::Host, u"app"_s);
        r.add(ReportRedactor::Kind::Host, u"app-db"_s);
        // "app-db" is one host, not "app" then "db"; the alias "host-1" is not read again as
        // the user "host".
        QCOMPARE(r.apply(u"host app-db app"_s), u"user-1 host-2 host-1"_s);
        QCOMPARE(r.apply(u"APP-DB"_s), u"host-2"_s);
    }

    void hostListsAndOneAliasPerValue()
    {
        ReportRedactor r;
        r.add(ReportRedactor::Kind::Host, u"a.example,b.example"_s);
        r.add(ReportRedactor::Kind::Database, u"shared"_s);
        r.add(ReportRedactor::Kind::User, u"shared"_s); // a user named like the database
        r.add(ReportRedactor::Kind::User, u"local"_s); // a Unix socket, not a name
        r.add(ReportRedactor::Kind::User, QString());
        for (const QString &builtin : { u"postgres"_s, u"template0"_s, u"template1"_s })
            r.add(ReportRedactor::Kind::Database, builtin); // every cluster has them
        QCOMPARE(r.aliases().size(), 3);
        QCOMPARE(r.apply(u"a.example,b.example user shared on shared local"_s),
            u"host-1,host-2 user db-1 on db-1 local"_s);
        QCOMPARE(r.apply(u"postgres a.example/postgres"_s), u"postgres host-1/postgres"_s);
        // A shipped article's path is the product's; a user's own folder is not.
        CheckResult result;
        result.remediation.runbooks = { u":/kb/shared/x.md"_s, u"/srv/shared/x.md"_s };
        QCOMPARE(r.apply(result).remediation.runbooks,
            (QStringList { u":/kb/shared/x.md"_s, u"/srv/db-1/x.md"_s }));
    }

    void nothingOriginalLeft()
    {
        const ReportContent source = ReportSample::content();
        ReportRedactor r;
        r.collect(source);
        const ReportContent c = r.apply(source);
        QVERIFY(c.redacted);
        const QString json = QString::fromUtf8(ReportJson::write(c));
        for (const QString &secret : ReportSample::secrets())
            QVERIFY2(!json.contains(secret, Qt::CaseInsensitive), qPrintable(secret));
        // The aliases themselves start with "db" and "host": take them out first.
        QString withoutAliases = json;
        withoutAliases.remove(QRegularExpression(u"\\b(host|db|user|client)-\\d+"_s));
        for (const QString &db : { u"orders"_s, u"db"_s })
            QVERIFY2(!containsToken(withoutAliases, db), qPrintable(db));
        // Consistent: the same alias in the target, the message, the evidence, the fixes.
        const CheckResult &lock = c.results.at(1);
        QCOMPARE(lock.target.host, u"host-1"_s);
        QCOMPARE(lock.target.database, u"db-1"_s);
        QCOMPARE(lock.target.user, u"user-1"_s);
        QVERIFY(lock.message.contains(u"from client client-1 as user-3"_s));
        QVERIFY(lock.message.contains(u"role dbadmin cannot read db-1"_s));
        QCOMPARE(lock.evidenceValue(u"RootBlockerUser"_s).toString(), u"user-3"_s);
        QCOMPARE(lock.evidenceValue(u"LockHolderClient"_s).toString(), u"client-1"_s);
        const QVariantMap session = lock.evidenceValue(u"Sessions"_s).toList().value(0).toMap();
        QCOMPARE(session.value(u"user"_s).toString(), u"user-4"_s);
        QCOMPARE(session.value(u"query"_s).toString(),
            u"UPDATE t SET x = 1 -- by user-4 from client-2"_s);
        QCOMPARE(lock.remediation.fixes.value(0).command,
            u"psql -h host-1 -U user-1 -c 'SELECT pg_terminate_backend(4242)' # user-3"_s);
        QCOMPARE(c.environments.at(1).host, u"host-2"_s);
        QCOMPARE(c.environments.at(1).database, u"db-2"_s);
        QVERIFY(!c.results.at(2).details.isValid());
        // What identifies no system stays: check ids, environment names, migration ids.
        QCOMPARE(lock.checkId, u"check.postgres.locks"_s);
        QCOMPARE(c.environments.at(0).name, u"prod"_s);
        QCOMPARE(c.matrix.rows.value(1).migrationId, u"002_AddOrders"_s);
    }

    void unredactedKeepsValuesButNoPassword()
    {
        const QString json = QString::fromUtf8(ReportJson::write(ReportSample::content()));
        QVERIFY(json.contains(u"pg-prod.acme.internal"_s));
        QVERIFY(!json.contains(ReportSample::SentinelPassword));
    }
};

QTEST_GUILESS_MAIN(TestReportRedactor)
#include "tst_reportredactor.moc"
