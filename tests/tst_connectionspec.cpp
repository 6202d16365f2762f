// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// ConnectionSpec: the keyword string libpq receives, describe(), TLS verification, and the
// allow-list of libpq options.

#include "connection/connectionspec.h"
#include "connection/connectionstring.h"
#include "connection/libpqconninfo.h"

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

// What libpq must read from toKeywordString(): the fields and the non-empty options as the
// spec holds them, connect_timeout from connectTimeoutSec, and never a password. Sorted
// "key=value" lines, so a difference shows.
QStringList expectedSettings(const ConnectionSpec &spec)
{
    ConnectionSpec s = spec;
    if (s.connectTimeoutSec)
        s.setOption(u"connect_timeout"_s, QString::number(*s.connectTimeoutSec));
    QList<QPair<QString, QString>> settings = { { u"host"_s, s.host }, { u"port"_s, s.port },
        { u"dbname"_s, s.database }, { u"user"_s, s.user } };
    settings += s.options;
    QStringList list;
    for (const auto &[key, value] : std::as_const(settings)) {
        if (!value.isEmpty())
            list.append(key + u'=' + value);
    }
    list.sort();
    return list;
}

QStringList settingList(const LibpqConninfo::Options &options)
{
    QStringList list;
    for (const auto &[key, value] : options)
        list.append(key + u'=' + value);
    list.sort();
    return list;
}

} // namespace

class TestConnectionSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void toKeywordString_data();
    void toKeywordString();
    void toKeywordStringSurvivesLibpq_data();
    void toKeywordStringSurvivesLibpq();
    void toKeywordStringAddsTimeoutAndLeavesOutUnsafeValues();
    void describe_data();
    void describe();
    // RELIABILITY 20
    void tlsVerification_data();
    void tlsVerification();
    void allowList_data();
    void allowList();
    void setOptionKeepsOrder();
};

void TestConnectionSpec::toKeywordString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("host only") << u"Host=db"_s << u"host=db"_s;
    QTest::newRow("fields, no password")
        << u"Host=db;Port=5433;Username=u;Password=pw;Database=app"_s
        << u"host=db port=5433 dbname=app user=u"_s;
    QTest::newRow("sslmode") << u"Host=db;SSL Mode=Require"_s << u"host=db sslmode=require"_s;
    QTest::newRow("several")
        << u"Host=db;SSL Mode=VerifyFull;Root Certificate=/etc/ssl/ca.pem;Timeout=5"_s
        << u"host=db sslmode=verify-full sslrootcert=/etc/ssl/ca.pem connect_timeout=5"_s;
    QTest::newRow("space quoted") << u"Host=db;Application Name=Doctor Dashboard"_s
                                  << u"host=db application_name='Doctor Dashboard'"_s;
    QTest::newRow("quote escaped")
        << u"Host=db;Application Name=it's"_s << u"host=db application_name='it\\'s'"_s;
    QTest::newRow("backslash escaped") << u"Host=db;Root Certificate=C:\\certs\\ca.pem"_s
                                       << u"host=db sslrootcert='C:\\\\certs\\\\ca.pem'"_s;
    QTest::newRow("empty left out") << u"Host=db;Application Name="_s << u"host=db"_s;
    QTest::newRow("server options") << u"Host=db;Search Path=app, public"_s
                                    << u"host=db options='-c search_path=app,\\\\ public'"_s;
    QTest::newRow("command timeout not here") << u"Host=db;Command Timeout=30"_s << u"host=db"_s;
    QTest::newRow("kv") << u"host=db connect_timeout=3 sslmode=disable"_s
                        << u"host=db connect_timeout=3 sslmode=disable"_s;
    QTest::newRow("uri") << u"postgresql://db/app?connect_timeout=4&application_name=x"_s
                         << u"host=db dbname=app connect_timeout=4 application_name=x"_s;
    QTest::newRow("kv quoted options")
        << u"host=db options='-c geqo=off'"_s << u"host=db options='-c geqo=off'"_s;
    QTest::newRow("host list") << u"postgresql://a:5432,b:5433/app"_s
                               << u"host=a,b port=5432,5433 dbname=app"_s;
    QTest::newRow("ipv6") << u"postgresql://[::1]:5433/app"_s << u"host=::1 port=5433 dbname=app"_s;
    QTest::newRow("uri password left out") << u"postgresql://u:S3ntinel@db/app?sslmode=require"_s
                                           << u"host=db dbname=app user=u sslmode=require"_s;
    // A ';' was refused while Qt's QPSQL driver turned it into a space; libpq takes it as
    // it is. Quoted, so that ConnectionString::parse() does not take the string for Npgsql.
    QTest::newRow("; in an option") << u"postgresql://db/app?application_name=a%3Bb"_s
                                    << u"host=db dbname=app application_name='a;b'"_s;
    QTest::newRow("; in the first value")
        << u"Database='a;b';Username=u"_s << u"dbname='a;b' user=u"_s;
    QTest::newRow("control character in a name quoted")
        << u"postgresql://db/a%01b"_s << u"host=db dbname='a\u0001b'"_s;
}

