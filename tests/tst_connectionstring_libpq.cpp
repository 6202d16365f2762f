// SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
// SPDX-License-Identifier: MIT
// libpq connection strings, keyword/value and URI (ConnectionString::parseLibpq, through
// parse()), which libpq itself reads (PQconninfoParse): what the spec holds, the warnings,
// the refusals and their messages, and that libpq, not the doctor, decides (RELIABILITY 14).

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

} // namespace

class TestConnectionStringLibpq : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void warns_data();
    void warns();
    void rejects_data();
    void rejects();
    // Where real libpq reads a string otherwise than the doctor's old hand-written parser.
    void readsAsLibpqDoes_data();
    void readsAsLibpqDoes();
    void keywordsComeFromLibpq();
};

void TestConnectionStringLibpq::parses_data()
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

    // URIs
    row("uri full", u"postgresql://doctor:pw@db:5433/app"_s, u"db"_s, u"5433"_s, u"app"_s,
        u"doctor"_s, u"pw"_s);
    row("uri postgres scheme", u"postgres://db/app"_s, u"db"_s, {}, u"app"_s, {}, {});
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
    row("uri trailing &", u"postgresql://db/app?sslmode=require&"_s, u"db"_s, {}, u"app"_s, {}, {},
        { u"sslmode=require"_s });
    row("uri sslnegotiation", u"postgresql://db?sslnegotiation=direct&sslmode=require"_s, u"db"_s,
        {}, {}, {}, {}, { u"sslnegotiation=direct"_s, u"sslmode=require"_s });

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
    row("kv options in written order", u"sslmode=require host=db connect_timeout=3"_s, u"db"_s, {},
        {}, {}, {}, { u"sslmode=require"_s, u"connect_timeout=3"_s });
    row("kv dbname only", u"dbname=app"_s, {}, {}, u"app"_s, {}, {});
    row("kv duplicate", u"host=a host=b"_s, u"b"_s, {}, {}, {}, {}, {}, 1);
    row("kv duplicate option", u"host=db sslmode=require sslmode=verify-full"_s, u"db"_s, {}, {},
        {}, {}, { u"sslmode=verify-full"_s }, 1);
}

void TestConnectionStringLibpq::parses()
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
    const QString timeout = pc.spec.option(u"connect_timeout"_s);
    QCOMPARE(pc.spec.connectTimeoutSec.value_or(-1), timeout.isEmpty() ? -1 : timeout.toInt());
}

void TestConnectionStringLibpq::warns_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("warning"); // a fragment of the one expected warning
    QTest::newRow("kv libpq key not passed")
        << u"host=db sslcertmode=allow"_s << u"does not pass"_s;
    QTest::newRow("kv sslpassword not passed") << u"host=db sslpassword=x"_s << u"does not pass"_s;
    QTest::newRow("kv hostaddr and host") << u"host=db hostaddr=10.0.0.1"_s << u"hostaddr"_s;
    QTest::newRow("kv duplicate") << u"host=a host=b"_s << u"\"host\" is given more than once"_s;
    QTest::newRow("kv requiressl and sslmode")
        << u"host=db requiressl=1 sslmode=disable"_s << u"\"sslmode\" is given more"_s;
    QTest::newRow("uri duplicate")
        << u"postgresql://db?sslmode=require&sslmode=disable"_s << u"more than once"_s;
    QTest::newRow("uri dbname twice") << u"postgresql://db/a?dbname=b"_s << u"\"dbname\""_s;
    QTest::newRow("uri ssl=true and sslmode")
        << u"postgresql://db?ssl=true&sslmode=disable"_s << u"\"sslmode\" is given more"_s;
}

void TestConnectionStringLibpq::warns()
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

