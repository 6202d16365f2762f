// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT

#include "connection/connectionspec.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A password that exercises every quoting rule: ';' (Npgsql and QPSQL separator), a single
// quote, a backslash and a space.
const QString sentinel = u"S3ntinel;p'w\\ d"_s;
// Fragments of it that must not appear in any message either.
const QStringList sentinelParts = { u"S3ntinel"_s, u"p'w"_s, u"w\\ d"_s };

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

bool mentionsSentinel(const QString &text)
{
    for (const QString &part : sentinelParts) {
        if (text.contains(part))
            return true;
    }
    return false;
}

} // namespace

class TestConnectionString : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // RELIABILITY 14: every form, every Npgsql alias, quoting, escapes.
    void parsesPostgres_data();
    void parsesPostgres();
    void detectsTheForm_data();
    void detectsTheForm();
    void timeouts_data();
    void timeouts();
    void trustServerCertificate_data();
    void trustServerCertificate();
    void warns_data();
    void warns();
    void rejects_data();
    void rejects();
    // RELIABILITY 15
    void rejectsSmuggling_data();
    void rejectsSmuggling();
    // RELIABILITY 14 and 18
    void sentinelPassword_data();
    void sentinelPassword();
    void sentinelNeverInMessages_data();
    void sentinelNeverInMessages();
    void sqlite_data();
    void sqlite();
    void qtConnectOptions_data();
    void qtConnectOptions();
    void qtConnectOptionsSurviveQpsql_data();
    void qtConnectOptionsSurviveQpsql();
    void qtConnectOptionsAddsTimeoutAndSkipsUnsafeValues();
    void describe_data();
    void describe();
    void tlsVerification_data();
    void tlsVerification();
    void allowList_data();
    void allowList();
    void setOptionKeepsOrder();
    // Found by tests/fuzz (fuzz_npgsql, fuzz_libpq, fuzz_environments).
    void portListHasNoBlanks_data();
    void portListHasNoBlanks();
};

