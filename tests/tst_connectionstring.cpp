// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ConnectionString::parse: telling the forms apart, SQLite, and what is refused before any
// form is read. Each form has its own test: tst_connectionstring_libpq (keyword/value and
// URI, read by libpq), tst_connectionstring_npgsql; smuggling and secrets across the forms
// are in tst_connectionstring_safety.

#include "connection/connectionstring.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QStringList optionList(const ConnectionSpec &spec)
{
    QStringList list;
    for (const auto &[key, value] : spec.options)
        list.append(key + u'=' + value);
    return list;
}

// Everything a parse produced, for comparing two parses.
QString summary(const ParsedConnection &pc)
{
    const ConnectionSpec &s = pc.spec;
    return QStringList { QString::number(int(s.driver)), s.host, s.port, s.database, s.user,
        s.password, optionList(s).join(u'|'), QString::number(s.connectTimeoutSec.value_or(-1)),
        QString::number(s.commandTimeoutSec.value_or(-1)),
        QString::number(s.trustServerCertificate), pc.warnings.join(u'|'), pc.error }
        .join(u'\n');
}

} // namespace

class TestConnectionString : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detectsTheForm_data();
    void detectsTheForm();
    void rejects_data();
    void rejects();
    void sqlite_data();
    void sqlite();
};

void TestConnectionString::detectsTheForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("form");
    QTest::newRow("npgsql") << u"Host=db;Database=app"_s << u"npgsql"_s;
    QTest::newRow("npgsql lower case") << u"host=db;port=5433"_s << u"npgsql"_s;
    QTest::newRow("npgsql single Host") << u"Host=db"_s << u"npgsql"_s;
    QTest::newRow("npgsql single Server") << u"Server=db"_s << u"npgsql"_s;
    QTest::newRow("npgsql User Id first") << u"User Id=u;Host=db"_s << u"npgsql"_s;
    QTest::newRow("npgsql spaced value") << u"Application Name=a b;Host=db"_s << u"npgsql"_s;
    QTest::newRow("npgsql '=' in first value") << u"password=a=b;host=db"_s << u"npgsql"_s;
    QTest::newRow("npgsql options first") << u"Options=-c geqo=off;Host=db"_s << u"npgsql"_s;
    QTest::newRow("npgsql quoted ; only")
        << u"Host=db Password='a;b'"_s << u"npgsql"_s; // no unquoted ';', Npgsql key
    QTest::newRow("uri") << u"postgresql://db/app"_s << u"uri"_s;
    QTest::newRow("uri postgres") << u"postgres://db"_s << u"uri"_s;
    QTest::newRow("kv") << u"host=db dbname=app"_s << u"keyword"_s;
    QTest::newRow("kv single") << u"host=db"_s << u"keyword"_s;
    QTest::newRow("kv quoted ;") << u"host=db password='a;b'"_s << u"keyword"_s;
    QTest::newRow("kv unquoted ;") << u"host=db password=a;b"_s << u"keyword"_s;
    QTest::newRow("kv escaped quote and ;") << u"password='it\\'s;x' host=db"_s << u"keyword"_s;
    QTest::newRow("kv unknown first key") << u"flavour=vanilla host=db"_s << u"keyword"_s;
}

void TestConnectionString::detectsTheForm()
{
    QFETCH(QString, text);
    QFETCH(QString, form);
    const ParsedConnection expected = form == u"npgsql" ? ConnectionString::parseNpgsql(text)
                                                        : ConnectionString::parseLibpq(text);
    QCOMPARE(summary(ConnectionString::parse(text)), summary(expected));
}

void TestConnectionString::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error"); // a fragment of the message
    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("blank") << u"  \t "_s << u"empty"_s;
    QTest::newRow("sqlite without path") << u"sqlite:"_s << u"needs a database file"_s;
    QTest::newRow("no '='") << u"just some words"_s << u"does not start with key=value"_s;
    QTest::newRow("uri not postgres") << u"mysql://db"_s << u"postgresql://"_s;
    QTest::newRow("uri upper-case scheme") << u"POSTGRESQL://db/app"_s << u"lower case"_s;
}

void TestConnectionString::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY(!pc.ok());
    QVERIFY2(pc.error.contains(error), qPrintable(pc.error));
    QVERIFY(pc.spec.password.isEmpty()); // a failed parse hands back no secrets
}

void TestConnectionString::sqlite_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("database");
    QTest::newRow("absolute") << u"sqlite:/var/lib/app/app.db"_s << u"/var/lib/app/app.db"_s;
    QTest::newRow("relative") << u"sqlite:data/app.db"_s << u"data/app.db"_s;
    QTest::newRow("memory") << u"sqlite::memory:"_s << u":memory:"_s;
    QTest::newRow("upper-case prefix") << u"SQLite:/tmp/x.db"_s << u"/tmp/x.db"_s;
    QTest::newRow("trimmed") << u"  sqlite:/tmp/x.db \n"_s << u"/tmp/x.db"_s;
    QTest::newRow("windows") << u"sqlite:C:\\data\\app.db"_s << u"C:\\data\\app.db"_s;
    QTest::newRow("spaces and ;") << u"sqlite:/tmp/my app;1.db"_s << u"/tmp/my app;1.db"_s;
}

void TestConnectionString::sqlite()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QCOMPARE(int(pc.spec.driver), int(ConnectionSpec::Driver::Sqlite));
    QTEST(pc.spec.database, "database");
    QVERIFY(pc.spec.toKeywordString().isEmpty());
    QCOMPARE(pc.spec.tlsVerification(), u"off"_s);
}

QTEST_GUILESS_MAIN(TestConnectionString)
#include "tst_connectionstring.moc"