void TestConnectionStringLibpq::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error"); // a fragment of the message
    QTest::newRow("uri unclosed [") << u"postgresql://[::1/app"_s << u"closing ']'"_s;
    QTest::newRow("uri text after ]") << u"postgresql://[::1]x/app"_s << u"after the IPv6"_s;
    QTest::newRow("uri empty []") << u"postgresql://[]/app"_s << u"is empty"_s;
    QTest::newRow("uri port") << u"postgresql://db:abc/app"_s << u"port"_s;
    QTest::newRow("uri port too big") << u"postgresql://db:99999/app"_s << u"port"_s;
    QTest::newRow("uri bad %") << u"postgresql://db/a%zzb"_s << u"percent-encoding"_s;
    QTest::newRow("uri short %") << u"postgresql://db/app%2"_s << u"percent-encoding"_s;
    QTest::newRow("uri %00") << u"postgresql://db/a%00b"_s << u"percent-encoding"_s;
    QTest::newRow("uri param without =") << u"postgresql://db/app?sslmode"_s << u"no '='"_s;
    QTest::newRow("uri second =") << u"postgresql://db/app?options=-c%20geqo=off"_s
                                  << u"second '='"_s;
    QTest::newRow("uri param without name") << u"postgresql://db?=x"_s << u"no name"_s;
    QTest::newRow("uri bad % in value")
        << u"postgresql://db?application_name=a%g"_s << u"value of \"application_name\""_s;
    QTest::newRow("uri connect_timeout")
        << u"postgresql://db?connect_timeout=soon"_s << u"\"connect_timeout\""_s;
    QTest::newRow("uri sslmode") << u"postgresql://db?sslmode=sometimes"_s << u"\"sslmode\""_s;
    QTest::newRow("uri port param") << u"postgresql://db?port=x"_s << u"\"port\""_s;

    QTest::newRow("kv missing =") << u"host db"_s << u"does not start"_s;
    QTest::newRow("kv unquoted space")
        << u"host=db application_name=a b"_s << u"after the value of \"application_name\""_s;
    QTest::newRow("kv empty key") << u"host=db =x"_s << u"no key"_s;
    QTest::newRow("kv unterminated") << u"host='db"_s << u"never closed"_s;
    QTest::newRow("kv escaped closing quote") << u"host='db\\'"_s << u"never closed"_s;
    QTest::newRow("kv port") << u"host=db port=x"_s << u"\"port\""_s;
    QTest::newRow("kv port list") << u"host=a,b port=5432,x"_s << u"\"port\""_s;
    QTest::newRow("kv sslmode") << u"host=db sslmode=on"_s << u"\"sslmode\""_s;
    QTest::newRow("kv keepalives") << u"host=db keepalives=yes"_s << u"\"keepalives\""_s;

    // libpq refuses these; the old hand-written parser accepted them (unknown keys with a
    // warning, the rest silently).
    QTest::newRow("kv unknown key") << u"host=db flavour=vanilla"_s << u"\"flavour\" is not"_s;
    QTest::newRow("kv upper-case key") << u"host=db SSLMODE=require"_s << u"\"SSLMODE\" is not"_s;
    QTest::newRow("uri unknown parameter")
        << u"postgresql://db?flavour=vanilla"_s << u"\"flavour\" is not"_s;
    QTest::newRow("uri ssl=false") << u"postgresql://db?ssl=false"_s << u"ssl=true"_s;
    QTest::newRow("uri leading &") << u"postgresql://db/app?&sslmode=require"_s << u"empty"_s;
    QTest::newRow("uri &&") << u"postgresql://db/app?sslmode=require&&x=1"_s << u"empty"_s;
    QTest::newRow("uri raw '@' in password") << u"postgresql://u:p@ss@db/app"_s << u"%40"_s;
}

void TestConnectionStringLibpq::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY(!pc.ok());
    QVERIFY2(pc.error.contains(error), qPrintable(pc.error));
    QVERIFY(pc.spec.password.isEmpty()); // a failed parse hands back no secrets
}