void TestConnectionString::parsesPostgres_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("warnings");
    const auto row
        = [](const char *name, const QString &text, const QString &host, const QString &port,
              const QString &db, const QString &user, const QString &password,
              const QStringList &options = {}, int warnings = 0) {
              QTest::newRow(name) << text << host << port << db << user << password << options
                                  << warnings;
          };

    // Npgsql: keys and aliases
    row("npgsql full", u"Host=db;Port=5433;Database=app;Username=doctor;Password=pw"_s, u"db"_s,
        u"5433"_s, u"app"_s, u"doctor"_s, u"pw"_s);
    row("npgsql Server", u"Server=db;Database=app"_s, u"db"_s, {}, u"app"_s, {}, {});
    row("npgsql DB", u"Host=db;DB=app"_s, u"db"_s, {}, u"app"_s, {}, {});
    row("npgsql User Name", u"Host=db;User Name=u"_s, u"db"_s, {}, {}, u"u"_s, {});
    row("npgsql User Id", u"Host=db;User Id=u"_s, u"db"_s, {}, {}, u"u"_s, {});
    row("npgsql User ID", u"Host=db;User ID=u"_s, u"db"_s, {}, {}, u"u"_s, {});
    row("npgsql UserId", u"Host=db;UserId=u"_s, u"db"_s, {}, {}, u"u"_s, {});
    row("npgsql UID", u"Host=db;UID=u"_s, u"db"_s, {}, {}, u"u"_s, {});
    row("npgsql UserName", u"Host=db;UserName=u"_s, u"db"_s, {}, {}, u"u"_s, {});
    row("npgsql PWD", u"Host=db;PWD=pw"_s, u"db"_s, {}, {}, {}, u"pw"_s);
    row("npgsql Psw", u"Host=db;Psw=pw"_s, u"db"_s, {}, {}, {}, u"pw"_s);
    row("npgsql SSL Mode", u"Host=db;SSL Mode=Require"_s, u"db"_s, {}, {}, {}, {},
        { u"sslmode=require"_s });
    row("npgsql SslMode VerifyFull", u"Host=db;SslMode=VerifyFull"_s, u"db"_s, {}, {}, {}, {},
        { u"sslmode=verify-full"_s });
    row("npgsql sslmode verifyca", u"Host=db;sslmode=verifyca"_s, u"db"_s, {}, {}, {}, {},
        { u"sslmode=verify-ca"_s });
    row("npgsql ssl mode Verify-CA", u"Host=db;ssl mode=Verify-CA"_s, u"db"_s, {}, {}, {}, {},
        { u"sslmode=verify-ca"_s });
    row("npgsql SSL Mode Disable", u"Host=db;SSL Mode=Disable"_s, u"db"_s, {}, {}, {}, {},
        { u"sslmode=disable"_s });
    row("npgsql SSL Mode Allow", u"Host=db;SSL Mode=Allow"_s, u"db"_s, {}, {}, {}, {},
        { u"sslmode=allow"_s });
    row("npgsql SSL Mode Prefer", u"Host=db;SSL Mode=Prefer"_s, u"db"_s, {}, {}, {}, {},
        { u"sslmode=prefer"_s });
    row("npgsql Application Name", u"Host=db;Application Name=Doctor Dashboard"_s, u"db"_s, {}, {},
        {}, {}, { u"application_name=Doctor Dashboard"_s });
    row("npgsql ApplicationName", u"Host=db;ApplicationName=doctor"_s, u"db"_s, {}, {}, {}, {},
        { u"application_name=doctor"_s });
    row("npgsql Search Path", u"Host=db;Search Path=app,public"_s, u"db"_s, {}, {}, {}, {},
        { u"options=-c search_path=app,public"_s });
    row("npgsql Search Path with space", u"Host=db;Search Path=app, public"_s, u"db"_s, {}, {}, {},
        {}, { u"options=-c search_path=app,\\ public"_s });
    row("npgsql Options and Search Path",
        u"Host=db;Search Path=app;Options=-c statement_timeout=5000"_s, u"db"_s, {}, {}, {}, {},
        { u"options=-c statement_timeout=5000 -c search_path=app"_s });
    row("npgsql Options --name", u"Host=db;Options=--geqo=off"_s, u"db"_s, {}, {}, {}, {},
        { u"options=--geqo=off"_s });
    row("npgsql Timeout", u"Host=db;Timeout=7"_s, u"db"_s, {}, {}, {}, {},
        { u"connect_timeout=7"_s });
    row("npgsql Root Certificate", u"Host=db;Root Certificate=/etc/ssl/ca.pem"_s, u"db"_s, {}, {},
        {}, {}, { u"sslrootcert=/etc/ssl/ca.pem"_s });
    row("npgsql SSL Certificate and Key", u"Host=db;SSL Certificate=/c.pem;SSL Key=/k.pem"_s,
        u"db"_s, {}, {}, {}, {}, { u"sslcert=/c.pem"_s, u"sslkey=/k.pem"_s });
    row("npgsql Target Session Attributes", u"Host=db;Target Session Attributes=ReadWrite"_s,
        u"db"_s, {}, {}, {}, {}, { u"target_session_attrs=read-write"_s });
    row("npgsql Target Session prefer-standby",
        u"Host=db;Target Session Attributes=prefer-standby"_s, u"db"_s, {}, {}, {}, {},
        { u"target_session_attrs=prefer-standby"_s });
    row("npgsql Load Balance Hosts", u"Host=a,b;Load Balance Hosts=true"_s, u"a,b"_s, {}, {}, {},
        {}, { u"load_balance_hosts=random"_s });
    row("npgsql Tcp Keepalive",
        u"Host=db;Tcp Keepalive=true;Tcp Keepalive Time=60;Tcp Keepalive Interval=5"_s, u"db"_s, {},
        {}, {}, {}, { u"keepalives=1"_s, u"keepalives_idle=60"_s, u"keepalives_interval=5"_s });
    row("npgsql Client Encoding", u"Host=db;Client Encoding=UTF8"_s, u"db"_s, {}, {}, {}, {},
        { u"client_encoding=UTF8"_s });
    row("npgsql Kerberos Service Name", u"Host=db;Kerberos Service Name=pg"_s, u"db"_s, {}, {}, {},
        {}, { u"krbsrvname=pg"_s });
    row("npgsql GSS Encryption Mode", u"Host=db;GSS Encryption Mode=Disable"_s, u"db"_s, {}, {}, {},
        {}, { u"gssencmode=disable"_s });
    row("npgsql Channel Binding", u"Host=db;Channel Binding=Require"_s, u"db"_s, {}, {}, {}, {},
        { u"channel_binding=require"_s });
    row("npgsql Passfile", u"Host=db;Passfile=/home/u/.pgpass"_s, u"db"_s, {}, {}, {}, {},
        { u"passfile=/home/u/.pgpass"_s });

    // Npgsql: case, whitespace, separators
    row("npgsql upper case keys", u"HOST=db;PORT=5433;DATABASE=app;USERNAME=u"_s, u"db"_s,
        u"5433"_s, u"app"_s, u"u"_s, {});
    row("npgsql lower case keys", u"host=db;port=5433;database=app"_s, u"db"_s, u"5433"_s, u"app"_s,
        {}, {});
    row("npgsql mixed case alias", u"Host=db;uSeR iD=u;ssl MODE=require"_s, u"db"_s, {}, {}, u"u"_s,
        {}, { u"sslmode=require"_s });
    row("npgsql whitespace", u"  Host = db ; Port = 5433 ;  Database =  app  ; "_s, u"db"_s,
        u"5433"_s, u"app"_s, {}, {});
    row("npgsql empty pieces", u"Host=db;;Port=5433;"_s, u"db"_s, u"5433"_s, {}, {}, {});

    // Npgsql: quoting
    row("npgsql quoted ;", u"Host=db;Password='a;b'"_s, u"db"_s, {}, {}, {}, u"a;b"_s);
    row("npgsql double-quoted '", u"Host=db;Password=\"it's\""_s, u"db"_s, {}, {}, {}, u"it's"_s);
    row("npgsql doubled '", u"Host=db;Password='it''s'"_s, u"db"_s, {}, {}, {}, u"it's"_s);
    row("npgsql doubled \"", u"Host=db;Password=\"say \"\"hi\"\"\""_s, u"db"_s, {}, {}, {},
        u"say \"hi\""_s);
    row("npgsql quoted keeps spaces", u"Host=db;Password='  two  '"_s, u"db"_s, {}, {}, {},
        u"  two  "_s);
    row("npgsql unquoted is trimmed", u"Host=db;Password=  two words  "_s, u"db"_s, {}, {}, {},
        u"two words"_s);
    row("npgsql backslash is literal", u"Host=db;Password=a\\b"_s, u"db"_s, {}, {}, {}, u"a\\b"_s);
    row("npgsql quote inside unquoted", u"Host=db;Password=it's"_s, u"db"_s, {}, {}, {}, u"it's"_s);
    row("npgsql '=' in value", u"Host=db;Password=a=b"_s, u"db"_s, {}, {}, {}, u"a=b"_s);
    row("npgsql empty value", u"Host=db;Password="_s, u"db"_s, {}, {}, {}, {});

    // Npgsql: hosts and ports
    row("npgsql host list", u"Host=a,b;Port=5433"_s, u"a,b"_s, u"5433"_s, {}, {}, {});
    row("npgsql host:port list", u"Host=a:5432,b:5433"_s, u"a,b"_s, u"5432,5433"_s, {}, {}, {});
    row("npgsql host:port and Port", u"Host=a:5434,b;Port=5433"_s, u"a,b"_s, u"5434,5433"_s, {}, {},
        {});
    row("npgsql host:port default", u"Host=a:5434,b"_s, u"a,b"_s, u"5434,5432"_s, {}, {}, {});
    row("npgsql [::1]:port", u"Host=[::1]:5433"_s, u"::1"_s, u"5433"_s, {}, {}, {});
    row("npgsql bare ::1", u"Host=::1"_s, u"::1"_s, {}, {}, {}, {});
    row("npgsql socket dir", u"Host=/var/run/postgresql"_s, u"/var/run/postgresql"_s, {}, {}, {},
        {});

    // Npgsql: duplicates, last wins (RELIABILITY 14)
    row("npgsql duplicate Host", u"Host=a;Host=b"_s, u"b"_s, {}, {}, {}, {}, {}, 1);
    row("npgsql Host then Server", u"Host=a;Server=b"_s, u"b"_s, {}, {}, {}, {}, {}, 1);
    row("npgsql duplicate case-insensitive", u"Host=db;Password=a;PASSWORD=b"_s, u"db"_s, {}, {},
        {}, u"b"_s, {}, 1);
    row("npgsql duplicate SSL Mode", u"Host=db;SSL Mode=Require;SslMode=Disable"_s, u"db"_s, {}, {},
        {}, {}, { u"sslmode=disable"_s }, 1);
    row("npgsql duplicate invalid then valid", u"Host=db;Port=abc;Port=5433"_s, u"db"_s, u"5433"_s,
        {}, {}, {}, {}, 1);

    // URIs
    row("uri full", u"postgresql://doctor:pw@db:5433/app"_s, u"db"_s, u"5433"_s, u"app"_s,
        u"doctor"_s, u"pw"_s);
    row("uri postgres scheme", u"postgres://db/app"_s, u"db"_s, {}, u"app"_s, {}, {});
    row("uri upper-case scheme", u"POSTGRESQL://db/app"_s, u"db"_s, {}, u"app"_s, {}, {});
    row("uri empty", u"postgresql://"_s, {}, {}, {}, {}, {});
    row("uri no host", u"postgresql:///app"_s, {}, {}, u"app"_s, {}, {});
    row("uri port only", u"postgresql://:5433/app"_s, {}, u"5433"_s, u"app"_s, {}, {});
    row("uri user only", u"postgresql://u@db"_s, u"db"_s, {}, {}, u"u"_s, {});
    row("uri empty password", u"postgresql://u:@db"_s, u"db"_s, {}, {}, u"u"_s, {});
    row("uri [::1]", u"postgresql://[::1]/app"_s, u"::1"_s, {}, u"app"_s, {}, {});
    row("uri [::1]:port", u"postgresql://[::1]:5433/app"_s, u"::1"_s, u"5433"_s, u"app"_s, {}, {});
    row("uri two hosts two ports", u"postgresql://a:5432,b:5433/app"_s, u"a,b"_s, u"5432,5433"_s,
        u"app"_s, {}, {});
    row("uri two hosts no ports", u"postgresql://a,b/app"_s, u"a,b"_s, {}, u"app"_s, {}, {});
    row("uri ipv6 and name", u"postgresql://[2001:db8::1]:5433,db2/app"_s, u"2001:db8::1,db2"_s,
        u"5433,"_s, u"app"_s, {}, {});
    row("uri three hosts", u"postgresql://u@a,b:5433,[::1]:5434/app"_s, u"a,b,::1"_s,
        u",5433,5434"_s, u"app"_s, u"u"_s, {});
    row("uri percent-decoding", u"postgresql://user%40corp:p%40ss%2Fw@db/my%20db"_s, u"db"_s, {},
        u"my db"_s, u"user@corp"_s, u"p@ss/w"_s);
    row("uri socket dir", u"postgresql://%2Fvar%2Frun%2Fpostgresql/app"_s, u"/var/run/postgresql"_s,
        {}, u"app"_s, {}, {});
    row("uri utf-8", u"postgresql://u:p%C3%A9@db"_s, u"db"_s, {}, {}, u"u"_s, u"p\u00e9"_s);
    row("uri raw '@' in password", u"postgresql://u:p@ss@db/app"_s, u"db"_s, {}, u"app"_s, u"u"_s,
        u"p@ss"_s);
    row("uri plus stays plus", u"postgresql://db?application_name=a+b"_s, u"db"_s, {}, {}, {}, {},
        { u"application_name=a+b"_s });
    row("uri query options",
        u"postgresql://db/app?sslmode=verify-full&application_name=doctor%20dash"_s, u"db"_s, {},
        u"app"_s, {}, {}, { u"sslmode=verify-full"_s, u"application_name=doctor dash"_s });
    row("uri query fields", u"postgresql:///?user=u&password=p&port=5433&dbname=app&host=h"_s,
        u"h"_s, u"5433"_s, u"app"_s, u"u"_s, u"p"_s);
    row("uri query overrides", u"postgresql://a@db:5432/app?host=h2&user=b"_s, u"h2"_s, u"5432"_s,
        u"app"_s, u"b"_s, {}, {}, 2);
    row("uri ssl=true", u"postgresql://db?ssl=true"_s, u"db"_s, {}, {}, {}, {},
        { u"sslmode=require"_s });
    row("uri server options", u"postgresql://db?options=-c%20search_path%3Dapp"_s, u"db"_s, {}, {},
        {}, {}, { u"options=-c search_path=app"_s });
    row("uri connect_timeout", u"postgresql://db?connect_timeout=5"_s, u"db"_s, {}, {}, {}, {},
        { u"connect_timeout=5"_s });
    row("uri hostaddr alone", u"postgresql:///app?hostaddr=10.0.0.1"_s, u"10.0.0.1"_s, {}, u"app"_s,
        {}, {});
    row("uri hostaddr and host", u"postgresql://db/app?hostaddr=10.0.0.1"_s, u"db"_s, {}, u"app"_s,
        {}, {}, {}, 1);
    row("uri empty parameters", u"postgresql://db/app?&sslmode=require&"_s, u"db"_s, {}, u"app"_s,
        {}, {}, { u"sslmode=require"_s });

    // libpq keyword/value
    row("kv full", u"host=db port=5433 dbname=app user=doctor password=pw"_s, u"db"_s, u"5433"_s,
        u"app"_s, u"doctor"_s, u"pw"_s);
    row("kv spaces around =", u"host = db port= 5433 dbname =app"_s, u"db"_s, u"5433"_s, u"app"_s,
        {}, {});
    row("kv tabs and newlines", u"host=db\tport=5433\n dbname=app"_s, u"db"_s, u"5433"_s, u"app"_s,
        {}, {});
    row("kv quoted space", u"host=db password='a b'"_s, u"db"_s, {}, {}, {}, u"a b"_s);
    row("kv escaped quote", u"host=db password='it\\'s'"_s, u"db"_s, {}, {}, {}, u"it's"_s);
    row("kv escaped backslash", u"host=db password='back\\\\slash'"_s, u"db"_s, {}, {}, {},
        u"back\\slash"_s);
    row("kv unquoted escapes", u"host=db password=a\\ b\\'c"_s, u"db"_s, {}, {}, {}, u"a b'c"_s);
    row("kv empty quoted", u"host=db password=''"_s, u"db"_s, {}, {}, {}, {});
    row("kv ';' unquoted", u"host=db port=5433 password=x;y"_s, u"db"_s, u"5433"_s, {}, {},
        u"x;y"_s);
    row("kv host list", u"host=a,b port=5432,5433"_s, u"a,b"_s, u"5432,5433"_s, {}, {}, {});
    row("kv hostaddr", u"hostaddr=10.0.0.1 dbname=app"_s, u"10.0.0.1"_s, {}, u"app"_s, {}, {});
    row("kv ssl options", u"host=db sslmode=verify-ca sslrootcert=/etc/ca.pem"_s, u"db"_s, {}, {},
        {}, {}, { u"sslmode=verify-ca"_s, u"sslrootcert=/etc/ca.pem"_s });
    row("kv quoted application_name", u"host=db application_name='Doctor Dashboard'"_s, u"db"_s, {},
        {}, {}, {}, { u"application_name=Doctor Dashboard"_s });
    row("kv server options", u"host=db options='-c statement_timeout=5000'"_s, u"db"_s, {}, {}, {},
        {}, { u"options=-c statement_timeout=5000"_s });
    row("kv several options",
        u"host=db connect_timeout=10 keepalives=1 target_session_attrs=read-write"_s, u"db"_s, {},
        {}, {}, {},
        { u"connect_timeout=10"_s, u"keepalives=1"_s, u"target_session_attrs=read-write"_s });
    row("kv dbname only", u"dbname=app"_s, {}, {}, u"app"_s, {}, {});
    row("kv duplicate", u"host=a host=b"_s, u"b"_s, {}, {}, {}, {}, {}, 1);
    row("kv duplicate option", u"host=db sslmode=require sslmode=verify-full"_s, u"db"_s, {}, {},
        {}, {}, { u"sslmode=verify-full"_s }, 1);
}

