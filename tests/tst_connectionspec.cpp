// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ConnectionSpec: the options string for Qt's QPSQL driver, describe(), TLS verification,
// and the allow-list of libpq options.

#include "connection/connectionspec.h"
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

} // namespace

class TestConnectionSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void qtConnectOptions_data();
    void qtConnectOptions();
    void qtConnectOptionsSurviveQpsql_data();
    void qtConnectOptionsSurviveQpsql();
    void qtConnectOptionsAddsTimeoutAndSkipsUnsafeValues();
    void describe_data();
    void describe();
    // RELIABILITY 20
    void tlsVerification_data();
    void tlsVerification();
    void allowList_data();
    void allowList();
    void setOptionKeepsOrder();
};

void TestConnectionSpec::qtConnectOptions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing") << u"Host=db"_s << QString();
    QTest::newRow("fields stay out")
        << u"Host=db;Port=5433;Username=u;Password=pw;Database=app"_s << QString();
    QTest::newRow("sslmode") << u"Host=db;SSL Mode=Require"_s << u"sslmode=require"_s;
    QTest::newRow("several")
        << u"Host=db;SSL Mode=VerifyFull;Root Certificate=/etc/ssl/ca.pem;Timeout=5"_s
        << u"sslmode=verify-full;sslrootcert=/etc/ssl/ca.pem;connect_timeout=5"_s;
    QTest::newRow("space quoted") << u"Host=db;Application Name=Doctor Dashboard"_s
                                  << u"application_name='Doctor Dashboard'"_s;
    QTest::newRow("quote escaped")
        << u"Host=db;Application Name=it's"_s << u"application_name='it\\'s'"_s;
    QTest::newRow("backslash escaped") << u"Host=db;Root Certificate=C:\\certs\\ca.pem"_s
                                       << u"sslrootcert='C:\\\\certs\\\\ca.pem'"_s;
    QTest::newRow("empty quoted") << u"Host=db;Application Name="_s << u"application_name=''"_s;
    QTest::newRow("server options")
        << u"Host=db;Search Path=app, public"_s << u"options='-c search_path=app,\\\\ public'"_s;
    QTest::newRow("command timeout not here") << u"Host=db;Command Timeout=30"_s << QString();
    QTest::newRow("kv") << u"host=db connect_timeout=3 sslmode=disable"_s
                        << u"connect_timeout=3;sslmode=disable"_s;
    QTest::newRow("uri") << u"postgresql://db/app?connect_timeout=4&application_name=x"_s
                         << u"connect_timeout=4;application_name=x"_s;
    QTest::newRow("kv quoted options")
        << u"host=db options='-c geqo=off'"_s << u"options='-c geqo=off'"_s;
}

void TestConnectionSpec::qtConnectOptions()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QTEST(pc.spec.qtConnectOptions(), "expected");
}

void TestConnectionSpec::qtConnectOptionsSurviveQpsql_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << u"Host=db;SSL Mode=Require;Timeout=5"_s;
    QTest::newRow("space") << u"Host=db;Application Name=Doctor Dashboard"_s;
    QTest::newRow("quotes and backslashes")
        << u"Host=db;Application Name='a\\b ''c'' \"d\"';Root Certificate=C:\\x y\\ca.pem"_s;
    QTest::newRow("search path") << u"Host=db;Search Path='\"my schema\", public'"_s;
    QTest::newRow("options") << u"host=db options='-c geqo=off -c search_path=a\\\\ b'"_s;
    QTest::newRow("trailing backslash") << u"Host=db;Application Name=dir\\"_s;
}

// QPSQL replaces every ';' of the options string with a space and appends it to the conninfo
// libpq parses: reading it back with libpq must give the same options.
void TestConnectionSpec::qtConnectOptionsSurviveQpsql()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QString conninfo = pc.spec.qtConnectOptions();
    conninfo.replace(u';', u' ');
    const ParsedConnection back = ConnectionString::parseLibpq(conninfo);
    QVERIFY2(back.ok(), qPrintable(back.error));
    ConnectionSpec expected = pc.spec;
    if (expected.connectTimeoutSec)
        expected.setOption(u"connect_timeout"_s, QString::number(*expected.connectTimeoutSec));
    QCOMPARE(optionList(back.spec), optionList(expected));
}

void TestConnectionSpec::qtConnectOptionsAddsTimeoutAndSkipsUnsafeValues()
{
    ConnectionSpec spec;
    spec.connectTimeoutSec = 3;
    spec.setOption(u"application_name"_s, u"a;b"_s); // only code can get a ';' in here
    spec.setOption(u"sslmode"_s, u"require"_s);
    QCOMPARE(spec.qtConnectOptions(), u"sslmode=require;connect_timeout=3"_s);
    spec.setOption(u"connect_timeout"_s, u"9"_s);
    QCOMPARE(spec.qtConnectOptions(), u"sslmode=require;connect_timeout=3"_s);
}