void TestConnectionStringLibpq::readsAsLibpqDoes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QStringList>("options");
    // The old parser ignored requiressl with a warning (so the doctor connected with
    // sslmode=prefer); libpq reads it as sslmode.
    QTest::newRow("requiressl=1") << u"host=db requiressl=1"_s << u"db"_s << QString()
                                  << QStringList { u"sslmode=require"_s };
    QTest::newRow("requiressl=0") << u"host=db requiressl=0"_s << u"db"_s << QString()
                                  << QStringList { u"sslmode=prefer"_s };
    // libpq splits on ASCII blanks only; the old parser also split on U+00A0.
    QTest::newRow("no-break space")
        << u"host=db\u00a0port=5433"_s << u"db\u00a0port=5433"_s << QString() << QStringList();
    QTest::newRow("quoted value, then a key")
        << u"host='db'port=5433"_s << u"db"_s << u"5433"_s << QStringList();
    QTest::newRow("uri all encoded")
        << u"postgresql://%75:%70@%64%62:%35%34%33%33/%61?application%5Fname=%61"_s << u"db"_s
        << u"5433"_s << QStringList { u"application_name=a"_s };
    QTest::newRow("uri ssl=true") << u"postgresql://db?ssl=true"_s << u"db"_s << QString()
                                  << QStringList { u"sslmode=require"_s };
}

// The spec holds exactly what libpq reads, whatever the old parser did.
void TestConnectionStringLibpq::readsAsLibpqDoes()
{
    QFETCH(QString, text);
    const ParsedConnection pc = ConnectionString::parse(text);
    QVERIFY2(pc.ok(), qPrintable(pc.error));
    QVERIFY2(pc.warnings.isEmpty(), qPrintable(pc.warnings.join(u'\n')));
    QTEST(pc.spec.host, "host");
    QTEST(pc.spec.port, "port");
    QTEST(optionList(pc.spec), "options");
    const std::optional<LibpqConninfo::Options> libpq = LibpqConninfo::parse(text);
    QVERIFY(libpq);
    for (const auto &[key, value] : *libpq) {
        const QString ours = key == u"host" ? pc.spec.host
            : key == u"port"                ? pc.spec.port
            : key == u"dbname"              ? pc.spec.database
            : key == u"user"                ? pc.spec.user
            : key == u"password"            ? pc.spec.password
                                            : pc.spec.option(key);
        QCOMPARE(ours, value);
    }
}

void TestConnectionStringLibpq::keywordsComeFromLibpq()
{
    const QStringList &keywords = LibpqConninfo::keywords();
    for (const char *key : { "host", "hostaddr", "port", "dbname", "user", "password", "sslmode",
             "options", "application_name", "target_session_attrs" })
        QVERIFY2(keywords.contains(QString::fromLatin1(key)), key);
    // Every keyword libpq lists is read as one (whatever the value "1" makes of it).
    for (const QString &key : keywords) {
        const ParsedConnection pc = ConnectionString::parse(u"host=db "_s + key + u"=1"_s);
        QVERIFY2(
            !pc.error.contains(u"not a libpq keyword"_s), qPrintable(key + u": "_s + pc.error));
    }
    // Keywords of other libpq versions (PostgreSQL 18 added oauth_*, scram_*_key,
    // *_protocol_version and sslkeylogfile; 17 added sslnegotiation; authtype and tty are
    // gone), misspellings and other cases: refused exactly when this libpq does not know them.
    // The old parser kept its own table of PostgreSQL 18's keywords and read every one of
    // them, whichever libpq it was linked with.
    for (const char *name :
        { "oauth_issuer", "oauth_client_id", "scram_client_key", "min_protocol_version",
            "sslkeylogfile", "sslnegotiation", "authtype", "tty", "flavour", "SSLMODE", "Host" }) {
        const QString key = QString::fromLatin1(name);
        const ParsedConnection pc = ConnectionString::parse(u"host=db "_s + key + u"=x"_s);
        if (keywords.contains(key)) {
            QVERIFY2(!pc.error.contains(u"not a libpq keyword"_s), name);
        } else {
            QVERIFY2(!pc.ok(), name);
            QVERIFY2(pc.error.contains(u'"' + key + u"\" is not a libpq keyword"_s),
                qPrintable(pc.error));
        }
    }
}

QTEST_GUILESS_MAIN(TestConnectionStringLibpq)
#include "tst_connectionstring_libpq.moc"