void TestConnectionString::parsesPostgres()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QCOMPARE(int(pc.spec.driver), int(ConnectionSpec::Driver::Postgres));
    QTEST(pc.spec.host, "host");
    QTEST(pc.spec.port, "port");
    QTEST(pc.spec.database, "database");
    QTEST(pc.spec.user, "user");
    QTEST(pc.spec.password, "password");
    QTEST(optionList(pc.spec), "options");
    QTEST(int(pc.warnings.size()), "warnings");
}

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
        : form == u"uri"                                ? ConnectionString::parseUri(text)
                                                        : ConnectionString::parseKeywordValue(text);
    QCOMPARE(summary(ConnectionString::parse(text)), summary(expected));
}

void TestConnectionString::timeouts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("connect"); // -1: unset
    QTest::addColumn<int>("command");
    QTest::newRow("none") << u"Host=db"_s << -1 << -1;
    QTest::newRow("npgsql both") << u"Host=db;Timeout=15;Command Timeout=30"_s << 15 << 30;
    QTest::newRow("npgsql CommandTimeout 0") << u"Host=db;CommandTimeout=0"_s << -1 << 0;
    QTest::newRow("npgsql Timeout 0") << u"Host=db;Timeout=0"_s << 0 << -1;
    QTest::newRow("npgsql spaces") << u"Host=db;Timeout= 5 "_s << 5 << -1;
    QTest::newRow("kv") << u"host=db connect_timeout=10"_s << 10 << -1;
    QTest::newRow("uri") << u"postgresql://db?connect_timeout=2"_s << 2 << -1;
}