void TestConnectionSpec::describe_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("npgsql")
        << u"Host=127.0.0.1;Port=5432;Database=app;Username=doctor;Password=pw;SSL Mode=Require"_s
        << u"postgres 127.0.0.1:5432/app as doctor (sslmode=require)"_s;
    QTest::newRow("sqlite") << u"sqlite:/path/db.sqlite"_s << u"sqlite /path/db.sqlite"_s;
    QTest::newRow("ipv6") << u"postgresql://[::1]:5433/app"_s << u"postgres [::1]:5433/app"_s;
    QTest::newRow("host list") << u"postgresql://a:5432,b:5433/app"_s
                               << u"postgres a:5432,b:5433/app"_s;
    QTest::newRow("one port for all")
        << u"host=a,b port=5433 dbname=app"_s << u"postgres a:5433,b:5433/app"_s;
    QTest::newRow("uri partial ports")
        << u"postgresql://a,b:5433/app"_s << u"postgres a,b:5433/app"_s;
    QTest::newRow("default host") << u"dbname=app"_s << u"postgres (default host)/app"_s;
    QTest::newRow("socket") << u"host=/var/run/postgresql user=u"_s
                            << u"postgres /var/run/postgresql as u"_s;
    QTest::newRow("trust") << u"Host=db;Trust Server Certificate=true;SSL Mode=Require"_s
                           << u"postgres db (sslmode=require, server certificate trusted)"_s;
    QTest::newRow("uri with password")
        << u"postgresql://u:S3ntinel@db/app"_s << u"postgres db/app as u"_s;
}

void TestConnectionSpec::describe()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QTEST(pc.spec.describe(), "expected");
}

void TestConnectionSpec::tlsVerification_data()
{
    // RELIABILITY 20
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unset") << u"Host=db"_s << u"unverified"_s;
    QTest::newRow("prefer") << u"Host=db;SSL Mode=Prefer"_s << u"unverified"_s;
    QTest::newRow("allow") << u"host=db sslmode=allow"_s << u"unverified"_s;
    QTest::newRow("require") << u"postgresql://db?sslmode=require"_s << u"unverified"_s;
    QTest::newRow("verify-ca") << u"Host=db;SSL Mode=VerifyCA"_s << u"verified"_s;
    QTest::newRow("verify-full") << u"host=db sslmode=verify-full"_s << u"verified"_s;
    QTest::newRow("disable") << u"Host=db;SSL Mode=Disable"_s << u"off"_s;
    QTest::newRow("trust + require")
        << u"Host=db;SSL Mode=Require;Trust Server Certificate=true"_s << u"unverified"_s;
    QTest::newRow("trust + verify-full")
        << u"Host=db;SSL Mode=VerifyFull;Trust Server Certificate=true"_s << u"unverified"_s;
    QTest::newRow("trust + disable")
        << u"Host=db;SSL Mode=Disable;Trust Server Certificate=true"_s << u"off"_s;
    QTest::newRow("sqlite") << u"sqlite:/tmp/x.db"_s << u"off"_s;
}

void TestConnectionSpec::tlsVerification()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QTEST(pc.spec.tlsVerification(), "expected");
}

void TestConnectionSpec::allowList_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("allowed");
    for (const char *key : { "sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl",
             "sslnegotiation", "sslcompression", "application_name", "fallback_application_name",
             "connect_timeout", "options", "target_session_attrs", "load_balance_hosts",
             "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
             "tcp_user_timeout", "service", "passfile", "gssencmode", "channel_binding",
             "krbsrvname", "require_auth", "client_encoding" })
        QTest::newRow(key) << QString::fromLatin1(key) << true;
    for (const char *key : { "host", "hostaddr", "port", "dbname", "user", "password", "requiressl",
             "sslpassword", "replication", "SSLMODE", "" })
        QTest::addRow("not %s", key) << QString::fromLatin1(key) << false;
}

void TestConnectionSpec::allowList()
{
    QFETCH(QString, key);
    QTEST(ConnectionSpec::isAllowedOption(key), "allowed");
}

void TestConnectionSpec::setOptionKeepsOrder()
{
    ConnectionSpec spec;
    spec.setOption(u"sslmode"_s, u"require"_s);
    spec.setOption(u"Application_Name"_s, u"x"_s);
    spec.setOption(u"password"_s, u"never"_s); // not on the allow-list: ignored
    spec.setOption(u"sslmode"_s, u"verify-full"_s);
    QCOMPARE(optionList(spec), QStringList({ u"sslmode=verify-full"_s, u"application_name=x"_s }));
    QCOMPARE(spec.option(u"APPLICATION_NAME"_s), u"x"_s);
    QVERIFY(spec.option(u"password"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestConnectionSpec)
#include "tst_connectionspec.moc"
