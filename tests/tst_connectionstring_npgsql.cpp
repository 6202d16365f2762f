// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// Npgsql connection strings (ConnectionString::parseNpgsql, through parse()): every key and
// alias, quoting, hosts and ports, duplicates, timeouts, warnings and errors. RELIABILITY 14.

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

class TestConnectionStringNpgsql : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void timeouts_data();
    void timeouts();
    void trustServerCertificate_data();
    void trustServerCertificate();
    void warns_data();
    void warns();
    void rejects_data();
    void rejects();
};

void TestConnectionStringNpgsql::parses_data()
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
}

void TestConnectionStringNpgsql::parses()
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

void TestConnectionStringNpgsql::timeouts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("connect"); // -1: unset
    QTest::addColumn<int>("command");
    QTest::newRow("none") << u"Host=db"_s << -1 << -1;
    QTest::newRow("npgsql both") << u"Host=db;Timeout=15;Command Timeout=30"_s << 15 << 30;
    QTest::newRow("npgsql CommandTimeout 0") << u"Host=db;CommandTimeout=0"_s << -1 << 0;
    QTest::newRow("npgsql Timeout 0") << u"Host=db;Timeout=0"_s << 0 << -1;
    QTest::newRow("npgsql spaces") << u"Host=db;Timeout= 5 "_s << 5 << -1;
}

void TestConnectionStringNpgsql::timeouts()
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

void TestConnectionStringNpgsql::trustServerCertificate_data()
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

void TestConnectionStringNpgsql::trustServerCertificate()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QTEST(pc.spec.trustServerCertificate, "trust");
}

void TestConnectionStringNpgsql::warns_data()
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
}

void TestConnectionStringNpgsql::warns()
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

void TestConnectionStringNpgsql::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error"); // a fragment of the message

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
}

void TestConnectionStringNpgsql::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY(!pc.ok());
    QVERIFY2(pc.error.contains(error), qPrintable(pc.error));
    QVERIFY(pc.spec.password.isEmpty()); // a failed parse hands back no secrets
}

QTEST_GUILESS_MAIN(TestConnectionStringNpgsql)
#include "tst_connectionstring_npgsql.moc"