void TestConnectionString::timeouts()
{
    QFETCH(QString, text);
    QFETCH(int, connect);
    QFETCH(int, command);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QCOMPARE(pc.spec.connectTimeoutSec.value_or(-1), connect);
    QCOMPARE(pc.spec.commandTimeoutSec.value_or(-1), command);
    QCOMPARE(
        pc.spec.option(u"connect_timeout"_s), connect < 0 ? QString() : QString::number(connect));
}

void TestConnectionString::trustServerCertificate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("trust");
    QTest::newRow("unset") << u"Host=db"_s << false;
    QTest::newRow("spaced true") << u"Host=db;Trust Server Certificate=true"_s << true;
    QTest::newRow("TRUE") << u"Host=db;Trust Server Certificate=TRUE"_s << true;
    QTest::newRow("joined false") << u"Host=db;TrustServerCertificate=false"_s << false;
    QTest::newRow("last wins")
        << u"Host=db;Trust Server Certificate=true;TrustServerCertificate=False"_s << false;
}

void TestConnectionString::trustServerCertificate()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QTEST(pc.spec.trustServerCertificate, "trust");
}

void TestConnectionString::warns_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("warning"); // a fragment of the one expected warning

    // Pooling and driver keys libpq lacks: a warning naming the key, not an error.
    for (const char *key :
        { "Pooling=true", "Minimum Pool Size=1", "Min Pool Size=1", "Maximum Pool Size=50",
            "Max Pool Size=50", "Connection Idle Lifetime=300", "Connection Pruning Interval=10",
            "Connection Lifetime=60", "Keepalive=30", "Include Error Detail=true", "Enlist=false",
            "Multiplexing=true", "Log Parameters=true", "No Reset On Close=true",
            "Max Auto Prepare=10", "Read Buffer Size=8192", "Server Compatibility Mode=Redshift",
            "Cancellation Timeout=5", "Internal Command Timeout=5",
            "Persist Security Info=true" }) {
        const QString pair = QString::fromLatin1(key);
        QTest::addRow("npgsql %s", key)
            << u"Host=db;"_s + pair << u'"' + pair.section(u'=', 0, 0) + u"\" is an Npgsql"_s;
    }
    QTest::newRow("npgsql unknown") << u"Host=db;Flavour=vanilla"_s << u"\"Flavour\""_s;
    QTest::newRow("npgsql lenient user") << u"Host=db;user=u"_s << u"Npgsql rejects"_s;
    QTest::newRow("npgsql lenient dbname") << u"Host=db;dbname=app"_s << u"Npgsql rejects"_s;
    QTest::newRow("npgsql no host") << u"Database=app;Username=u"_s << u"No Host"_s;
    QTest::newRow("npgsql duplicate") << u"Host=db;Port=1;Port=2"_s << u"more than once"_s;
    QTest::newRow("npgsql alias duplicate") << u"Host=a;Server=b"_s << u"same thing"_s;
    QTest::newRow("npgsql PreferPrimary")
        << u"Host=db;Target Session Attributes=PreferPrimary"_s << u"no libpq equivalent"_s;
    QTest::newRow("npgsql trust with verify")
        << u"Host=db;SSL Mode=VerifyFull;Trust Server Certificate=true"_s << u"contradicts"_s;
    QTest::newRow("kv unknown") << u"host=db flavour=vanilla"_s << u"\"flavour\""_s;
    QTest::newRow("kv upper-case key") << u"host=db SSLMODE=require"_s << u"\"SSLMODE\""_s;
    QTest::newRow("kv libpq key not passed") << u"host=db requiressl=1"_s << u"does not pass"_s;
    QTest::newRow("kv sslpassword not passed") << u"host=db sslpassword=x"_s << u"does not pass"_s;
    QTest::newRow("kv hostaddr and host") << u"host=db hostaddr=10.0.0.1"_s << u"hostaddr"_s;
    QTest::newRow("uri unknown") << u"postgresql://db?flavour=vanilla"_s << u"\"flavour\""_s;
    QTest::newRow("uri ssl=false") << u"postgresql://db?ssl=false"_s << u"\"ssl\""_s;
    QTest::newRow("uri duplicate")
        << u"postgresql://db?sslmode=require&sslmode=disable"_s << u"more than once"_s;
    QTest::newRow("uri dbname twice") << u"postgresql://db/a?dbname=b"_s << u"\"dbname\""_s;
}