void TestConnectionSpec::toKeywordString()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QTEST(pc.spec.toKeywordString(), "expected");
}

void TestConnectionSpec::toKeywordStringSurvivesLibpq_data()
{
    toKeywordString_data(); // every row above, and these (their "expected" is not used here)
    QTest::newRow("plain") << u"Host=db;SSL Mode=Require;Timeout=5"_s << QString();
    QTest::newRow("quotes and backslashes")
        << u"Host=db;Application Name='a\\b ''c'' \"d\"';Root Certificate=C:\\x y\\ca.pem"_s
        << QString();
    QTest::newRow("search path") << u"Host=db;Search Path='\"my schema\", public'"_s << QString();
    QTest::newRow("options") << u"host=db options='-c geqo=off -c search_path=a\\\\ b'"_s
                             << QString();
    QTest::newRow("trailing backslash") << u"Host=db;Application Name=dir\\"_s << QString();
    QTest::newRow("blanks and controls in names")
        << u"host=db dbname='my\tdb' user='a b\nc'"_s << QString();
    QTest::newRow("quotes in names")
        << u"Host=db;Database='it''s';Username=\"x\\y\""_s << QString();
}

// libpq receives toKeywordString() as the expanded dbname of PQconnectdbParams, which it
// reads as PQconninfoParse does: it must read exactly the fields and options the parser
// accepted, and no password; and the doctor's own parser must read it back to the same spec.
void TestConnectionSpec::toKeywordStringSurvivesLibpq()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    const QString conninfo = pc.spec.toKeywordString();
    const std::optional<LibpqConninfo::Options> libpq = LibpqConninfo::parse(conninfo);
    QVERIFY2(libpq, qPrintable(conninfo));
    QCOMPARE(settingList(*libpq), expectedSettings(pc.spec));

    const ParsedConnection back = ConnectionString::parse(conninfo);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.spec.host, pc.spec.host);
    QCOMPARE(back.spec.port, pc.spec.port);
    QCOMPARE(back.spec.database, pc.spec.database);
    QCOMPARE(back.spec.user, pc.spec.user);
    QVERIFY(back.spec.password.isEmpty());
    ConnectionSpec expected = pc.spec;
    if (expected.connectTimeoutSec)
        expected.setOption(u"connect_timeout"_s, QString::number(*expected.connectTimeoutSec));
    expected.options.removeIf([](const auto &option) { return option.second.isEmpty(); });
    QCOMPARE(optionList(back.spec), optionList(expected));
    QCOMPARE(back.spec.connectTimeoutSec, pc.spec.connectTimeoutSec);
}

// Values only other code can set: the parsers refuse a NUL anywhere and control characters
// in options. Left out with their key, never handed to libpq to cut the string short.
void TestConnectionSpec::toKeywordStringAddsTimeoutAndLeavesOutUnsafeValues()
{
    ConnectionSpec spec;
    spec.host = u"db"_s + QChar(0) + u"evil"_s;
    spec.database = u"app"_s;
    spec.user = u"u\u0001"_s; // a name may hold one: quoted, libpq reads it intact
    spec.password = u"pw"_s;
    spec.connectTimeoutSec = 3;
    spec.setOption(u"application_name"_s, u"a\nb"_s);
    spec.setOption(u"sslmode"_s, u"require"_s);
    spec.setOption(u"sslrootcert"_s, u"/ca"_s + QChar(0) + u"x"_s);
    spec.setOption(u"fallback_application_name"_s, u"x;y"_s);
    spec.setOption(u"connect_timeout"_s, u"9"_s); // connectTimeoutSec wins
    const QString expected
        = u"dbname=app user='u\u0001' sslmode=require fallback_application_name='x;y' "
          "connect_timeout=3"_s;
    QCOMPARE(spec.toKeywordString(), expected);
    spec.options.clear();
    spec.connectTimeoutSec.reset();
    spec.host.clear();
    QCOMPARE(spec.toKeywordString(), u"dbname=app user='u\u0001'"_s);
    spec.driver = ConnectionSpec::Driver::Sqlite;
    QVERIFY(spec.toKeywordString().isEmpty());
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