void TestConnectionString::warns()
{
    QFETCH(QString, text);
    QFETCH(QString, warning);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QCOMPARE(pc.warnings.size(), 1);
    QVERIFY2(pc.warnings.first().contains(warning), qPrintable(pc.warnings.first()));
    // Ignored keys never reach the options.
    for (const auto &[key, value] : pc.spec.options)
        QVERIFY(ConnectionSpec::isAllowedOption(key));
}

void TestConnectionString::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error"); // a fragment of the message

    QTest::newRow("empty") << QString() << u"empty"_s;
    QTest::newRow("blank") << u"  \t "_s << u"empty"_s;
    QTest::newRow("sqlite without path") << u"sqlite:"_s << u"needs a database file"_s;
    QTest::newRow("no '='") << u"just some words"_s << u"does not start with key=value"_s;

    QTest::newRow("npgsql no '='") << u"Host=db;Port"_s << u"value of \"Host\""_s;
    QTest::newRow("npgsql empty key") << u"Host=db;=x"_s << u"no key"_s;
    QTest::newRow("npgsql unterminated '") << u"Host=db;Password='abc"_s << u"never closed"_s;
    QTest::newRow("npgsql unterminated \"") << u"Host=db;Password=\"abc"_s << u"never closed"_s;
    QTest::newRow("npgsql text after quote")
        << u"Host=db;Password='a'b"_s << u"after its closing quote"_s;
    QTest::newRow("npgsql port not numeric") << u"Host=db;Port=abc"_s << u"\"Port\" \"abc\""_s;
    QTest::newRow("npgsql port too big") << u"Host=db;Port=70000"_s << u"\"Port\""_s;
    QTest::newRow("npgsql port zero") << u"Host=db;Port=0"_s << u"\"Port\""_s;
    QTest::newRow("npgsql port list") << u"Host=db;Port=5432,5433"_s << u"one port"_s;
    QTest::newRow("npgsql port in Host") << u"Host=db:abc"_s << u"Host"_s;
    QTest::newRow("npgsql empty host entry") << u"Host=a,,b"_s << u"empty entry"_s;
    QTest::newRow("npgsql Timeout") << u"Host=db;Timeout=soon"_s << u"\"Timeout\""_s;
    QTest::newRow("npgsql negative Timeout") << u"Host=db;Timeout=-1"_s << u"\"Timeout\""_s;
    QTest::newRow("npgsql Command Timeout")
        << u"Host=db;Command Timeout=1.5"_s << u"\"Command Timeout\""_s;
    QTest::newRow("npgsql SSL Mode") << u"Host=db;SSL Mode=Sometimes"_s << u"\"SSL Mode\""_s;
    QTest::newRow("npgsql Trust") << u"Host=db;Trust Server Certificate=maybe"_s
                                  << u"true or false"_s;
    QTest::newRow("npgsql Target Session")
        << u"Host=db;Target Session Attributes=Any2"_s << u"\"Target Session Attributes\""_s;
    QTest::newRow("npgsql keepalive time")
        << u"Host=db;Tcp Keepalive Time=long"_s << u"\"Tcp Keepalive Time\""_s;
    QTest::newRow("npgsql options switch") << u"Host=db;Options=-d 5"_s << u"\"-d\""_s;
    QTest::newRow("npgsql options dangling -c") << u"Host=db;Options=-c"_s << u"ends with"_s;
    QTest::newRow("npgsql options bad name")
        << u"Host=db;Options=-c 1x=2"_s << u"not a server setting"_s;
    QTest::newRow("npgsql options no value")
        << u"Host=db;Options=-c geqo"_s << u"not a server setting"_s;
    QTest::newRow("npgsql newline in app name")
        << u"Host=db;Application Name='a\nb'"_s << u"control character"_s;

    QTest::newRow("uri not postgres") << u"mysql://db"_s << u"postgresql://"_s;
    QTest::newRow("uri unclosed [") << u"postgresql://[::1/app"_s << u"closing ']'"_s;
    QTest::newRow("uri text after ]") << u"postgresql://[::1]x/app"_s << u"after the IPv6"_s;
    QTest::newRow("uri port") << u"postgresql://db:abc/app"_s << u"port"_s;
    QTest::newRow("uri port too big") << u"postgresql://db:99999/app"_s << u"port"_s;
    QTest::newRow("uri bad %") << u"postgresql://db/a%zzb"_s << u"percent-encoding"_s;
    QTest::newRow("uri short %") << u"postgresql://db/app%2"_s << u"percent-encoding"_s;
    QTest::newRow("uri %00") << u"postgresql://db/a%00b"_s << u"percent-encoding"_s;
    QTest::newRow("uri param without =") << u"postgresql://db/app?sslmode"_s << u"no '='"_s;
    QTest::newRow("uri second =") << u"postgresql://db/app?options=-c%20geqo=off"_s
                                  << u"second '='"_s;
    QTest::newRow("uri connect_timeout")
        << u"postgresql://db?connect_timeout=soon"_s << u"\"connect_timeout\""_s;
    QTest::newRow("uri sslmode") << u"postgresql://db?sslmode=sometimes"_s << u"\"sslmode\""_s;
    QTest::newRow("uri port param") << u"postgresql://db?port=x"_s << u"\"port\""_s;

    QTest::newRow("kv missing =") << u"host db"_s << u"does not start"_s;
    QTest::newRow("kv unquoted space")
        << u"host=db application_name=a b"_s << u"after the value of \"application_name\""_s;
    QTest::newRow("kv empty key") << u"host=db =x"_s << u"no key"_s;
    QTest::newRow("kv unterminated") << u"host='db"_s << u"never closed"_s;
    QTest::newRow("kv port") << u"host=db port=x"_s << u"\"port\""_s;
    QTest::newRow("kv port list") << u"host=a,b port=5432,x"_s << u"\"port\""_s;
    QTest::newRow("kv sslmode") << u"host=db sslmode=on"_s << u"\"sslmode\""_s;
    QTest::newRow("kv keepalives") << u"host=db keepalives=yes"_s << u"\"keepalives\""_s;
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

void TestConnectionString::rejectsSmuggling_data()
{
    // RELIABILITY 15: settings hidden inside another setting's value.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("npgsql app name host=")
        << u"Host=db;Application Name=x host=evil"_s << u"\"host=\""_s;
    QTest::newRow("npgsql app name host =")
        << u"Host=db;Application Name='x host = evil'"_s << u"\"host=\""_s;
    QTest::newRow("npgsql app name password=")
        << u"Host=db;Application Name=\"a password=b\""_s << u"\"password=\""_s;
    QTest::newRow("npgsql app name DBNAME=")
        << u"Host=db;Application Name=x DBNAME=other"_s << u"\"dbname=\""_s;
    QTest::newRow("npgsql app name user=")
        << u"Host=db;Application Name=x\tuser=postgres"_s << u"control character"_s;
    QTest::newRow("npgsql app name leading user=")
        << u"Host=db;Application Name=user=postgres"_s << u"\"user=\""_s;
    QTest::newRow("npgsql app name ;") << u"Host=db;Application Name='a;host=evil'"_s << u"';'"_s;
    QTest::newRow("npgsql options password=")
        << u"Host=db;Options=-c search_path=x password=y"_s << u"\"password=...\""_s;
    QTest::newRow("npgsql options host=") << u"Host=db;Options=host=evil"_s << u"\"host=...\""_s;
    QTest::newRow("npgsql options --name then host=")
        << u"Host=db;Options=--search_path=a host=b"_s << u"\"host=...\""_s;
    QTest::newRow("npgsql options escaped space")
        << u"Host=db;Options=-c search_path=x\\ host=evil"_s << u"\"host=\""_s;
    QTest::newRow("npgsql options setting value")
        << u"Host=db;Options=-c application_name=user=postgres"_s << u"\"user=\""_s;
    QTest::newRow("npgsql options quote breakout")
        << u"Host=db;Options=\"-c x=1' host='evil\""_s << u"\"host=...\""_s;
    QTest::newRow("npgsql search path")
        << u"Host=db;Search Path=public password=x"_s << u"\"password=\""_s;
    QTest::newRow("npgsql root certificate")
        << u"Host=db;Root Certificate=/a port=1"_s << u"\"port=\""_s;
    QTest::newRow("npgsql database") << u"Host=db;Database=app host=evil"_s << u"database name"_s;
    QTest::newRow("npgsql database uri")
        << u"Host=db;Database=postgresql://evil/x"_s << u"database name"_s;

    QTest::newRow("uri options host=")
        << u"postgresql://db/app?options=host%3Devil"_s << u"\"host=...\""_s;
    QTest::newRow("uri options -c then host=")
        << u"postgresql://db/app?options=-c%20geqo%3Doff%20host%3Devil"_s << u"\"host=...\""_s;
    QTest::newRow("uri app name") << u"postgresql://db/app?application_name=x%20host%3Devil"_s
                                  << u"\"host=\""_s;
    QTest::newRow("uri app name ;") << u"postgresql://db/app?application_name=a%3Bb"_s << u"';'"_s;
    QTest::newRow("uri app name newline")
        << u"postgresql://db/app?application_name=a%0Ab"_s << u"control character"_s;
    QTest::newRow("uri database") << u"postgresql://db/app%20host%3Devil"_s << u"database name"_s;

    // Quoted, libpq would keep "a host=b" as one harmless value; it is rejected anyway
    // (defence in depth: a later change of quoting or driver cannot turn it into a setting).
    QTest::newRow("kv quoted app name")
        << u"host=db application_name='a host=b'"_s << u"\"host=\""_s;
    QTest::newRow("kv escaped app name")
        << u"host=db application_name=x\\ host=evil"_s << u"\"host=\""_s;
    QTest::newRow("kv options host=")
        << u"host=db options='-c geqo=off host=evil'"_s << u"\"host=...\""_s;
    QTest::newRow("kv options escaped")
        << u"host=db options='-c search_path=a\\\\ password=b'"_s << u"\"password=\""_s;
    QTest::newRow("kv fallback_application_name")
        << u"host=db fallback_application_name='x sslmode=disable'"_s << u"\"sslmode=\""_s;
    QTest::newRow("kv dbname is a conninfo")
        << u"host=db dbname='host=evil'"_s << u"database name"_s;
    QTest::newRow("kv dbname is a uri")
        << u"host=db dbname=postgres://evil/x"_s << u"database name"_s;
}

void TestConnectionString::rejectsSmuggling()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY(!pc.ok());
    QVERIFY2(pc.error.contains(error), qPrintable(pc.error));
    // The smuggled value itself is not echoed.
    QVERIFY2(!pc.error.contains(u"evil"_s), qPrintable(pc.error));
}

void TestConnectionString::sentinelPassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("npgsql single quotes") << u"Host=db;Password='S3ntinel;p''w\\ d';Username=u"_s;
    QTest::newRow("npgsql double quotes") << u"Host=db;Password=\"S3ntinel;p'w\\ d\";Username=u"_s;
    QTest::newRow("npgsql PWD first") << u"PWD='S3ntinel;p''w\\ d';Host=db;Username=u"_s;
    QTest::newRow("kv quoted") << u"host=db password='S3ntinel;p\\'w\\\\ d' user=u"_s;
    QTest::newRow("kv unquoted escapes") << u"host=db password=S3ntinel;p\\'w\\\\\\ d user=u"_s;
    QTest::newRow("uri encoded") << u"postgresql://u:S3ntinel%3Bp%27w%5C%20d@db/app"_s;
    QTest::newRow("uri encoded lower-case hex") << u"postgresql://u:S3ntinel%3bp%27w%5c%20d@db"_s;
    QTest::newRow("uri query") << u"postgresql://u@db?password=S3ntinel%3Bp%27w%5C%20d"_s;
}

void TestConnectionString::sentinelPassword()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QCOMPARE(pc.spec.password, sentinel);
    QCOMPARE(pc.spec.user, u"u"_s);
    QCOMPARE(pc.spec.host, u"db"_s);
    QVERIFY(pc.warnings.isEmpty());
    QVERIFY(!mentionsSentinel(pc.spec.describe()));
    QVERIFY(!mentionsSentinel(pc.spec.qtConnectOptions()));
}

void TestConnectionString::sentinelNeverInMessages_data()
{
    // RELIABILITY 14/18: broken strings around the sentinel; the error must not repeat it.
    QTest::addColumn<QString>("text");
    QTest::newRow("npgsql unquoted") << u"Host=db;Password=S3ntinel;p'w\\ d"_s;
    QTest::newRow("npgsql unquoted then key") << u"Host=db;Password=S3ntinel;p'w\\ d;Port=1"_s;
    QTest::newRow("npgsql bad single quoting") << u"Host=db;Password='S3ntinel;p'w\\ d'"_s;
    QTest::newRow("npgsql unterminated") << u"Host=db;Password=\"S3ntinel;p'w\\ d"_s;
    QTest::newRow("kv unquoted") << u"host=db password=S3ntinel;p'w\\ d"_s;
    QTest::newRow("kv unquoted first") << u"password=S3ntinel;p'w\\ d host=db"_s;
    QTest::newRow("kv bad quoting") << u"host=db password='S3ntinel;p'w\\ d'"_s;
    QTest::newRow("kv unterminated") << u"host=db password='S3ntinel;p\\'w\\ d"_s;
    QTest::newRow("uri bad encoding") << u"postgresql://u:S3ntinel%zzp'w\\ d@db/app"_s;
    QTest::newRow("uri password shifted to port") << u"postgresql://u:S3ntinel;p'w/x@db"_s;
    QTest::newRow("uri query no =") << u"postgresql://db?password=S3ntinel&p'w\\ d"_s;
    QTest::newRow("uri query second =") << u"postgresql://db?password=S3ntinel=p'w\\ d"_s;
    QTest::newRow("uri query bad encoding") << u"postgresql://db?password=S3ntinel%g1p'w"_s;
    QTest::newRow("npgsql password then bad port")
        << u"Host=db;Password='S3ntinel;p''w\\ d';Port=x"_s;
    QTest::newRow("kv password then smuggling")
        << u"password='S3ntinel;p\\'w\\\\ d' host=db application_name='a host=b'"_s;
    QTest::newRow("npgsql password and unknown key")
        << u"Host=db;Password='S3ntinel;p''w\\ d';Flavour=x;Pooling=true"_s;
}

void TestConnectionString::sentinelNeverInMessages()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(!mentionsSentinel(pc.error), qPrintable(pc.error));
    for (const QString &warning : pc.warnings)
        QVERIFY2(!mentionsSentinel(warning), qPrintable(warning));
    if (!pc.ok())
        QVERIFY(pc.spec.password.isEmpty());
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
    QVERIFY(pc.spec.qtConnectOptions().isEmpty());
    QCOMPARE(pc.spec.tlsVerification(), u"off"_s);
}

void TestConnectionString::qtConnectOptions_data()
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

void TestConnectionString::qtConnectOptions()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QTEST(pc.spec.qtConnectOptions(), "expected");
}

void TestConnectionString::qtConnectOptionsSurviveQpsql_data()
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
// libpq parses: reading it back the same way must give the same options.
void TestConnectionString::qtConnectOptionsSurviveQpsql()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QString conninfo = pc.spec.qtConnectOptions();
    conninfo.replace(u';', u' ');
    const ParsedConnection back = ConnectionString::parseKeywordValue(conninfo);
    QVERIFY2(back.ok(), qPrintable(back.error));
    ConnectionSpec expected = pc.spec;
    if (expected.connectTimeoutSec)
        expected.setOption(u"connect_timeout"_s, QString::number(*expected.connectTimeoutSec));
    QCOMPARE(optionList(back.spec), optionList(expected));
}

void TestConnectionString::qtConnectOptionsAddsTimeoutAndSkipsUnsafeValues()
{
    ConnectionSpec spec;
    spec.connectTimeoutSec = 3;
    spec.setOption(u"application_name"_s, u"a;b"_s); // only code can get a ';' in here
    spec.setOption(u"sslmode"_s, u"require"_s);
    QCOMPARE(spec.qtConnectOptions(), u"sslmode=require;connect_timeout=3"_s);
    spec.setOption(u"connect_timeout"_s, u"9"_s);
    QCOMPARE(spec.qtConnectOptions(), u"sslmode=require;connect_timeout=3"_s);
}

void TestConnectionString::describe_data()
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

void TestConnectionString::describe()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QTEST(pc.spec.describe(), "expected");
}

void TestConnectionString::tlsVerification_data()
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

void TestConnectionString::tlsVerification()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QTEST(pc.spec.tlsVerification(), "expected");
}

void TestConnectionString::allowList_data()
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

void TestConnectionString::allowList()
{
    QFETCH(QString, key);
    QTEST(ConnectionSpec::isAllowedOption(key), "allowed");
}

void TestConnectionString::setOptionKeepsOrder()
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

void TestConnectionString::portListHasNoBlanks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("port");
    // A blank after a port used to stay in the list: libpq ends an unquoted list at the
    // blank, and a blank-only port reached QSqlDatabase::setPort() as 0.
    QTest::newRow("uri form feed") << u"postgresql://a,b:543\f/ap2"_s << u",543"_s;
    QTest::newRow("uri blank port") << u"postgresql://pos/db?port=\r"_s << QString();
    QTest::newRow("uri spaces") << u"postgresql://dt: 3, x,,y/db"_s << u"3,,,"_s;
    QTest::newRow("npgsql host ports") << u"Host=a: 5432,b:5433 ;Database=d"_s << u"5432,5433"_s;
    QTest::newRow("npgsql quoted port") << u"Host=a;Port=' 5432 '"_s << u"5432"_s;
    QTest::newRow("keyword quoted list") << u"host=a,b port='5432, 5433'"_s << u"5432,5433"_s;
}

void TestConnectionString::portListHasNoBlanks()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QTEST(pc.spec.port, "port");
}

QTEST_GUILESS_MAIN(TestConnectionString)
#include "tst_connectionstring.moc"
